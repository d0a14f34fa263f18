"""Low stock: the threshold, the projection against the print backlog, automatic issues."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Projection:
    in_store: int
    in_print_room: int
    backlog_awaiting_print: int
    print_rate_per_day: float
    days_of_stock: float | None  # None: nothing printed lately, no rate to divide by
    projected_shortfall: int
    below_threshold: bool

    @property
    def low(self) -> bool:
        return self.below_threshold or self.projected_shortfall > 0


def project(
    *,
    in_store: int,
    in_print_room: int,
    backlog: int,
    used_in_window: int,
    window_days: int,
    threshold: int,
) -> Projection:
    """Blanks still usable (store + unused in the print room) against residents waiting
    for their card: 8,000 waiting and 7,000 blanks is 1,000 short."""
    usable = in_store + in_print_room
    rate = used_in_window / window_days if window_days > 0 else 0.0
    days = round(usable / rate, 1) if rate > 0 else None
    return Projection(
        in_store=in_store, in_print_room=in_print_room, backlog_awaiting_print=backlog,
        print_rate_per_day=round(rate, 2), days_of_stock=days,
        projected_shortfall=max(0, backlog - usable), below_threshold=in_store < threshold,
    )


def should_alert(p: Projection, last: tuple[int, int] | None, step: int) -> bool:
    """Publish stock_low when stock turns low, then again only when in store or the
    shortfall moved by ``step`` since the last alert: a warning, not a flood."""
    if not p.low:
        return False
    if last is None:
        return True
    last_in_store, last_shortfall = last
    return (
        abs(p.in_store - last_in_store) >= step
        or abs(p.projected_shortfall - last_shortfall) >= step
    )


def auto_issue_quantity(
    *, wanted: int, on_hand_reported: int, issued_in_ledger: int, in_store: int,
    max_per_issue: int,
) -> int:
    """How many blanks to send when the print room says it runs low.

    Blanks the ledger shows as issued but the print room did not count yet are on their
    way (a repeated blanks_low must not send them twice); the rest is bounded by the
    maximum per issue and by what is in store.
    """
    in_transit = max(0, issued_in_ledger - max(0, on_hand_reported))
    return max(0, min(wanted - in_transit, max_per_issue, in_store))


def letter_quantity(shortfall: int, round_to: int = 100) -> int:
    """The ministry sends blanks by the box: ask for the shortfall rounded up."""
    return int(math.ceil(shortfall / round_to) * round_to) if shortfall > 0 else 0
