from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BlanksOnHand")


@_attrs_define
class BlanksOnHand:
    """
    Attributes:
        free (int):
        on_hand (int): free + reserved
        reserved (int):
        returned (int):
        spoiled (int):
        used (int):
    """

    free: int
    on_hand: int
    reserved: int
    returned: int
    spoiled: int
    used: int

    def to_dict(self) -> dict[str, Any]:
        free = self.free

        on_hand = self.on_hand

        reserved = self.reserved

        returned = self.returned

        spoiled = self.spoiled

        used = self.used

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "free": free,
                "on_hand": on_hand,
                "reserved": reserved,
                "returned": returned,
                "spoiled": spoiled,
                "used": used,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        free = d.pop("free")

        on_hand = d.pop("on_hand")

        reserved = d.pop("reserved")

        returned = d.pop("returned")

        spoiled = d.pop("spoiled")

        used = d.pop("used")

        blanks_on_hand = cls(
            free=free,
            on_hand=on_hand,
            reserved=reserved,
            returned=returned,
            spoiled=spoiled,
            used=used,
        )

        return blanks_on_hand
