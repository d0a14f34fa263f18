from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FaultsIn")


@_attrs_define
class FaultsIn:
    """
    Attributes:
        down (bool | Unset):  Default: False.
        error_share (float | Unset):  Default: 0.0.
        latency_seconds (float | Unset):  Default: 0.0.
        partial_batch_share (float | Unset):  Default: 0.0.
        seed (int | None | Unset):
        timeout_seconds (float | Unset):  Default: 30.0.
        timeout_share (float | Unset):  Default: 0.0.
    """

    down: bool | Unset = False
    error_share: float | Unset = 0.0
    latency_seconds: float | Unset = 0.0
    partial_batch_share: float | Unset = 0.0
    seed: int | None | Unset = UNSET
    timeout_seconds: float | Unset = 30.0
    timeout_share: float | Unset = 0.0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        down = self.down

        error_share = self.error_share

        latency_seconds = self.latency_seconds

        partial_batch_share = self.partial_batch_share

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        timeout_seconds = self.timeout_seconds

        timeout_share = self.timeout_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if down is not UNSET:
            field_dict["down"] = down
        if error_share is not UNSET:
            field_dict["error_share"] = error_share
        if latency_seconds is not UNSET:
            field_dict["latency_seconds"] = latency_seconds
        if partial_batch_share is not UNSET:
            field_dict["partial_batch_share"] = partial_batch_share
        if seed is not UNSET:
            field_dict["seed"] = seed
        if timeout_seconds is not UNSET:
            field_dict["timeout_seconds"] = timeout_seconds
        if timeout_share is not UNSET:
            field_dict["timeout_share"] = timeout_share

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        down = d.pop("down", UNSET)

        error_share = d.pop("error_share", UNSET)

        latency_seconds = d.pop("latency_seconds", UNSET)

        partial_batch_share = d.pop("partial_batch_share", UNSET)

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        timeout_seconds = d.pop("timeout_seconds", UNSET)

        timeout_share = d.pop("timeout_share", UNSET)

        faults_in = cls(
            down=down,
            error_share=error_share,
            latency_seconds=latency_seconds,
            partial_batch_share=partial_batch_share,
            seed=seed,
            timeout_seconds=timeout_seconds,
            timeout_share=timeout_share,
        )

        faults_in.additional_properties = d
        return faults_in

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
