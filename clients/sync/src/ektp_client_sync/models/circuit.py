from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.circuit_state import CircuitState, check_circuit_state

T = TypeVar("T", bound="Circuit")


@_attrs_define
class Circuit:
    """
    Attributes:
        consecutive_failures (int):
        last_error (None | str):
        next_probe_in_seconds (float):
        outage_since (datetime.datetime | None):
        state (CircuitState):
    """

    consecutive_failures: int
    last_error: None | str
    next_probe_in_seconds: float
    outage_since: datetime.datetime | None
    state: CircuitState

    def to_dict(self) -> dict[str, Any]:
        consecutive_failures = self.consecutive_failures

        last_error: None | str
        last_error = self.last_error

        next_probe_in_seconds = self.next_probe_in_seconds

        outage_since: None | str
        if isinstance(self.outage_since, datetime.datetime):
            outage_since = self.outage_since.isoformat()
        else:
            outage_since = self.outage_since

        state: str = self.state

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "consecutive_failures": consecutive_failures,
                "last_error": last_error,
                "next_probe_in_seconds": next_probe_in_seconds,
                "outage_since": outage_since,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consecutive_failures = d.pop("consecutive_failures")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        next_probe_in_seconds = d.pop("next_probe_in_seconds")

        def _parse_outage_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outage_since_type_0 = datetime.datetime.fromisoformat(data)

                return outage_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        outage_since = _parse_outage_since(d.pop("outage_since"))

        state = check_circuit_state(d.pop("state"))

        circuit = cls(
            consecutive_failures=consecutive_failures,
            last_error=last_error,
            next_probe_in_seconds=next_probe_in_seconds,
            outage_since=outage_since,
            state=state,
        )

        return circuit
