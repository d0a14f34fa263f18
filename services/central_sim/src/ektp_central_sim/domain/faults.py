"""Faults the simulated centre can be told to show, and the draw that picks one per call."""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from typing import Any, Literal

Fault = Literal["down", "error", "timeout"]


@dataclass
class FaultPlan:
    """What the centre does wrong, per call to its ``/v1`` API.

    ``down``: every connection is dropped without an answer. ``latency_seconds``: every
    answer waits that long (slow link). ``error_share``: that share of calls answer 503
    before doing anything. ``timeout_share``: that share of calls do their work, then hold
    the answer for ``timeout_seconds`` (the worst case: the client gives up on a call
    that took effect). ``partial_batch_share``: that share of the items of a batch are
    refused as "try again later" while the others are taken.
    """

    down: bool = False
    latency_seconds: float = 0.0
    error_share: float = 0.0
    timeout_share: float = 0.0
    timeout_seconds: float = 30.0
    partial_batch_share: float = 0.0

    def __post_init__(self) -> None:
        for name in ("error_share", "timeout_share", "partial_batch_share"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value}")
        if self.error_share + self.timeout_share > 1.0:
            raise ValueError("error_share + timeout_share cannot exceed 1")
        if self.latency_seconds < 0 or self.timeout_seconds < 0:
            raise ValueError("latency_seconds and timeout_seconds cannot be negative")

    def draw(self, rng: random.Random) -> Fault | None:
        """The fault this call suffers, if any."""
        if self.down:
            return "down"
        r = rng.random()
        if r < self.error_share:
            return "error"
        if r < self.error_share + self.timeout_share:
            return "timeout"
        return None

    def refuse_item(self, rng: random.Random) -> bool:
        """Whether one item of a batch is refused for now (a partial batch failure)."""
        return self.partial_batch_share > 0 and rng.random() < self.partial_batch_share

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
