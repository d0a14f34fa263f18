from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.day_figures import DayFigures
    from ..models.totals import Totals


T = TypeVar("T", bound="Reconciliation")


@_attrs_define
class Reconciliation:
    """
    Attributes:
        days (list[DayFigures]):
        from_ (datetime.date):
        timezone (str):
        to (datetime.date):
        totals (Totals):
    """

    days: list[DayFigures]
    from_: datetime.date
    timezone: str
    to: datetime.date
    totals: Totals

    def to_dict(self) -> dict[str, Any]:
        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        from_ = self.from_.isoformat()

        timezone = self.timezone

        to = self.to.isoformat()

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "days": days,
                "from": from_,
                "timezone": timezone,
                "to": to,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.day_figures import DayFigures  # noqa: PLC0415
        from ..models.totals import Totals  # noqa: PLC0415

        d = dict(src_dict)
        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = DayFigures.from_dict(days_item_data)

            days.append(days_item)

        from_ = datetime.date.fromisoformat(d.pop("from"))

        timezone = d.pop("timezone")

        to = datetime.date.fromisoformat(d.pop("to"))

        totals = Totals.from_dict(d.pop("totals"))

        reconciliation = cls(
            days=days,
            from_=from_,
            timezone=timezone,
            to=to,
            totals=totals,
        )

        return reconciliation
