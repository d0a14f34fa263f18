from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ResolvedException")


@_attrs_define
class ResolvedException:
    """
    Attributes:
        id (int):
        reason (str):
        resolution (str):
        serial (str):
    """

    id: int
    reason: str
    resolution: str
    serial: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        reason = self.reason

        resolution = self.resolution

        serial = self.serial

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "reason": reason,
                "resolution": resolution,
                "serial": serial,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        reason = d.pop("reason")

        resolution = d.pop("resolution")

        serial = d.pop("serial")

        resolved_exception = cls(
            id=id,
            reason=reason,
            resolution=resolution,
            serial=serial,
        )

        return resolved_exception
