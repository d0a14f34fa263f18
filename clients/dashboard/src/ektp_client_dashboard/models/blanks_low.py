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
        at (datetime.datetime):
        on_hand (int):
        wanted (int):
    """

    at: datetime.datetime
    on_hand: int
    wanted: int

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        on_hand = self.on_hand

        wanted = self.wanted

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "on_hand": on_hand,
                "wanted": wanted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        on_hand = d.pop("on_hand")

        wanted = d.pop("wanted")

        blanks_low = cls(
            at=at,
            on_hand=on_hand,
            wanted=wanted,
        )

        return blanks_low
