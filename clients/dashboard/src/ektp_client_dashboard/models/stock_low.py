from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="StockLow")


@_attrs_define
class StockLow:
    """
    Attributes:
        age_seconds (float): how long ago the alert was raised: the figures are as they stood then, not now
        at (datetime.datetime):
        backlog_awaiting_print (int):
        days_of_stock (float | None):
        in_store (int):
        projected_shortfall (int):
    """

    age_seconds: float
    at: datetime.datetime
    backlog_awaiting_print: int
    days_of_stock: float | None
    in_store: int
    projected_shortfall: int

    def to_dict(self) -> dict[str, Any]:
        age_seconds = self.age_seconds

        at = self.at.isoformat()

        backlog_awaiting_print = self.backlog_awaiting_print

        days_of_stock: float | None
        days_of_stock = self.days_of_stock

        in_store = self.in_store

        projected_shortfall = self.projected_shortfall

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "age_seconds": age_seconds,
                "at": at,
                "backlog_awaiting_print": backlog_awaiting_print,
                "days_of_stock": days_of_stock,
                "in_store": in_store,
                "projected_shortfall": projected_shortfall,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        age_seconds = d.pop("age_seconds")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        backlog_awaiting_print = d.pop("backlog_awaiting_print")

        def _parse_days_of_stock(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        days_of_stock = _parse_days_of_stock(d.pop("days_of_stock"))

        in_store = d.pop("in_store")

        projected_shortfall = d.pop("projected_shortfall")

        stock_low = cls(
            age_seconds=age_seconds,
            at=at,
            backlog_awaiting_print=backlog_awaiting_print,
            days_of_stock=days_of_stock,
            in_store=in_store,
            projected_shortfall=projected_shortfall,
        )

        return stock_low
