from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Outcome")


@_attrs_define
class Outcome:
    """
    Attributes:
        blank_shortfall (int):
        cards_needed (int):
        days_to_print (float | None):
        days_to_record (float | None):
        finish_date (datetime.date | None):
        label (str):
        on_time (bool):
        reason (str):
    """

    blank_shortfall: int
    cards_needed: int
    days_to_print: float | None
    days_to_record: float | None
    finish_date: datetime.date | None
    label: str
    on_time: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        blank_shortfall = self.blank_shortfall

        cards_needed = self.cards_needed

        days_to_print: float | None
        days_to_print = self.days_to_print

        days_to_record: float | None
        days_to_record = self.days_to_record

        finish_date: None | str
        if isinstance(self.finish_date, datetime.date):
            finish_date = self.finish_date.isoformat()
        else:
            finish_date = self.finish_date

        label = self.label

        on_time = self.on_time

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "blank_shortfall": blank_shortfall,
                "cards_needed": cards_needed,
                "days_to_print": days_to_print,
                "days_to_record": days_to_record,
                "finish_date": finish_date,
                "label": label,
                "on_time": on_time,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        blank_shortfall = d.pop("blank_shortfall")

        cards_needed = d.pop("cards_needed")

        def _parse_days_to_print(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        days_to_print = _parse_days_to_print(d.pop("days_to_print"))

        def _parse_days_to_record(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        days_to_record = _parse_days_to_record(d.pop("days_to_record"))

        def _parse_finish_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finish_date_type_0 = datetime.date.fromisoformat(data)

                return finish_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        finish_date = _parse_finish_date(d.pop("finish_date"))

        label = d.pop("label")

        on_time = d.pop("on_time")

        reason = d.pop("reason")

        outcome = cls(
            blank_shortfall=blank_shortfall,
            cards_needed=cards_needed,
            days_to_print=days_to_print,
            days_to_record=days_to_record,
            finish_date=finish_date,
            label=label,
            on_time=on_time,
            reason=reason,
        )

        return outcome
