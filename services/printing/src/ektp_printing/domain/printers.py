"""Printers, their status rules, and the dispatch rule (least work among ONLINE printers)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

PrinterStatus = Literal["ONLINE", "OFFLINE", "IN_REPAIR", "BROKEN"]
PRINTER_STATUSES: Final = ("ONLINE", "OFFLINE", "IN_REPAIR", "BROKEN")
DRIVERS: Final = ("pdf", "cups", "simulated")

# BROKEN means beyond repair: it may only go to IN_REPAIR (a technician tries after all).
ALLOWED_FROM: Final[dict[str, frozenset[str]]] = {
    "ONLINE": frozenset({"OFFLINE", "IN_REPAIR", "BROKEN"}),
    "OFFLINE": frozenset({"ONLINE", "IN_REPAIR", "BROKEN"}),
    "IN_REPAIR": frozenset({"ONLINE", "OFFLINE", "BROKEN"}),
    "BROKEN": frozenset({"IN_REPAIR"}),
}


class PrinterStatusError(Exception):
    pass


def check_status_change(name: str, current: str, wanted: str) -> None:
    if wanted == current:
        raise PrinterStatusError(f"Printer {name} is already {current}.")
    if wanted not in ALLOWED_FROM[current]:
        raise PrinterStatusError(
            f"Printer {name} is {current}; it can only become "
            f"{', '.join(sorted(ALLOWED_FROM[current]))}."
        )


@dataclass(frozen=True)
class PrinterLoad:
    id: str
    name: str
    status: str
    load: int  # jobs given to it and not yet finished (QUEUED or PRINTING)


def least_loaded(printers: list[PrinterLoad]) -> PrinterLoad | None:
    """The ONLINE printer with the least work; ties go to the name first in order."""
    online = [p for p in printers if p.status == "ONLINE"]
    if not online:
        return None
    return min(online, key=lambda p: (p.load, p.name))


@dataclass(frozen=True)
class PrinterStats:
    printed: int
    spoiled: int
    breakdowns: int
    repairs: int

    @property
    def spoil_rate(self) -> float:
        total = self.printed + self.spoiled
        return round(self.spoiled / total, 4) if total else 0.0
