"""Request bodies. Constraints here give a 422 naming the field."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Text = Field(min_length=1, max_length=200)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Range(Strict):
    first: str = Field(min_length=1, max_length=40, examples=["BLK0001001"])
    last: str = Field(min_length=1, max_length=40, examples=["BLK0008000"])


class SerialList(Strict):
    serials: list[str] = Field(default_factory=list, max_length=200_000)
    ranges: list[Range] = Field(default_factory=list, max_length=1000)


class ReceiptIn(SerialList):
    batch_reference: str | None = Field(None, min_length=1, max_length=100)
    letter_number: str = Field(min_length=1, max_length=100,
                               description="Nomor surat pengantar from the ministry")
    letter_date: dt.date
    quantity: int | None = Field(None, ge=1, le=1_000_000,
                                 description="The quantity the letter states; checked")
    note: str = Field("", max_length=500)


class IssueIn(SerialList):
    reference: str | None = Field(None, min_length=1, max_length=100)
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
    reference: str | None = Field(None, min_length=1, max_length=100)
    returned_from: Literal["print-room", "store"]
    returned_to: Literal["store", "ministry"]
    letter_number: str | None = Field(None, max_length=100)
    reason: str = Field("", max_length=500)


class Witness(Strict):
    nama: str = Field(min_length=2, max_length=100)
    nip: str = Field("", max_length=30)
    jabatan: str = Field("", max_length=100)


class DestructionIn(SerialList):
    reference: str | None = Field(None, min_length=1, max_length=100)
    destroyed_on: dt.date
    place: str = Field("Kantor Dinas Dukcapil Boltim", min_length=1, max_length=200)
    method: str = Field("dipotong dan dibakar", min_length=1, max_length=200)
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
