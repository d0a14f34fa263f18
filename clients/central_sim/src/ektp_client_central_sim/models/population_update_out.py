from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PopulationUpdateOut")


@_attrs_define
class PopulationUpdateOut:
    """
    Attributes:
        applied (bool):
        known_nik (bool):
        update_id (str):
    """

    applied: bool
    known_nik: bool
    update_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applied = self.applied

        known_nik = self.known_nik

        update_id = self.update_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applied": applied,
                "known_nik": known_nik,
                "update_id": update_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applied = d.pop("applied")

        known_nik = d.pop("known_nik")

        update_id = d.pop("update_id")

        population_update_out = cls(
            applied=applied,
            known_nik=known_nik,
            update_id=update_id,
        )

        population_update_out.additional_properties = d
        return population_update_out

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
