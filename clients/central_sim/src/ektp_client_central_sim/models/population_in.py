from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PopulationIn")


@_attrs_define
class PopulationIn:
    """
    Attributes:
        card_share (float | Unset):  Default: 0.88.
        kabupaten (None | str | Unset): Kemendagri code; default the simulator's own (EKTP_KABUPATEN)
        seed (int | None | Unset): default: the kabupaten's code
        size (int | None | Unset): default: the kabupaten's residents (DKB semester II 2024)
    """

    card_share: float | Unset = 0.88
    kabupaten: None | str | Unset = UNSET
    seed: int | None | Unset = UNSET
    size: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card_share = self.card_share

        kabupaten: None | str | Unset
        if isinstance(self.kabupaten, Unset):
            kabupaten = UNSET
        else:
            kabupaten = self.kabupaten

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if card_share is not UNSET:
            field_dict["card_share"] = card_share
        if kabupaten is not UNSET:
            field_dict["kabupaten"] = kabupaten
        if seed is not UNSET:
            field_dict["seed"] = seed
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        card_share = d.pop("card_share", UNSET)

        def _parse_kabupaten(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kabupaten = _parse_kabupaten(d.pop("kabupaten", UNSET))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        population_in = cls(
            card_share=card_share,
            kabupaten=kabupaten,
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
