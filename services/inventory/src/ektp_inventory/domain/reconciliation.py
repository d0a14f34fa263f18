"""The reconciliation report's arithmetic (laporan rekonsiliasi blangko), per day.

Opening and closing are the blanks in the office's custody: in store, in the print room,
and spoiled ones awaiting destruction (IN_STORE + ISSUED + SPOILED). Issues, spoils and
returns from the print room move blanks inside the office and leave custody unchanged:

    closing = opening + received - used - destroyed - returned_to_ministry
              - adjusted + found
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from .ledger import Kind, State

CUSTODY: frozenset[State] = frozenset({State.IN_STORE, State.ISSUED, State.SPOILED})

# How each movement changes the office's custody.
CUSTODY_DELTA: dict[Kind, int] = {
    Kind.RECEIVED: +1,
    Kind.ISSUED: 0,
    Kind.USED: -1,
    Kind.SPOILED: 0,
    Kind.RETURNED_TO_STORE: 0,
    Kind.RETURNED_TO_MINISTRY: -1,
    Kind.DESTROYED: -1,
    Kind.ADJUSTED: -1,
    Kind.FOUND: +1,
}


def custody_change(counts: Mapping[Kind, int]) -> int:
    return sum(CUSTODY_DELTA[k] * n for k, n in counts.items())


@dataclass(frozen=True)
class DayRow:
    day: dt.date
    opening: int
    received: int
    issued: int
    used: int
    spoiled: int
    destroyed: int
    returned_to_store: int
    returned_to_ministry: int
    adjusted: int
    found: int
    closing: int

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["day"] = self.day.isoformat()
        return d


COLUMNS: tuple[str, ...] = (
    "day", "opening", "received", "issued", "used", "spoiled", "destroyed",
    "returned_to_store", "returned_to_ministry", "adjusted", "found", "closing",
)


def daily_rows(
    opening: int,
    start: dt.date,
    end: dt.date,
    per_day: Mapping[dt.date, Mapping[Kind, int]],
) -> list[DayRow]:
    """One row per day from ``start`` to ``end`` inclusive, each opening on the previous
    closing, so the report cannot drift from the movements."""
    if end < start:
        raise ValueError("the report ends before it starts")
    rows: list[DayRow] = []
    balance = opening
    day = start
    while day <= end:
        c = per_day.get(day, {})
        closing = balance + custody_change(c)
        rows.append(DayRow(
            day=day, opening=balance,
            received=c.get(Kind.RECEIVED, 0), issued=c.get(Kind.ISSUED, 0),
            used=c.get(Kind.USED, 0), spoiled=c.get(Kind.SPOILED, 0),
            destroyed=c.get(Kind.DESTROYED, 0),
            returned_to_store=c.get(Kind.RETURNED_TO_STORE, 0),
            returned_to_ministry=c.get(Kind.RETURNED_TO_MINISTRY, 0),
            adjusted=c.get(Kind.ADJUSTED, 0), found=c.get(Kind.FOUND, 0), closing=closing,
        ))
        balance = closing
        day += dt.timedelta(days=1)
    return rows


def totals(rows: list[DayRow]) -> dict[str, int]:
    out: dict[str, int] = {}
    for col in COLUMNS[2:-1]:
        out[col] = sum(getattr(r, col) for r in rows)
    out["opening"] = rows[0].opening if rows else 0
    out["closing"] = rows[-1].closing if rows else 0
    return out
