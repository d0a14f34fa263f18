from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FaultsNow")


@_attrs_define
class FaultsNow:
    """
    Attributes:
        down (bool):
        error_share (float):
        latency_seconds (float):
        partial_batch_share (float):
        timeout_seconds (float):
        timeout_share (float):
        verdict_delay_seconds (float):
    """

    down: bool
    error_share: float
    latency_seconds: float
    partial_batch_share: float
    timeout_seconds: float
    timeout_share: float
    verdict_delay_seconds: float

    def to_dict(self) -> dict[str, Any]:
        down = self.down

        error_share = self.error_share

        latency_seconds = self.latency_seconds

        partial_batch_share = self.partial_batch_share

        timeout_seconds = self.timeout_seconds

        timeout_share = self.timeout_share

        verdict_delay_seconds = self.verdict_delay_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "down": down,
                "error_share": error_share,
                "latency_seconds": latency_seconds,
                "partial_batch_share": partial_batch_share,
                "timeout_seconds": timeout_seconds,
                "timeout_share": timeout_share,
                "verdict_delay_seconds": verdict_delay_seconds,
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

        verdict_delay_seconds = d.pop("verdict_delay_seconds")

        faults_now = cls(
            down=down,
            error_share=error_share,
            latency_seconds=latency_seconds,
            partial_batch_share=partial_batch_share,
            timeout_seconds=timeout_seconds,
            timeout_share=timeout_share,
            verdict_delay_seconds=verdict_delay_seconds,
        )

        return faults_now
