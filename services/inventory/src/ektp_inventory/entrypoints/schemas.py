"""Request bodies (constraints here give a 422 naming the field) and answers."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from ektp_shared.office import current as current_office
from ektp_shared.openapi import Answer

Text = Field(min_length=1, max_length=200)

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def _one_line(value: str) -> str:
    # References, names and places go into PDF lines, file names and headers: a line
    # break there would split or forge a line of the berita acara or a response header.
    if _CONTROL.search(value):
        raise ValueError("satu baris saja: tanpa baris baru (CR/LF), tab atau karakter kendali")
    return value


OneLine = Annotated[str, AfterValidator(_one_line)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Range(Strict):
    first: OneLine = Field(min_length=1, max_length=40, examples=["BLK0001001"])
    last: OneLine = Field(min_length=1, max_length=40, examples=["BLK0008000"])


class SerialList(Strict):
    serials: list[str] = Field(default_factory=list, max_length=200_000)
    ranges: list[Range] = Field(default_factory=list, max_length=1000)


class ReceiptIn(SerialList):
    batch_reference: OneLine | None = Field(None, min_length=1, max_length=100)
    letter_number: OneLine = Field(min_length=1, max_length=100,
                               description="Nomor surat pengantar from the ministry")
    letter_date: dt.date
    quantity: int | None = Field(None, ge=1, le=1_000_000,
                                 description="The quantity the letter states; checked")
    note: str = Field("", max_length=500)


class IssueIn(SerialList):
    reference: OneLine | None = Field(None, min_length=1, max_length=100)
    quantity: int | None = Field(None, ge=1, le=1_000_000,
                                 description="Let the store pick the lowest serials")

    @model_validator(mode="after")
    def one_way(self) -> IssueIn:
        if self.quantity is not None and (self.serials or self.ranges):
            raise ValueError("give either quantity or serials/ranges, not both")
        if self.quantity is None and not (self.serials or self.ranges):
            raise ValueError("give a quantity, or the serials/ranges handed over")
        return self


class ReturnIn(SerialList):
    reference: OneLine | None = Field(None, min_length=1, max_length=100)
    returned_from: Literal["print-room", "store"]
    returned_to: Literal["store", "ministry"]
    letter_number: OneLine | None = Field(None, max_length=100)
    reason: str = Field("", max_length=500)


class Witness(Strict):
    nama: OneLine = Field(min_length=2, max_length=100)
    nip: OneLine = Field("", max_length=30)
    jabatan: OneLine = Field("", max_length=100)


class DestructionIn(SerialList):
    reference: OneLine | None = Field(None, min_length=1, max_length=100)
    destroyed_on: dt.date
    # Default: the office's own (Kantor Dinas Dukcapil <kabupaten/kota>).
    place: OneLine = Field(default_factory=lambda: current_office().kantor, min_length=1,
                           max_length=200)
    method: OneLine = Field("dipotong dan dibakar", min_length=1, max_length=200)
    witnesses: list[Witness] = Field(min_length=2, max_length=20)


class StockCountIn(Strict):
    location: Literal["store", "print-room"]
    serials: list[str] | None = Field(None, max_length=200_000)
    ranges: list[Range] = Field(default_factory=list, max_length=1000)
    quantity: int | None = Field(None, ge=0, le=1_000_000)

    @model_validator(mode="after")
    def one_way(self) -> StockCountIn:
        by_serial = self.serials is not None or bool(self.ranges)
        if by_serial == (self.quantity is not None):
            raise ValueError("count either by serial (serials/ranges) or by quantity")
        return self


class DecisionIn(Strict):
    note: str = Field("", max_length=500)


class ResolutionIn(Strict):
    resolution: str = Field(min_length=3, max_length=500,
                            description="What the storekeeper found and did")


# --- answers ------------------------------------------------------------------------------
# What each route sends back; the OpenAPI document (docs/openapi/inventory.json) is made
# from these. Answers built from dicts pass through them: a key not listed is not sent.

BlankState = Literal["IN_STORE", "ISSUED", "USED", "SPOILED", "DESTROYED", "RETURNED",
                     "ADJUSTED"]
Location = Literal["store", "print-room", "resident", "destroyed", "ministry", "written-off"]
Open = dict[str, Any]  # free detail a movement or an exception carries (JSONB as written)


class ReceiptOut(Answer):
    batch_reference: str
    letter_number: str
    letter_date: dt.date
    quantity: int
    first_serial: str
    last_serial: str


class Receipt(Answer):
    batch_reference: str
    letter_number: str
    letter_date: dt.date
    quantity: int
    received_by: str
    note: str
    at: dt.datetime


class IssueOut(Answer):
    reference: str
    quantity: int
    to: Literal["print-room"]
    serials: list[str]


class ReturnOut(Answer):
    reference: str
    quantity: int
    returned_from: Literal["print-room", "store"]
    returned_to: Literal["store", "ministry"]


class DestructionOut(Answer):
    reference: str
    quantity: int
    destroyed_on: dt.date
    berita_acara: str = Field(description="path of the berita acara PDF")


class Destruction(Answer):
    reference: str
    destroyed_on: dt.date
    place: str
    method: str
    witnesses: list[Witness]
    serials: list[str]
    recorded_by: str
    at: dt.datetime


class Discrepancy(Answer):
    location: Literal["store", "print-room"]
    expected: int
    counted: int
    difference: int
    missing: list[str] = Field(description="the ledger has them here; not seen")
    found: list[str] = Field(description="written off (ADJUSTED) but seen here")
    misplaced: dict[str, str] = Field(description="serial -> where the ledger says it is")
    unknown: list[str] = Field(description="seen here, never received")
    matches: bool


CountStatus = Literal["MATCHED", "PENDING_APPROVAL", "APPROVED", "REJECTED", "RECORDED"]


class StockCountOut(Answer):
    id: int
    status: CountStatus
    discrepancy: Discrepancy


class StockCount(Answer):
    id: int
    location: Literal["store", "print-room"]
    by_serial: bool
    quantity: int
    discrepancy: Discrepancy
    status: CountStatus
    counted_by: str
    counted_at: dt.datetime
    decided_by: str | None
    decided_at: dt.datetime | None
    decision_note: str | None


class DecisionOut(Answer):
    id: int
    status: Literal["APPROVED", "REJECTED"]
    adjusted: list[str] = Field(description="missing serials written off (ADJUSTED)")
    found: list[str] = Field(description="written-off serials found again")


class Stock(Answer):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "received": 7000, "by_state": {"IN_STORE": 5200, "ISSUED": 300, "USED": 1450,
                                       "SPOILED": 30, "DESTROYED": 20},
        "by_location": {"store": 5200, "print-room": 330, "resident": 1450,
                        "destroyed": 20},
        "invariant_holds": True}]})

    received: int
    by_state: dict[BlankState, int] = Field(description="states with at least one blank")
    by_location: dict[Location, int]
    invariant_holds: bool = Field(description="received = the sum over every state")


class ProjectionOut(Answer):
    in_store: int
    in_print_room: int
    backlog_awaiting_print: int
    print_rate_per_day: float
    days_of_stock: float | None = Field(description="null: nothing printed lately")
    projected_shortfall: int
    threshold: int
    below_threshold: bool
    low: bool
    requested: int = Field(description="what the request letter asks the ministry for")


class Movement(Answer):
    kind: Literal["RECEIVED", "ISSUED", "USED", "SPOILED", "RETURNED_TO_STORE",
                  "RETURNED_TO_MINISTRY", "DESTROYED", "ADJUSTED", "FOUND"]
    from_state: BlankState | None
    to_state: BlankState
    reference: str
    actor: str
    at: dt.datetime
    detail: Open | None


class Blank(Answer):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "serial": "BLK0001001", "state": "USED", "batch_reference": "B-2026-11",
        "received_at": "2026-11-02T01:30:00Z", "updated_at": "2026-11-20T03:10:00Z",
        "history": [
            {"kind": "RECEIVED", "from_state": None, "to_state": "IN_STORE",
             "reference": "B-2026-11", "actor": "sari", "at": "2026-11-02T01:30:00Z",
             "detail": None},
            {"kind": "USED", "from_state": "ISSUED", "to_state": "USED",
             "reference": "job-42", "actor": "printing", "at": "2026-11-20T03:10:00Z",
             "detail": None}]}]})

    serial: str
    state: BlankState
    batch_reference: str
    received_at: dt.datetime
    updated_at: dt.datetime
    history: list[Movement]


class LedgerException(Answer):
    id: int
    ce_id: str
    ce_type: str
    serial: str
    state_found: str | None
    reason: str
    detail: Open
    at: dt.datetime
    resolved_at: dt.datetime | None
    resolved_by: str | None
    resolution: str | None


class ExceptionPage(Answer):
    items: list[LedgerException]
    count: int


class ResolvedException(Answer):
    id: int
    serial: str
    reason: str
    resolution: str


class DayFigures(Answer):
    day: dt.date
    opening: int
    received: int
    issued: int
    used: int
    spoiled: int
    destroyed: int
    returned_to_store: int
    returned_to_ministry: int
    adjusted: int
    found: int
    closing: int


class Totals(Answer):
    opening: int
    received: int
    issued: int
    used: int
    spoiled: int
    destroyed: int
    returned_to_store: int
    returned_to_ministry: int
    adjusted: int
    found: int
    closing: int


class Reconciliation(Answer):
    model_config = ConfigDict(populate_by_name=True)

    start: dt.date = Field(alias="from")
    end: dt.date = Field(alias="to")
    timezone: str
    days: list[DayFigures]
    totals: Totals
