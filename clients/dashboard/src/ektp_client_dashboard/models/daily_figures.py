from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DailyFigures")


@_attrs_define
class DailyFigures:
    """
    Attributes:
        day (datetime.date):
        issued (int):
        printed (int):
        recorded (int):
    """

    day: datetime.date
    issued: int
    printed: int
    recorded: int

    def to_dict(self) -> dict[str, Any]:
        day = self.day.isoformat()

        issued = self.issued

        printed = self.printed

        recorded = self.recorded

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "day": day,
                "issued": issued,
                "printed": printed,
                "recorded": recorded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        day = datetime.date.fromisoformat(d.pop("day"))

        issued = d.pop("issued")

        printed = d.pop("printed")

        recorded = d.pop("recorded")

        daily_figures = cls(
            day=day,
            issued=issued,
            printed=printed,
            recorded=recorded,
        )

        return daily_figures
