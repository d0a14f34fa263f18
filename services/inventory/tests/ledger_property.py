"""The ledger property, for any ledger that keeps the rules: the in-memory reference model
(tests/unit) and the service's PostgreSQL ledger (tests/integration) run the same steps.

Whatever the office does, in whatever order the print room's reports arrive, duplicated or
not, every received serial is in exactly one state and received = the sum over all states;
the reconciliation closes on the custody count."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from hypothesis import strategies as st

from ektp_inventory.domain import reconciliation, stock_count
from ektp_inventory.domain.ledger import (
    COUNTABLE_LOCATIONS,
    MOVES,
    STATES,
    Kind,
    Plan,
    Refusal,
    State,
    invariant_holds,
)

COMMANDS = {
    "receive": Kind.RECEIVED, "issue": Kind.ISSUED, "return_store": Kind.RETURNED_TO_STORE,
    "return_ministry": Kind.RETURNED_TO_MINISTRY, "destroy": Kind.DESTROYED,
}
STEPS = ["receive", "issue", "return_store", "return_ministry", "destroy", "print", "spoil",
         "deliver", "deliver", "count"]


class AnyLedger(Protocol):
    @property
    def states(self) -> dict[str, State]: ...
    @property
    def movements(self) -> list[tuple[str, Kind, State | None, State]]: ...
    @property
    def exceptions(self) -> list[Refusal]: ...
    def apply(self, kind: Kind, serials: Iterable[str], *, target: State | None = None,
              all_or_nothing: bool = True) -> Plan: ...


def by_state(ledger: AnyLedger) -> dict[State, int]:
    counts = Counter(ledger.states.values())
    return {s: counts.get(s, 0) for s in STATES}


def pick(data: st.DataObject, ledger: AnyLedger, serials: Sequence[str],
         wanted: set[State | None]) -> list[str]:
    """Mostly serials in a state the step can use, sometimes any serial at all (wrong
    state, unknown), so both the moves and the refusals get exercised."""
    states = ledger.states
    fitting = [s for s in serials if states.get(s) in wanted]
    pool = fitting if fitting and data.draw(st.integers(0, 4)) else list(serials)
    return data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4))


def check(ledger: AnyLedger) -> None:
    states, movements = ledger.states, ledger.movements
    received_n = sum(1 for _, k, _, _ in movements if k is Kind.RECEIVED)
    assert invariant_holds(received_n, by_state(ledger))
    received = {s for s, k, _, _ in movements if k is Kind.RECEIVED}
    assert set(states) == received  # every received serial has exactly one state
    # Replaying the movements gives each serial's state: no gaps, no serial in two states.
    replay: dict[str, State] = {}
    for serial, _, before, after in movements:
        assert replay.get(serial) == before
        replay[serial] = after
    assert replay == states
    used = Counter(s for s, k, _, _ in movements if k is Kind.USED)
    assert all(n == 1 for n in used.values())  # no blank printed on twice


def run_office(data: st.DataObject, ledger: AnyLedger, serials: Sequence[str],
               max_steps: int = 80) -> None:
    queued: list[tuple[str, str, str]] = []  # (event id, kind, serial)
    inbox: set[str] = set()
    effects: Counter[str] = Counter()
    for _ in range(data.draw(st.integers(0, max_steps))):
        name = data.draw(st.sampled_from(STEPS))
        if name in COMMANDS:
            kind = COMMANDS[name]
            ledger.apply(kind, pick(data, ledger, serials, set(MOVES[kind].sources)))
        elif name in ("print", "spoil"):
            # The print room reports a print or a spoil: queued, delivered later or never;
            # the same blank may be reported again under a new event id.
            (serial,) = pick(data, ledger, serials, {State.ISSUED, State.USED})[:1]
            queued.append((f"ev{len(queued)}", name, serial))
        elif name == "deliver" and queued:
            # Kafka delivers any queued report, in any order, any number of times.
            event_id, kind, serial = data.draw(st.sampled_from(queued))
            if event_id in inbox:  # the consumer's inbox: a redelivery does nothing
                continue
            inbox.add(event_id)
            p = ledger.apply(Kind.USED if kind == "print" else Kind.SPOILED, [serial],
                             all_or_nothing=False)
            effects[event_id] += len(p.moves)
            assert len(p.moves) + len(p.refused) == 1  # applied or listed, never dropped
        elif name == "count":
            location = data.draw(st.sampled_from(sorted(COUNTABLE_LOCATIONS)))
            states = ledger.states
            here = [s for s, st_ in states.items() if st_ in COUNTABLE_LOCATIONS[location]]
            # What the counter saw: most of what is there, plus strays.
            counted = sorted(set(data.draw(st.lists(st.sampled_from(here), max_size=len(here)))
                                 if here else []) | set(data.draw(
                                     st.lists(st.sampled_from(list(serials)), max_size=2))))
            d = stock_count.by_serial(location, counted, here,
                                      {s: states.get(s) for s in counted})
            for kind, moved, target in stock_count.adjustments(d):  # supervisor approves
                assert not ledger.apply(kind, moved, target=target).refused
        check(ledger)
    assert all(n <= 1 for n in effects.values())
    assert len(ledger.exceptions) == len(inbox) - sum(effects.values())

    # The reconciliation of the whole history closes on what the office holds.
    movements = ledger.movements
    day = dt.date(2025, 11, 3)
    per_day = {day: dict(Counter(k for _, k, _, _ in movements))}
    (row,) = reconciliation.daily_rows(0, day, day, per_day)
    counts = by_state(ledger)
    assert row.closing == sum(counts[s] for s in reconciliation.CUSTODY)
    assert row.received == sum(counts[s] for s in STATES)
