from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ProjectionOut")


@_attrs_define
class ProjectionOut:
    """
    Attributes:
        backlog_awaiting_print (int):
        below_threshold (bool):
        days_of_stock (float | None): null: nothing printed lately
        in_print_room (int):
        in_store (int):
        low (bool):
        print_rate_per_day (float):
        projected_shortfall (int):
        requested (int): what the request letter asks the ministry for
        threshold (int):
    """

    backlog_awaiting_print: int
    below_threshold: bool
    days_of_stock: float | None
    in_print_room: int
    in_store: int
    low: bool
    print_rate_per_day: float
    projected_shortfall: int
    requested: int
    threshold: int

    def to_dict(self) -> dict[str, Any]:
        backlog_awaiting_print = self.backlog_awaiting_print

        below_threshold = self.below_threshold

        days_of_stock: float | None
        days_of_stock = self.days_of_stock

        in_print_room = self.in_print_room

        in_store = self.in_store

        low = self.low

        print_rate_per_day = self.print_rate_per_day

        projected_shortfall = self.projected_shortfall

        requested = self.requested

        threshold = self.threshold

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "backlog_awaiting_print": backlog_awaiting_print,
                "below_threshold": below_threshold,
                "days_of_stock": days_of_stock,
                "in_print_room": in_print_room,
                "in_store": in_store,
                "low": low,
                "print_rate_per_day": print_rate_per_day,
                "projected_shortfall": projected_shortfall,
                "requested": requested,
                "threshold": threshold,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        backlog_awaiting_print = d.pop("backlog_awaiting_print")

        below_threshold = d.pop("below_threshold")

        def _parse_days_of_stock(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        days_of_stock = _parse_days_of_stock(d.pop("days_of_stock"))

        in_print_room = d.pop("in_print_room")

        in_store = d.pop("in_store")

        low = d.pop("low")

        print_rate_per_day = d.pop("print_rate_per_day")

        projected_shortfall = d.pop("projected_shortfall")

        requested = d.pop("requested")

        threshold = d.pop("threshold")

        projection_out = cls(
            backlog_awaiting_print=backlog_awaiting_print,
            below_threshold=below_threshold,
            days_of_stock=days_of_stock,
            in_print_room=in_print_room,
            in_store=in_store,
            low=low,
            print_rate_per_day=print_rate_per_day,
            projected_shortfall=projected_shortfall,
            requested=requested,
            threshold=threshold,
        )

        return projection_out
