from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="VerdictDelay")


@_attrs_define
class VerdictDelay:
    """
    Attributes:
        verdict_delay_seconds (float):
    """

    verdict_delay_seconds: float

    def to_dict(self) -> dict[str, Any]:
        verdict_delay_seconds = self.verdict_delay_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "verdict_delay_seconds": verdict_delay_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        verdict_delay_seconds = d.pop("verdict_delay_seconds")

        verdict_delay = cls(
            verdict_delay_seconds=verdict_delay_seconds,
        )

        return verdict_delay
