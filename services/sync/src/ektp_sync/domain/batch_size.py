"""How many items one call to the centre carries: recordings in a submit, verdicts asked
for in a query (no I/O).

A lossy link (the office's mobile link to the centre) rarely carries a large call whole:
with each 16 KB piece at a 2% risk, a batch of 100 sealed packets, or the answer to a query
of 500 verdicts with their card photos, is almost always cut off, and sent again whole it is
cut off again. So the size halves each time a call is cut off mid-transfer, down to one,
and grows back by a quarter (at least one) with each call that arrives, up to the
configured size. An answer from the centre (even a 503) says nothing about the link and
leaves the size alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class BatchSize:
    largest: int
    now: int = 0

    def __post_init__(self) -> None:
        if self.largest < 1:
            raise ValueError("a call carries at least one item")
        self.now = min(self.now or self.largest, self.largest)

    def arrived(self) -> None:
        self.now = min(self.largest, self.now + max(1, self.now // 4))

    def cut_off(self) -> None:
        self.now = max(1, self.now // 2)
