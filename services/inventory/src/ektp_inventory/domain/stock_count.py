"""Stock counts (stock opname): what was counted against what the ledger says."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .ledger import COUNTABLE_LOCATIONS, Kind, State


@dataclass(frozen=True)
class Discrepancy:
    location: str
    expected: int
    counted: int
    missing: list[str] = field(default_factory=list)  # the ledger has them here; not seen
    found: list[str] = field(default_factory=list)  # written off (ADJUSTED) but seen here
    misplaced: dict[str, str] = field(default_factory=dict)  # seen here, ledger says elsewhere
    unknown: list[str] = field(default_factory=list)  # seen here, never received

    @property
    def matches(self) -> bool:
        return self.expected == self.counted and not (
            self.missing or self.found or self.misplaced or self.unknown
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "location": self.location, "expected": self.expected, "counted": self.counted,
            "difference": self.counted - self.expected, "missing": self.missing,
            "found": self.found, "misplaced": self.misplaced, "unknown": self.unknown,
            "matches": self.matches,
        }


def by_serial(
    location: str,
    counted: Iterable[str],
    expected_here: Iterable[str],
    states_of_counted: Mapping[str, State | None],
) -> Discrepancy:
    """``expected_here``: serials the ledger puts in ``location``; ``states_of_counted``:
    the ledger's state of every counted serial (None when unknown)."""
    here = COUNTABLE_LOCATIONS[location]
    counted_set = set(counted)
    expected_set = set(expected_here)
    found, misplaced, unknown = [], {}, []
    for serial in sorted(counted_set - expected_set):
        state = states_of_counted.get(serial)
        if state is None:
            unknown.append(serial)
        elif state is State.ADJUSTED:
            found.append(serial)
        elif state not in here:
            misplaced[serial] = str(state)
    return Discrepancy(
        location=location, expected=len(expected_set), counted=len(counted_set),
        missing=sorted(expected_set - counted_set), found=found, misplaced=misplaced,
        unknown=unknown,
    )


def by_quantity(location: str, counted: int, expected: int) -> Discrepancy:
    return Discrepancy(location=location, expected=expected, counted=counted)


def found_target(location: str) -> State:
    return State.IN_STORE if location == "store" else State.ISSUED


def adjustments(d: Discrepancy) -> list[tuple[Kind, list[str], State]]:
    """What an approved count changes: missing serials are written off (ADJUSTED), written-off
    serials seen again go back to where they were counted. Misplaced and unknown serials
    are left for the storekeeper to explain (a receipt, a return), never guessed."""
    out: list[tuple[Kind, list[str], State]] = []
    if d.missing:
        out.append((Kind.ADJUSTED, d.missing, State.ADJUSTED))
    if d.found:
        out.append((Kind.FOUND, d.found, found_target(d.location)))
    return out
