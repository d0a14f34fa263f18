"""The queue order: a configurable priority, then first come first served."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PriorityRules:
    reprint: int = 100
    elderly: int = 10
    elderly_age: int = 60
    first_time: int = 0


def age_on(birth: dt.date, day: dt.date) -> int:
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


def job_priority(
    rules: PriorityRules,
    *,
    tanggal_lahir: dt.date,
    today: dt.date,
    first_time: bool,
    reprint: bool = False,
) -> int:
    """Higher prints first. The parts add up: an elderly first-time holder beats either."""
    score = 0
    if reprint:
        score += rules.reprint
    if age_on(tanggal_lahir, today) >= rules.elderly_age:
        score += rules.elderly
    if first_time:
        score += rules.first_time
    return score


def queue_order(priority: int, seq: int) -> tuple[int, int]:
    """Sort key: higher priority first, then arrival order."""
    return (-priority, seq)
