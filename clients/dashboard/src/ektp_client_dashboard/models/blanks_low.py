from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BlanksLow")


@_attrs_define
class BlanksLow:
    """
    Attributes:
        age_seconds (float): how long ago the alert was raised: the figures are as they stood then, not now
        at (datetime.datetime):
        on_hand (int):
        wanted (int):
    """

    age_seconds: float
    at: datetime.datetime
    on_hand: int
    wanted: int

    def to_dict(self) -> dict[str, Any]:
        age_seconds = self.age_seconds

        at = self.at.isoformat()

        on_hand = self.on_hand

        wanted = self.wanted

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "age_seconds": age_seconds,
                "at": at,
                "on_hand": on_hand,
                "wanted": wanted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        age_seconds = d.pop("age_seconds")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        on_hand = d.pop("on_hand")

        wanted = d.pop("wanted")

        blanks_low = cls(
            age_seconds=age_seconds,
            at=at,
            on_hand=on_hand,
            wanted=wanted,
        )

        return blanks_low
