"""A circuit breaker for the link to the national data centre (no I/O; clocks injected).

CLOSED: calls go through. After ``failure_threshold`` failed calls in a row it OPENs:
calls are refused without touching the network until ``reset_seconds`` passed, then one
probe call is let through (HALF_OPEN). The probe's success closes it, its failure opens it
again. ``outage_since`` is when the current run of failures began, for the status page.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

CircuitState = Literal["CLOSED", "OPEN", "HALF_OPEN"]


@dataclass
class CircuitBreaker:
    failure_threshold: int = 5
    reset_seconds: float = 30.0
    monotonic: Callable[[], float] = time.monotonic
    wall: Callable[[], float] = time.time

    state: CircuitState = "CLOSED"
    consecutive_failures: int = 0
    opened_at: float | None = None
    outage_since: float | None = None
    last_success_at: float | None = None
    last_error: str | None = None
    _probe_in_flight: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        if self.failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")

    def allow(self) -> bool:
        """May a call go to the centre now? In HALF_OPEN only one probe at a time."""
        if self.state == "CLOSED":
            return True
        if self.state == "OPEN":
            assert self.opened_at is not None
            if self.monotonic() - self.opened_at < self.reset_seconds:
                return False
            self.state = "HALF_OPEN"
            self._probe_in_flight = False
        if self._probe_in_flight:
            return False
        self._probe_in_flight = True
        return True

    def seconds_until_probe(self) -> float:
        if self.state != "OPEN" or self.opened_at is None:
            return 0.0
        return max(0.0, self.reset_seconds - (self.monotonic() - self.opened_at))

    def record_success(self) -> None:
        self.state = "CLOSED"
        self.consecutive_failures = 0
        self.opened_at = None
        self.outage_since = None
        self.last_error = None
        self._probe_in_flight = False
        self.last_success_at = self.wall()

    def release_probe(self) -> None:
        """A call ended without telling anything about the link (e.g. it was cancelled)."""
        self._probe_in_flight = False

    def record_failure(self, error: str = "") -> None:
        self.consecutive_failures += 1
        self.last_error = error or self.last_error
        if self.outage_since is None:
            self.outage_since = self.wall()
        self._probe_in_flight = False
        if self.state == "HALF_OPEN" or self.consecutive_failures >= self.failure_threshold:
            self.state = "OPEN"
            self.opened_at = self.monotonic()
