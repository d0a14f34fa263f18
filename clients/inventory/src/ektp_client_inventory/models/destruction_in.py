from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.range_ import Range
    from ..models.witness import Witness


T = TypeVar("T", bound="DestructionIn")


@_attrs_define
class DestructionIn:
    """
    Attributes:
        destroyed_on (datetime.date):
        witnesses (list[Witness]):
        method (str | Unset):  Default: 'dipotong dan dibakar'.
        place (str | Unset):
        ranges (list[Range] | Unset):
        reference (None | str | Unset):
        serials (list[str] | Unset):
    """

    destroyed_on: datetime.date
    witnesses: list[Witness]
    method: str | Unset = "dipotong dan dibakar"
    place: str | Unset = UNSET
    ranges: list[Range] | Unset = UNSET
    reference: None | str | Unset = UNSET
    serials: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        destroyed_on = self.destroyed_on.isoformat()

        witnesses = []
        for witnesses_item_data in self.witnesses:
            witnesses_item = witnesses_item_data.to_dict()
            witnesses.append(witnesses_item)

        method = self.method

        place = self.place

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

        field_dict.update(
            {
                "destroyed_on": destroyed_on,
                "witnesses": witnesses,
            }
        )
        if method is not UNSET:
            field_dict["method"] = method
        if place is not UNSET:
            field_dict["place"] = place
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
        from ..models.witness import Witness  # noqa: PLC0415

        d = dict(src_dict)
        destroyed_on = datetime.date.fromisoformat(d.pop("destroyed_on"))

        witnesses = []
        _witnesses = d.pop("witnesses")
        for witnesses_item_data in _witnesses:
            witnesses_item = Witness.from_dict(witnesses_item_data)

            witnesses.append(witnesses_item)

        method = d.pop("method", UNSET)

        place = d.pop("place", UNSET)

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

        destruction_in = cls(
            destroyed_on=destroyed_on,
            witnesses=witnesses,
            method=method,
            place=place,
            ranges=ranges,
            reference=reference,
            serials=serials,
        )

        return destruction_in
