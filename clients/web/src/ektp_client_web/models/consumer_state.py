from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ConsumerState")


@_attrs_define
class ConsumerState:
    """
    Attributes:
        applied (int):
        connected (bool):
        dead_lettered (int):
        duplicates (int):
        last_error (None | str):
    """

    applied: int
    connected: bool
    dead_lettered: int
    duplicates: int
    last_error: None | str

    def to_dict(self) -> dict[str, Any]:
        applied = self.applied

        connected = self.connected

        dead_lettered = self.dead_lettered

        duplicates = self.duplicates

        last_error: None | str
        last_error = self.last_error

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "applied": applied,
                "connected": connected,
                "dead_lettered": dead_lettered,
                "duplicates": duplicates,
                "last_error": last_error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applied = d.pop("applied")

        connected = d.pop("connected")

        dead_lettered = d.pop("dead_lettered")

        duplicates = d.pop("duplicates")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        consumer_state = cls(
            applied=applied,
            connected=connected,
            dead_lettered=dead_lettered,
            duplicates=duplicates,
            last_error=last_error,
        )

        return consumer_state
