from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.return_in_returned_from import ReturnInReturnedFrom, check_return_in_returned_from
from ..models.return_in_returned_to import ReturnInReturnedTo, check_return_in_returned_to
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.range_ import Range


T = TypeVar("T", bound="ReturnIn")


@_attrs_define
class ReturnIn:
    """
    Attributes:
        returned_from (ReturnInReturnedFrom):
        returned_to (ReturnInReturnedTo):
        letter_number (None | str | Unset):
        ranges (list[Range] | Unset):
        reason (str | Unset):  Default: ''.
        reference (None | str | Unset):
        serials (list[str] | Unset):
    """

    returned_from: ReturnInReturnedFrom
    returned_to: ReturnInReturnedTo
    letter_number: None | str | Unset = UNSET
    ranges: list[Range] | Unset = UNSET
    reason: str | Unset = ""
    reference: None | str | Unset = UNSET
    serials: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        returned_from: str = self.returned_from

        returned_to: str = self.returned_to

        letter_number: None | str | Unset
        if isinstance(self.letter_number, Unset):
            letter_number = UNSET
        else:
            letter_number = self.letter_number

        ranges: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ranges, Unset):
            ranges = []
            for ranges_item_data in self.ranges:
                ranges_item = ranges_item_data.to_dict()
                ranges.append(ranges_item)

        reason = self.reason

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        serials: list[str] | Unset = UNSET
        if not isinstance(self.serials, Unset):
            serials = self.serials

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "returned_from": returned_from,
                "returned_to": returned_to,
            }
        )
        if letter_number is not UNSET:
            field_dict["letter_number"] = letter_number
        if ranges is not UNSET:
            field_dict["ranges"] = ranges
        if reason is not UNSET:
            field_dict["reason"] = reason
        if reference is not UNSET:
            field_dict["reference"] = reference
        if serials is not UNSET:
            field_dict["serials"] = serials

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.range_ import Range  # noqa: PLC0415

        d = dict(src_dict)
        returned_from = check_return_in_returned_from(d.pop("returned_from"))

        returned_to = check_return_in_returned_to(d.pop("returned_to"))

        def _parse_letter_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        letter_number = _parse_letter_number(d.pop("letter_number", UNSET))

        _ranges = d.pop("ranges", UNSET)
        ranges: list[Range] | Unset = UNSET
        if _ranges is not UNSET:
            ranges = []
            for ranges_item_data in _ranges:
                ranges_item = Range.from_dict(ranges_item_data)

                ranges.append(ranges_item)

        reason = d.pop("reason", UNSET)

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        serials = cast(list[str], d.pop("serials", UNSET))

        return_in = cls(
            returned_from=returned_from,
            returned_to=returned_to,
            letter_number=letter_number,
            ranges=ranges,
            reason=reason,
            reference=reference,
            serials=serials,
        )

        return return_in
