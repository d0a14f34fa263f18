from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.range_ import Range


T = TypeVar("T", bound="ReceiptIn")


@_attrs_define
class ReceiptIn:
    """
    Attributes:
        letter_date (datetime.date):
        letter_number (str): Nomor surat pengantar from the ministry
        batch_reference (None | str | Unset):
        note (str | Unset):  Default: ''.
        quantity (int | None | Unset): The quantity the letter states; checked
        ranges (list[Range] | Unset):
        serials (list[str] | Unset):
    """

    letter_date: datetime.date
    letter_number: str
    batch_reference: None | str | Unset = UNSET
    note: str | Unset = ""
    quantity: int | None | Unset = UNSET
    ranges: list[Range] | Unset = UNSET
    serials: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        letter_date = self.letter_date.isoformat()

        letter_number = self.letter_number

        batch_reference: None | str | Unset
        if isinstance(self.batch_reference, Unset):
            batch_reference = UNSET
        else:
            batch_reference = self.batch_reference

        note = self.note

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        ranges: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ranges, Unset):
            ranges = []
            for ranges_item_data in self.ranges:
                ranges_item = ranges_item_data.to_dict()
                ranges.append(ranges_item)

        serials: list[str] | Unset = UNSET
        if not isinstance(self.serials, Unset):
            serials = self.serials

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "letter_date": letter_date,
                "letter_number": letter_number,
            }
        )
        if batch_reference is not UNSET:
            field_dict["batch_reference"] = batch_reference
        if note is not UNSET:
            field_dict["note"] = note
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if ranges is not UNSET:
            field_dict["ranges"] = ranges
        if serials is not UNSET:
            field_dict["serials"] = serials

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.range_ import Range  # noqa: PLC0415

        d = dict(src_dict)
        letter_date = datetime.date.fromisoformat(d.pop("letter_date"))

        letter_number = d.pop("letter_number")

        def _parse_batch_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        batch_reference = _parse_batch_reference(d.pop("batch_reference", UNSET))

        note = d.pop("note", UNSET)

        def _parse_quantity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        _ranges = d.pop("ranges", UNSET)
        ranges: list[Range] | Unset = UNSET
        if _ranges is not UNSET:
            ranges = []
            for ranges_item_data in _ranges:
                ranges_item = Range.from_dict(ranges_item_data)

                ranges.append(ranges_item)

        serials = cast(list[str], d.pop("serials", UNSET))

        receipt_in = cls(
            letter_date=letter_date,
            letter_number=letter_number,
            batch_reference=batch_reference,
            note=note,
            quantity=quantity,
            ranges=ranges,
            serials=serials,
        )

        return receipt_in
