from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Range")


@_attrs_define
class Range:
    """
    Attributes:
        first (str):
        last (str):
    """

    first: str
    last: str

    def to_dict(self) -> dict[str, Any]:
        first = self.first

        last = self.last

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "first": first,
                "last": last,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first = d.pop("first")

        last = d.pop("last")

        range_ = cls(
            first=first,
            last=last,
        )

        return range_
