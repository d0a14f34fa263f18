from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Today")


@_attrs_define
class Today:
    """
    Attributes:
        issued (int):
        printed (int):
        spoiled (int):
        suket (int):
    """

    issued: int
    printed: int
    spoiled: int
    suket: int

    def to_dict(self) -> dict[str, Any]:
        issued = self.issued

        printed = self.printed

        spoiled = self.spoiled

        suket = self.suket

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "issued": issued,
                "printed": printed,
                "spoiled": spoiled,
                "suket": suket,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issued = d.pop("issued")

        printed = d.pop("printed")

        spoiled = d.pop("spoiled")

        suket = d.pop("suket")

        today = cls(
            issued=issued,
            printed=printed,
            spoiled=spoiled,
            suket=suket,
        )

        return today
