from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PopulationIn")


@_attrs_define
class PopulationIn:
    """
    Attributes:
        card_share (float | Unset):  Default: 0.88.
        seed (int | Unset):  Default: 7110.
        size (int | Unset):  Default: 91344.
    """

    card_share: float | Unset = 0.88
    seed: int | Unset = 7110
    size: int | Unset = 91344
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card_share = self.card_share

        seed = self.seed

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if card_share is not UNSET:
            field_dict["card_share"] = card_share
        if seed is not UNSET:
            field_dict["seed"] = seed
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        card_share = d.pop("card_share", UNSET)

        seed = d.pop("seed", UNSET)

        size = d.pop("size", UNSET)

        population_in = cls(
            card_share=card_share,
            seed=seed,
            size=size,
        )

        population_in.additional_properties = d
        return population_in

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
