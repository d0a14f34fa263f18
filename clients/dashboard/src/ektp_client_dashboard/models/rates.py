from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.daily_figures import DailyFigures


T = TypeVar("T", bound="Rates")


@_attrs_define
class Rates:
    """
    Attributes:
        days (list[DailyFigures]):
        issued_per_day (float):
        print_ready_per_day (float):
        printed_per_day (float):
        recorded_per_day (float):
        sent_per_day (float):
        window_days (int):
    """

    days: list[DailyFigures]
    issued_per_day: float
    print_ready_per_day: float
    printed_per_day: float
    recorded_per_day: float
    sent_per_day: float
    window_days: int

    def to_dict(self) -> dict[str, Any]:
        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        issued_per_day = self.issued_per_day

        print_ready_per_day = self.print_ready_per_day

        printed_per_day = self.printed_per_day

        recorded_per_day = self.recorded_per_day

        sent_per_day = self.sent_per_day

        window_days = self.window_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "days": days,
                "issued_per_day": issued_per_day,
                "print_ready_per_day": print_ready_per_day,
                "printed_per_day": printed_per_day,
                "recorded_per_day": recorded_per_day,
                "sent_per_day": sent_per_day,
                "window_days": window_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.daily_figures import DailyFigures  # noqa: PLC0415

        d = dict(src_dict)
        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = DailyFigures.from_dict(days_item_data)

            days.append(days_item)

        issued_per_day = d.pop("issued_per_day")

        print_ready_per_day = d.pop("print_ready_per_day")

        printed_per_day = d.pop("printed_per_day")

        recorded_per_day = d.pop("recorded_per_day")

        sent_per_day = d.pop("sent_per_day")

        window_days = d.pop("window_days")

        rates = cls(
            days=days,
            issued_per_day=issued_per_day,
            print_ready_per_day=print_ready_per_day,
            printed_per_day=printed_per_day,
            recorded_per_day=recorded_per_day,
            sent_per_day=sent_per_day,
            window_days=window_days,
        )

        return rates
