"""The ledger property (tests/ledger_property.py) against the service's PostgreSQL ledger:
the repository's SQL (states_of, insert_received, apply_plan, add_exception) in one
transaction per command or event, as the handlers use it. A planted bug (apply_plan moving a
serial without recording its movement) must be caught, so the property can fail here."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections.abc import Coroutine, Iterable
from typing import Any

import asyncpg
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from ledger_property import run_office

from ektp_inventory.adapters import repository as repo
from ektp_inventory.domain.ledger import Kind, Plan, Refusal, State, plan

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

EXAMPLES = 40
_run = itertools.count()


class PgLedger:
    """The ledger as the service keeps it, seen through the AnyLedger protocol. Each example
    gets serials of its own (a prefix), so examples share one database."""

    def __init__(self, pool: asyncpg.Pool, loop: asyncio.AbstractEventLoop, prefix: str,
                 apply_plan: Any = repo.apply_plan) -> None:
        self.pool, self.loop, self.prefix, self._apply_plan = pool, loop, prefix, apply_plan

    def _wait(self, coro: Coroutine[Any, Any, Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=30)

    @property
    def states(self) -> dict[str, State]:
        rows = self._wait(self.pool.fetch(
            "SELECT serial, state FROM blanks WHERE starts_with(serial, $1)", self.prefix))
        return {r["serial"]: State(r["state"]) for r in rows}

    @property
    def movements(self) -> list[tuple[str, Kind, State | None, State]]:
        rows = self._wait(self.pool.fetch(
            """SELECT serial, kind, from_state, to_state FROM movements
               WHERE starts_with(serial, $1) ORDER BY id""", self.prefix))
        return [(r["serial"], Kind(r["kind"]),
                 State(r["from_state"]) if r["from_state"] else None, State(r["to_state"]))
                for r in rows]

    @property
    def exceptions(self) -> list[Refusal]:
        rows = self._wait(self.pool.fetch(
            "SELECT serial, state_found, reason FROM ledger_exceptions "
            "WHERE starts_with(serial, $1) ORDER BY id", self.prefix))
        return [Refusal(r["serial"], State(r["state_found"]) if r["state_found"] else None,
                        r["reason"]) for r in rows]

    def apply(self, kind: Kind, serials: Iterable[str], *, target: State | None = None,
              all_or_nothing: bool = True) -> Plan:
        return self._wait(self._apply(kind, list(serials), target, all_or_nothing))

    async def _apply(self, kind: Kind, serials: list[str], target: State | None,
                     all_or_nothing: bool) -> Plan:
        reference = f"PROP-{uuid.uuid4()}"
        async with self.pool.acquire() as conn, conn.transaction():
            p = plan(kind, serials, await repo.states_of(conn, serials), target=target)
            if p.refused and all_or_nothing:
                return p  # a command is refused whole: nothing written
            for r in p.refused:  # an event's refusal goes to the exceptions list
                await repo.add_exception(conn, ce_id=reference, ce_type="prop", serial=r.serial,
                                         state=r.state, reason=r.reason, detail={})
            if kind is Kind.RECEIVED:
                new = [s for s, _ in p.moves]
                assert await repo.insert_received(conn, new, reference, "prop") == len(new)
            else:
                await self._apply_plan(conn, p, reference, "prop")
        return p


def run_property(pool: asyncpg.Pool, loop: asyncio.AbstractEventLoop, *,
                 apply_plan: Any = repo.apply_plan, examples: int = EXAMPLES) -> None:
    @settings(max_examples=examples, deadline=None, database=None,
              phases=[Phase.generate],  # a failure is reported as found, not shrunk (slow)
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(st.data())
    def prop(data: st.DataObject) -> None:
        prefix = f"P{next(_run):05d}-"
        serials = [f"{prefix}{i:02d}" for i in range(10)]
        run_office(data, PgLedger(pool, loop, prefix, apply_plan), serials, max_steps=40)

    prop()


async def test_the_postgresql_ledger_balances_whatever_happens(api):
    await asyncio.to_thread(run_property, api.pool, asyncio.get_running_loop())


async def _apply_plan_forgetting_the_movement(conn, p, reference, actor, detail=None):
    """The planted bug: the serial moves, its movement is not written."""
    if not p.moves:
        return 0
    await conn.execute("UPDATE blanks SET state = $2 WHERE serial = ANY($1::text[])",
                       [s for s, _ in p.moves], str(p.target))
    return len(p.moves)


async def test_the_property_catches_a_planted_bug_in_the_sql(api):
    with pytest.raises(AssertionError):
        await asyncio.to_thread(run_property, api.pool, asyncio.get_running_loop(),
                                apply_plan=_apply_plan_forgetting_the_movement)
