from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Faults")


@_attrs_define
class Faults:
    """
    Attributes:
        down (bool):
        error_share (float):
        latency_seconds (float):
        partial_batch_share (float):
        timeout_seconds (float):
        timeout_share (float):
    """

    down: bool
    error_share: float
    latency_seconds: float
    partial_batch_share: float
    timeout_seconds: float
    timeout_share: float

    def to_dict(self) -> dict[str, Any]:
        down = self.down

        error_share = self.error_share

        latency_seconds = self.latency_seconds

        partial_batch_share = self.partial_batch_share

        timeout_seconds = self.timeout_seconds

        timeout_share = self.timeout_share

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "down": down,
                "error_share": error_share,
                "latency_seconds": latency_seconds,
                "partial_batch_share": partial_batch_share,
                "timeout_seconds": timeout_seconds,
                "timeout_share": timeout_share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        down = d.pop("down")

        error_share = d.pop("error_share")

        latency_seconds = d.pop("latency_seconds")

        partial_batch_share = d.pop("partial_batch_share")

        timeout_seconds = d.pop("timeout_seconds")

        timeout_share = d.pop("timeout_share")

        faults = cls(
            down=down,
            error_share=error_share,
            latency_seconds=latency_seconds,
            partial_batch_share=partial_batch_share,
            timeout_seconds=timeout_seconds,
            timeout_share=timeout_share,
        )

        return faults
