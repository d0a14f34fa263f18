"""The relay's election lock dies with its connection (a PostgreSQL restart, a network blip,
pg_terminate_backend). The relay that held it must stop publishing before another relay
starts: each leadership term's sends end before the next term's first send, and nothing
is lost."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from pathlib import Path
from typing import Any

import pytest

from ektp_shared.db import create_pool
from ektp_shared.kafka import dlq_topic
from ektp_shared.outbox import RELAY_LOCK_ID, OutboxRelay, add_cloudevent
from ektp_shared.testing.kafka import create_topics, read_events
from ektp_shared.testing.resources import migrate_as_owner
from ektp_shared.testing.wait import eventually

from .helpers import field_check

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

MIGRATIONS = Path(__file__).parents[1] / "sample_service" / "migrations"
EVENTS = 800


class WatchedRelay(OutboxRelay):
    """A relay whose producer notes every send: (relay, lease token, ce_id, sent, acked)."""

    def __init__(self, name: str, sends: list[dict[str, Any]], *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.name, self.sends = name, sends

    def _new_producer(self):  # type: ignore[no-untyped-def]
        producer = super()._new_producer()
        send = producer.send

        async def noted_send(topic, value=None, key=None, headers=None, **kw):  # type: ignore[no-untyped-def]
            fut = await send(topic, value=value, key=key, headers=headers, **kw)
            entry = {"relay": self.name, "token": self._token, "sent": time.monotonic(),
                     "acked": None, "ce_id": dict(headers or [])["ce_id"].decode()}
            self.sends.append(entry)
            fut.add_done_callback(
                lambda f: entry.update(acked=time.monotonic()) if not f.exception() else None)
            return fut

        producer.send = noted_send  # type: ignore[method-assign]
        return producer


async def test_a_relay_whose_lock_connection_dies_stops_before_the_next_one_publishes(
    infra, topic_prefix, create_database
):
    kafka = infra.kafka
    dsn = await create_database("lease")
    topic = f"{topic_prefix}lease.ektp.enrollment.events"
    await create_topics(kafka, [topic, dlq_topic(topic)])
    await migrate_as_owner(dsn, MIGRATIONS)
    pool = await create_pool(dsn)
    sends: list[dict[str, Any]] = []
    common = {"batch_size": 10, "send_timeout": 3.0}
    # B checks the lock often, A retries slowly: B is the one that takes over.
    first = WatchedRelay("A", sends, pool, kafka, client_id="lease-a", pause_seconds=5.0,
                         **common)
    second = WatchedRelay("B", sends, pool, kafka, client_id="lease-b",
                          standby_seconds=0.2, **common)
    ids: list[str] = []

    async def feed() -> None:
        for seq in range(EVENTS):
            event = field_check(f"71100145019{seq % 40:05d}", seq)
            async with pool.acquire() as conn, conn.transaction():
                await add_cloudevent(conn, topic, event)
            ids.append(event.id)
            await asyncio.sleep(0.01)

    tasks = [asyncio.create_task(first.run()), asyncio.create_task(feed())]
    try:
        await eventually(lambda: _true(first.state.published >= 100), timeout=60,
                         what="A publishing")
        tasks.append(asyncio.create_task(second.run()))
        await asyncio.sleep(0.5)
        assert first.state.is_leader and not second.state.is_leader
        lock_pid = await pool.fetchval(
            """SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
                 AND objid::bigint = $1
                 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""",
            RELAY_LOCK_ID)
        cut_at = time.monotonic()
        assert await pool.fetchval("SELECT pg_terminate_backend($1)", lock_pid)

        async def all_published() -> bool:
            return len(ids) == EVENTS and await pool.fetchval(
                "SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0

        await eventually(all_published, timeout=120, what="every event published")
        assert second.state.is_leader and not first.state.is_leader

        terms = sorted({s["token"] for s in sends})
        assert len(terms) >= 2, "B never took over"
        for old, new in itertools.pairwise(terms):
            last_of_old = max(max(s["sent"], s["acked"] or 0) for s in sends if s["token"] == old)
            first_of_new = min(s["sent"] for s in sends if s["token"] == new)
            assert last_of_old < first_of_new, f"term {old} still sent after term {new} began"
        b_first = min(s["sent"] for s in sends if s["relay"] == "B")
        assert b_first > cut_at
        assert not [s for s in sends if s["relay"] == "A" and s["sent"] > b_first]

        on_topic = await read_events(kafka, topic, expect=EVENTS, timeout=60)
        assert {e.id for e in on_topic} == set(ids)  # nothing lost
    finally:
        for relay in (first, second):
            relay.stop()
        for t in tasks:
            t.cancel()
            with contextlib.suppress(BaseException):
                await t
        await pool.close()


async def _true(value: bool) -> bool:
    return value
