"""Blanks on hand in the print room.

A serial arrives with ``inventory.issued`` and is ON_HAND; a job reserves it; printing ends
it as USED or SPOILED. ``inventory.returned`` from the print room takes ON_HAND serials
back to the store: a reserved one frees its job first. A serial is never on two jobs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

BLANK_STATUSES: Final = ("ON_HAND", "USED", "SPOILED", "RETURNED")


@dataclass(frozen=True)
class BlankView:
    serial: str
    status: str
    job_id: str | None
    job_status: str | None


@dataclass
class ReturnPlan:
    returned: list[str] = field(default_factory=list)
    # jobs whose reserved blank leaves: they go back to the queue for another one
    jobs_released: list[str] = field(default_factory=list)
    # serials the print room cannot give back (printing, printed, spoiled, unknown)
    refused: dict[str, str] = field(default_factory=dict)


def plan_return(serials: list[str], known: dict[str, BlankView]) -> ReturnPlan:
    plan = ReturnPlan()
    for serial in dict.fromkeys(serials):
        blank = known.get(serial)
        if blank is None:
            plan.refused[serial] = "never arrived in the print room"
        elif blank.status != "ON_HAND":
            plan.refused[serial] = f"is {blank.status}"
        elif blank.job_id is None:
            plan.returned.append(serial)
        elif blank.job_status in ("QUEUED", "WAITING_FOR_BLANK"):
            plan.returned.append(serial)
            plan.jobs_released.append(blank.job_id)
        else:
            plan.refused[serial] = f"is in job {blank.job_id} ({blank.job_status})"
    return plan


def plan_arrival(serials: list[str], known: dict[str, BlankView]) -> list[str]:
    """Serials that now come on hand: new ones, and ones that came back after a return."""
    return [
        s for s in dict.fromkeys(serials)
        if s not in known or known[s].status == "RETURNED"
    ]


@dataclass(frozen=True)
class LowDecision:
    now_low: bool
    publish: bool


def blanks_low(on_hand: int, threshold: int, was_low: bool) -> LowDecision:
    """Warn once when the stock on hand falls below the threshold, again after a refill."""
    now_low = on_hand < threshold
    return LowDecision(now_low=now_low, publish=now_low and not was_low)
