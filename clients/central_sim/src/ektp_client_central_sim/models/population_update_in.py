from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.population_update_in_status import (
    PopulationUpdateInStatus,
    check_population_update_in_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PopulationUpdateIn")


@_attrs_define
class PopulationUpdateIn:
    """
    Attributes:
        nik (str):
        status (PopulationUpdateInStatus):
        update_id (str):
        note (str | Unset):  Default: ''.
    """

    nik: str
    status: PopulationUpdateInStatus
    update_id: str
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nik = self.nik

        status: str = self.status

        update_id = self.update_id

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nik": nik,
                "status": status,
                "update_id": update_id,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nik = d.pop("nik")

        status = check_population_update_in_status(d.pop("status"))

        update_id = d.pop("update_id")

        note = d.pop("note", UNSET)

        population_update_in = cls(
            nik=nik,
            status=status,
            update_id=update_id,
            note=note,
        )

        population_update_in.additional_properties = d
        return population_update_in

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
