"""Request bodies. Constraints here give a 422 naming the field."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

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
    place: OneLine = Field("Kantor Dinas Dukcapil Boltim", min_length=1, max_length=200)
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
