from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.forecast_inputs import ForecastInputs
    from ..models.outcome import Outcome


T = TypeVar("T", bound="Forecast")


@_attrs_define
class Forecast:
    """
    Attributes:
        current (Outcome):
        days_left (int):
        deadline (datetime.date):
        inputs (ForecastInputs):
        print_rate_needed (float | None):
        printers_needed (int | None):
        scenarios (list[Outcome]):
    """

    current: Outcome
    days_left: int
    deadline: datetime.date
    inputs: ForecastInputs
    print_rate_needed: float | None
    printers_needed: int | None
    scenarios: list[Outcome]

    def to_dict(self) -> dict[str, Any]:
        current = self.current.to_dict()

        days_left = self.days_left

        deadline = self.deadline.isoformat()

        inputs = self.inputs.to_dict()

        print_rate_needed: float | None
        print_rate_needed = self.print_rate_needed

        printers_needed: int | None
        printers_needed = self.printers_needed

        scenarios = []
        for scenarios_item_data in self.scenarios:
            scenarios_item = scenarios_item_data.to_dict()
            scenarios.append(scenarios_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "current": current,
                "days_left": days_left,
                "deadline": deadline,
                "inputs": inputs,
                "print_rate_needed": print_rate_needed,
                "printers_needed": printers_needed,
                "scenarios": scenarios,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.forecast_inputs import ForecastInputs  # noqa: PLC0415
        from ..models.outcome import Outcome  # noqa: PLC0415

        d = dict(src_dict)
        current = Outcome.from_dict(d.pop("current"))

        days_left = d.pop("days_left")

        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        inputs = ForecastInputs.from_dict(d.pop("inputs"))

        def _parse_print_rate_needed(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        print_rate_needed = _parse_print_rate_needed(d.pop("print_rate_needed"))

        def _parse_printers_needed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        printers_needed = _parse_printers_needed(d.pop("printers_needed"))

        scenarios = []
        _scenarios = d.pop("scenarios")
        for scenarios_item_data in _scenarios:
            scenarios_item = Outcome.from_dict(scenarios_item_data)

            scenarios.append(scenarios_item)

        forecast = cls(
            current=current,
            days_left=days_left,
            deadline=deadline,
            inputs=inputs,
            print_rate_needed=print_rate_needed,
            printers_needed=printers_needed,
            scenarios=scenarios,
        )

        return forecast
