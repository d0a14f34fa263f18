from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="RosterCursor")


@_attrs_define
class RosterCursor:
    """
    Attributes:
        cursor (str):
        entries_total (int):
        kabupaten (str):
        last_pulled_at (datetime.datetime | None):
    """

    cursor: str
    entries_total: int
    kabupaten: str
    last_pulled_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        cursor = self.cursor

        entries_total = self.entries_total

        kabupaten = self.kabupaten

        last_pulled_at: None | str
        if isinstance(self.last_pulled_at, datetime.datetime):
            last_pulled_at = self.last_pulled_at.isoformat()
        else:
            last_pulled_at = self.last_pulled_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cursor": cursor,
                "entries_total": entries_total,
                "kabupaten": kabupaten,
                "last_pulled_at": last_pulled_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cursor = d.pop("cursor")

        entries_total = d.pop("entries_total")

        kabupaten = d.pop("kabupaten")

        def _parse_last_pulled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_pulled_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_pulled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_pulled_at = _parse_last_pulled_at(d.pop("last_pulled_at"))

        roster_cursor = cls(
            cursor=cursor,
            entries_total=entries_total,
            kabupaten=kabupaten,
            last_pulled_at=last_pulled_at,
        )

        return roster_cursor
