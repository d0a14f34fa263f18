from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.province_total_by_status import ProvinceTotalByStatus


T = TypeVar("T", bound="ProvinceTotal")


@_attrs_define
class ProvinceTotal:
    """The province: the kabupaten's counts summed.

    Attributes:
        blank_shortfall (int):
        blanks_available (int):
        cards_needed (int):
        kabupaten (int): offices counted
        kabupaten_on_time (int): offices whose forecast finishes by the deadline
        by_status (ProvinceTotalByStatus | Unset):
        issued (int | Unset):  Default: 0.
        lacking (int | Unset):  Default: 0.
        printed (int | Unset):  Default: 0.
        recorded (int | Unset):  Default: 0.
        residents (int | Unset):  Default: 0.
        target (int | Unset):  Default: 0.
    """

    blank_shortfall: int
    blanks_available: int
    cards_needed: int
    kabupaten: int
    kabupaten_on_time: int
    by_status: ProvinceTotalByStatus | Unset = UNSET
    issued: int | Unset = 0
    lacking: int | Unset = 0
    printed: int | Unset = 0
    recorded: int | Unset = 0
    residents: int | Unset = 0
    target: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blank_shortfall = self.blank_shortfall

        blanks_available = self.blanks_available

        cards_needed = self.cards_needed

        kabupaten = self.kabupaten

        kabupaten_on_time = self.kabupaten_on_time

        by_status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_status, Unset):
            by_status = self.by_status.to_dict()

        issued = self.issued

        lacking = self.lacking

        printed = self.printed

        recorded = self.recorded

        residents = self.residents

        target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blank_shortfall": blank_shortfall,
                "blanks_available": blanks_available,
                "cards_needed": cards_needed,
                "kabupaten": kabupaten,
                "kabupaten_on_time": kabupaten_on_time,
            }
        )
        if by_status is not UNSET:
            field_dict["by_status"] = by_status
        if issued is not UNSET:
            field_dict["issued"] = issued
        if lacking is not UNSET:
            field_dict["lacking"] = lacking
        if printed is not UNSET:
            field_dict["printed"] = printed
        if recorded is not UNSET:
            field_dict["recorded"] = recorded
        if residents is not UNSET:
            field_dict["residents"] = residents
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.province_total_by_status import ProvinceTotalByStatus  # noqa: PLC0415

        d = dict(src_dict)
        blank_shortfall = d.pop("blank_shortfall")

        blanks_available = d.pop("blanks_available")

        cards_needed = d.pop("cards_needed")

        kabupaten = d.pop("kabupaten")

        kabupaten_on_time = d.pop("kabupaten_on_time")

        _by_status = d.pop("by_status", UNSET)
        by_status: ProvinceTotalByStatus | Unset
        if isinstance(_by_status, Unset):
            by_status = UNSET
        else:
            by_status = ProvinceTotalByStatus.from_dict(_by_status)

        issued = d.pop("issued", UNSET)

        lacking = d.pop("lacking", UNSET)

        printed = d.pop("printed", UNSET)

        recorded = d.pop("recorded", UNSET)

        residents = d.pop("residents", UNSET)

        target = d.pop("target", UNSET)

        province_total = cls(
            blank_shortfall=blank_shortfall,
            blanks_available=blanks_available,
            cards_needed=cards_needed,
            kabupaten=kabupaten,
            kabupaten_on_time=kabupaten_on_time,
            by_status=by_status,
            issued=issued,
            lacking=lacking,
            printed=printed,
            recorded=recorded,
            residents=residents,
            target=target,
        )

        province_total.additional_properties = d
        return province_total

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
