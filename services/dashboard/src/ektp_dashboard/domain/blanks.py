"""Blank serial states as the events tell them (DESIGN.md section 5), for the stock figures.

The dashboard keeps one row per serial (state only) so that counts by state stay exact
whatever order the inventory and printing topics arrive in relative to each other; the
inventory service remains the authority (its GET /stock is shown beside these).
"""

from __future__ import annotations

BLANK_STATES: tuple[str, ...] = (
    "IN_STORE", "ISSUED", "USED", "SPOILED", "DESTROYED", "RETURNED", "ADJUSTED",
)
# Once a blank is used, spoiled, destroyed or returned, a late "issued" must not revive it.
_RANK = {"IN_STORE": 0, "ISSUED": 1, "USED": 2, "SPOILED": 2, "DESTROYED": 3, "RETURNED": 3,
         "ADJUSTED": 3}


def after_return(returned_to: str) -> str:
    """Print room -> store puts blanks back in store; store -> ministry returns them."""
    return "IN_STORE" if returned_to == "store" else "RETURNED"


def next_state(current: str | None, target: str, *, explicit: bool = False) -> str:
    """``explicit`` moves (a return to store, a stock-count adjustment) may go back."""
    if current is None or explicit:
        return target
    return target if _RANK.get(target, 0) >= _RANK.get(current, 0) else current
