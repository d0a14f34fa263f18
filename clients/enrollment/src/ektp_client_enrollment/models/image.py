from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Image")


@_attrs_define
class Image:
    """
    Attributes:
        bytes_ (int):
        height (int):
        width (int):
    """

    bytes_: int
    height: int
    width: int

    def to_dict(self) -> dict[str, Any]:
        bytes_ = self.bytes_

        height = self.height

        width = self.width

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bytes": bytes_,
                "height": height,
                "width": width,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bytes_ = d.pop("bytes")

        height = d.pop("height")

        width = d.pop("width")

        image = cls(
            bytes_=bytes_,
            height=height,
            width=width,
        )

        return image
