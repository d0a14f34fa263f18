from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.stock_count_in_location import StockCountInLocation, check_stock_count_in_location
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.range_ import Range


T = TypeVar("T", bound="StockCountIn")


@_attrs_define
class StockCountIn:
    """
    Attributes:
        location (StockCountInLocation):
        quantity (int | None | Unset):
        ranges (list[Range] | Unset):
        serials (list[str] | None | Unset):
    """

    location: StockCountInLocation
    quantity: int | None | Unset = UNSET
    ranges: list[Range] | Unset = UNSET
    serials: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        location: str = self.location

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

        serials: list[str] | None | Unset
        if isinstance(self.serials, Unset):
            serials = UNSET
        elif isinstance(self.serials, list):
            serials = self.serials

        else:
            serials = self.serials

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "location": location,
            }
        )
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
        location = check_stock_count_in_location(d.pop("location"))

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

        def _parse_serials(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                serials_type_0 = cast(list[str], data)

                return serials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        serials = _parse_serials(d.pop("serials", UNSET))

        stock_count_in = cls(
            location=location,
            quantity=quantity,
            ranges=ranges,
            serials=serials,
        )

        return stock_count_in
