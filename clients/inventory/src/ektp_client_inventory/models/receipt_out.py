from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReceiptOut")


@_attrs_define
class ReceiptOut:
    """
    Attributes:
        batch_reference (str):
        first_serial (str):
        last_serial (str):
        letter_date (datetime.date):
        letter_number (str):
        quantity (int):
    """

    batch_reference: str
    first_serial: str
    last_serial: str
    letter_date: datetime.date
    letter_number: str
    quantity: int

    def to_dict(self) -> dict[str, Any]:
        batch_reference = self.batch_reference

        first_serial = self.first_serial

        last_serial = self.last_serial

        letter_date = self.letter_date.isoformat()

        letter_number = self.letter_number

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "batch_reference": batch_reference,
                "first_serial": first_serial,
                "last_serial": last_serial,
                "letter_date": letter_date,
                "letter_number": letter_number,
                "quantity": quantity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        batch_reference = d.pop("batch_reference")

        first_serial = d.pop("first_serial")

        last_serial = d.pop("last_serial")

        letter_date = datetime.date.fromisoformat(d.pop("letter_date"))

        letter_number = d.pop("letter_number")

        quantity = d.pop("quantity")

        receipt_out = cls(
            batch_reference=batch_reference,
            first_serial=first_serial,
            last_serial=last_serial,
            letter_date=letter_date,
            letter_number=letter_number,
            quantity=quantity,
        )

        return receipt_out
