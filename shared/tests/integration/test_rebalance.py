"""A second consumer joining the group mid-stream (a rebalance) loses and repeats nothing."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest

from ektp_shared.consumer import ConsumerRunner
from ektp_shared.db import create_pool, migrate_service
from ektp_shared.events import EnrollmentFieldChecked
from ektp_shared.kafka import dlq_topic
from ektp_shared.testing.kafka import create_topics, publish
from ektp_shared.testing.wait import eventually

from .helpers import field_check, sample_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

MIGRATIONS = Path(__file__).parents[1] / "sample_service" / "migrations"


async def test_a_member_joining_mid_stream_changes_no_count(infra, topic_prefix, create_database):
    prefix = f"{topic_prefix}rebalance."
    settings = sample_settings(infra, await create_database("rebalance"), prefix)
    topic = settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, dlq_topic(topic)], partitions=3)
    await migrate_service(settings, MIGRATIONS)
    pool = await create_pool(settings.database_url, max_size=6)

    async def slow_apply(conn, event, data):
        # Slow until the second member has work, so the join lands mid-stream however fast
        # the machine (on an idle one the first member once finished all 600 first).
        await asyncio.sleep(0.05 if second.state.applied == 0 else 0.005)
        await conn.execute("INSERT INTO effects (ce_id, nik, seq) VALUES ($1, $2, $3)",
                           event.id, data.nik, int(data.note))

    def runner(name: str) -> ConsumerRunner:
        return ConsumerRunner(pool, infra.kafka, group_id=f"{prefix}g", topics=[topic],
                              handlers={EnrollmentFieldChecked.ce_type(): slow_apply},
                              client_id=name, max_records=20)

    events = [field_check(f"71100145019{n % 30:05d}", n) for n in range(600)]
    await publish(infra.kafka, topic, events)
    first, second = runner("first"), runner("second")
    tasks = [asyncio.create_task(first.run())]
    try:
        async def some_applied() -> bool:
            return await pool.fetchval("SELECT count(*) FROM effects") >= 50

        await eventually(some_applied, 60, "the first member under way")
        tasks.append(asyncio.create_task(second.run()))  # the group rebalances now

        async def all_applied() -> bool:
            return await pool.fetchval("SELECT count(*) FROM effects") >= 600

        await eventually(all_applied, 120, "all 600 events applied")
        await asyncio.sleep(2)
        assert await pool.fetchval("SELECT count(*) FROM effects") == 600
        assert await pool.fetchval("SELECT count(DISTINCT ce_id) FROM effects") == 600
        assert second.state.applied + second.state.duplicates > 0, "the second member got work"
        rows = await pool.fetch("SELECT nik, seq FROM effects ORDER BY id")
        per_key: dict[str, list[int]] = {}
        for r in rows:
            per_key.setdefault(r["nik"], []).append(r["seq"])
        assert all(s == sorted(s) for s in per_key.values()), "order per key kept"
    finally:
        first.stop()
        second.stop()
        for t in tasks:
            t.cancel()
            with contextlib.suppress(BaseException):
                await t
        await pool.close()
