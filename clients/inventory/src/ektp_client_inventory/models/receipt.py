from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Receipt")


@_attrs_define
class Receipt:
    """
    Attributes:
        at (datetime.datetime):
        batch_reference (str):
        letter_date (datetime.date):
        letter_number (str):
        note (str):
        quantity (int):
        received_by (str):
    """

    at: datetime.datetime
    batch_reference: str
    letter_date: datetime.date
    letter_number: str
    note: str
    quantity: int
    received_by: str

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        batch_reference = self.batch_reference

        letter_date = self.letter_date.isoformat()

        letter_number = self.letter_number

        note = self.note

        quantity = self.quantity

        received_by = self.received_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "batch_reference": batch_reference,
                "letter_date": letter_date,
                "letter_number": letter_number,
                "note": note,
                "quantity": quantity,
                "received_by": received_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        batch_reference = d.pop("batch_reference")

        letter_date = datetime.date.fromisoformat(d.pop("letter_date"))

        letter_number = d.pop("letter_number")

        note = d.pop("note")

        quantity = d.pop("quantity")

        received_by = d.pop("received_by")

        receipt = cls(
            at=at,
            batch_reference=batch_reference,
            letter_date=letter_date,
            letter_number=letter_number,
            note=note,
            quantity=quantity,
            received_by=received_by,
        )

        return receipt
