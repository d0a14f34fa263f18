"""Serial states, the moves allowed between them, and the ledger invariant.

Every serial the ministry sent is in exactly one state. ADJUSTED is a state like the others:
a serial written off after a stock count (lost, stolen) is still accounted for, as ADJUSTED,
so the invariant reads

    received = IN_STORE + ISSUED + USED + SPOILED + DESTROYED + RETURNED + ADJUSTED

and holds at every instant. A serial found again at a later count moves back (FOUND).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class State(StrEnum):
    IN_STORE = "IN_STORE"
    ISSUED = "ISSUED"
    USED = "USED"
    SPOILED = "SPOILED"
    DESTROYED = "DESTROYED"
    RETURNED = "RETURNED"
    ADJUSTED = "ADJUSTED"


STATES: tuple[State, ...] = tuple(State)

# Where a blank in each state physically is. Spoiled blanks wait in the print room for the
# destruction (berita acara); used ones left with the resident's card.
LOCATION: dict[State, str] = {
    State.IN_STORE: "store",
    State.ISSUED: "print-room",
    State.SPOILED: "print-room",
    State.USED: "resident",
    State.DESTROYED: "destroyed",
    State.RETURNED: "ministry",
    State.ADJUSTED: "written-off",
}
COUNTABLE_LOCATIONS: dict[str, frozenset[State]] = {
    "store": frozenset({State.IN_STORE}),
    "print-room": frozenset({State.ISSUED, State.SPOILED}),
}


class Kind(StrEnum):
    """A movement: one serial changing state, as the movements table records it."""

    RECEIVED = "RECEIVED"
    ISSUED = "ISSUED"
    USED = "USED"
    SPOILED = "SPOILED"
    RETURNED_TO_STORE = "RETURNED_TO_STORE"
    RETURNED_TO_MINISTRY = "RETURNED_TO_MINISTRY"
    DESTROYED = "DESTROYED"
    ADJUSTED = "ADJUSTED"
    FOUND = "FOUND"


@dataclass(frozen=True)
class Move:
    kind: Kind
    sources: frozenset[State | None]  # None: the serial is not in the ledger yet
    target: State


MOVES: dict[Kind, Move] = {
    Kind.RECEIVED: Move(Kind.RECEIVED, frozenset({None}), State.IN_STORE),
    Kind.ISSUED: Move(Kind.ISSUED, frozenset({State.IN_STORE}), State.ISSUED),
    Kind.USED: Move(Kind.USED, frozenset({State.ISSUED}), State.USED),
    Kind.SPOILED: Move(Kind.SPOILED, frozenset({State.ISSUED}), State.SPOILED),
    Kind.RETURNED_TO_STORE: Move(
        Kind.RETURNED_TO_STORE, frozenset({State.ISSUED}), State.IN_STORE
    ),
    Kind.RETURNED_TO_MINISTRY: Move(
        Kind.RETURNED_TO_MINISTRY, frozenset({State.IN_STORE}), State.RETURNED
    ),
    Kind.DESTROYED: Move(Kind.DESTROYED, frozenset({State.SPOILED}), State.DESTROYED),
    Kind.ADJUSTED: Move(
        Kind.ADJUSTED, frozenset({State.IN_STORE, State.ISSUED, State.SPOILED}), State.ADJUSTED
    ),
    # Found at a count after being written off: back to the location it was counted in.
    Kind.FOUND: Move(Kind.FOUND, frozenset({State.ADJUSTED}), State.IN_STORE),
}


@dataclass(frozen=True)
class Refusal:
    serial: str
    state: State | None  # None: unknown serial
    reason: str


@dataclass(frozen=True)
class Plan:
    """What applying one move to a set of serials would do: who moves, who cannot."""

    kind: Kind
    target: State
    moves: tuple[tuple[str, State | None], ...]  # (serial, from state)
    refused: tuple[Refusal, ...]

    @property
    def serials(self) -> list[str]:
        return [s for s, _ in self.moves]


def why_not(kind: Kind, state: State | None) -> str:
    if state is None:
        return "serial tidak dikenal: never received from the ministry"
    if kind is Kind.RECEIVED:
        return f"serial already received (now {state})"
    if state is MOVES[kind].target:
        return f"serial is already {state}: a second report of the same thing, not counted"
    allowed = " or ".join(sorted(str(s) for s in MOVES[kind].sources if s is not None))
    return f"serial is {state}; {kind} needs it {allowed}"


def plan(
    kind: Kind,
    serials: Iterable[str],
    current: Mapping[str, State | None],
    *,
    target: State | None = None,
) -> Plan:
    """Split ``serials`` into those ``kind`` may move and those it may not, with reasons.

    ``current`` maps each serial to its state (missing or None: not in the ledger). A
    serial named twice moves once; the second mention is refused, so nothing counts twice.
    """
    move = MOVES[kind]
    to = target or move.target
    moves: list[tuple[str, State | None]] = []
    refused: list[Refusal] = []
    seen: set[str] = set()
    for serial in serials:
        state = current.get(serial)
        if serial in seen:
            refused.append(Refusal(serial, state, "serial named twice in one request"))
            continue
        seen.add(serial)
        if state in move.sources:
            moves.append((serial, state))
        else:
            refused.append(Refusal(serial, state, why_not(kind, state)))
    return Plan(kind, to, tuple(moves), tuple(refused))


def counts_by_state(states: Iterable[State]) -> dict[State, int]:
    c = Counter(states)
    return {s: c.get(s, 0) for s in STATES}


def invariant_holds(received: int, by_state: Mapping[State, int]) -> bool:
    return received == sum(by_state.get(s, 0) for s in STATES)


@dataclass
class Ledger:
    """The whole ledger in memory: the reference model of the rules (tests, property test).

    The service keeps the same thing in PostgreSQL (one row per serial + movements); both
    go through :func:`plan`, so they cannot disagree on what is allowed.
    """

    states: dict[str, State] = field(default_factory=dict)
    movements: list[tuple[str, Kind, State | None, State]] = field(default_factory=list)
    exceptions: list[Refusal] = field(default_factory=list)

    def apply(
        self, kind: Kind, serials: Iterable[str], *, target: State | None = None,
        all_or_nothing: bool = True,
    ) -> Plan:
        """Commands are all or nothing (the clerk fixes the list); events are applied for
        the serials that can move and the rest go to the exceptions list."""
        p = plan(kind, serials, self.states, target=target)
        if p.refused and all_or_nothing:
            return p
        self.exceptions.extend(p.refused)
        for serial, before in p.moves:
            self.states[serial] = p.target
            self.movements.append((serial, kind, before, p.target))
        return p

    @property
    def received(self) -> int:
        return sum(1 for _, k, _, _ in self.movements if k is Kind.RECEIVED)

    def by_state(self) -> dict[State, int]:
        return counts_by_state(self.states.values())

    def in_state(self, state: State) -> list[str]:
        return sorted(s for s, st in self.states.items() if st is state)
