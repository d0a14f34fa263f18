from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.range_ import Range


T = TypeVar("T", bound="IssueIn")


@_attrs_define
class IssueIn:
    """
    Attributes:
        quantity (int | None | Unset): Let the store pick the lowest serials
        ranges (list[Range] | Unset):
        reference (None | str | Unset):
        serials (list[str] | Unset):
    """

    quantity: int | None | Unset = UNSET
    ranges: list[Range] | Unset = UNSET
    reference: None | str | Unset = UNSET
    serials: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        serials: list[str] | Unset = UNSET
        if not isinstance(self.serials, Unset):
            serials = self.serials

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if ranges is not UNSET:
            field_dict["ranges"] = ranges
        if reference is not UNSET:
            field_dict["reference"] = reference
        if serials is not UNSET:
            field_dict["serials"] = serials

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.range_ import Range  # noqa: PLC0415

        d = dict(src_dict)

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

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        serials = cast(list[str], d.pop("serials", UNSET))

        issue_in = cls(
            quantity=quantity,
            ranges=ranges,
            reference=reference,
            serials=serials,
        )

        return issue_in
