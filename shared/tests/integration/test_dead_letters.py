"""A message that cannot be parsed or applied goes to the DLQ; the next one is processed."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest

from ektp_shared.consumer import ConsumerRunner
from ektp_shared.db import create_pool, migrate_service
from ektp_shared.events import EnrollmentFieldChecked
from ektp_shared.kafka import dlq_topic
from ektp_shared.testing.kafka import create_topics, publish, publish_raw, read_topic
from ektp_shared.testing.wait import eventually

from .helpers import field_check, sample_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

MIGRATIONS = Path(__file__).parents[1] / "sample_service" / "migrations"


async def test_malformed_and_poison_messages_go_to_the_dlq(infra, topic_prefix, create_database):
    prefix = f"{topic_prefix}dlq."
    settings = sample_settings(infra, await create_database("dlq"), prefix)
    topic = settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, dlq_topic(topic)], partitions=1)
    await migrate_service(settings, MIGRATIONS)
    pool = await create_pool(settings.database_url)
    from sample_service.service import apply_field_check

    good = field_check("7110014501900001", 7)
    poison = field_check("7110014501900002", 0, note="poison")
    await publish_raw(infra.kafka, topic, b"k", b"{not json",
                      [("ce_specversion", b"1.0"), ("ce_id", b"x1"), ("ce_source", b"t"),
                       ("ce_type", EnrollmentFieldChecked.ce_type().encode())])
    await publish_raw(infra.kafka, topic, b"k", b"{}", [])  # no CloudEvents headers
    await publish(infra.kafka, topic, [poison, good])

    runner = ConsumerRunner(
        pool, infra.kafka, group_id=f"{prefix}g", topics=[topic],
        handlers={EnrollmentFieldChecked.ce_type(): apply_field_check},
    )
    task = asyncio.create_task(runner.run())
    try:
        async def good_applied() -> bool:
            return await pool.fetchval("SELECT count(*) FROM effects") == 1

        await eventually(good_applied, timeout=60)
        assert await pool.fetchval("SELECT ce_id FROM effects") == good.id
        dead = await read_topic(infra.kafka, dlq_topic(topic), expect=3, timeout=30)
        assert len(dead) == 3
        reasons = [dict(h)["dlq_reason"] for _, _, h in dead]
        assert reasons == [b"unparseable", b"unparseable", b"handler_failed"]
        assert b"not JSON" in dict(dead[0][2])["dlq_error"]
        assert b"missing CloudEvents headers" in dict(dead[1][2])["dlq_error"]
        assert b"poison" in dict(dead[2][2])["dlq_error"]
        # The poison event's effect was rolled back together with its inbox row.
        assert await pool.fetchval("SELECT count(*) FROM inbox WHERE ce_id=$1", poison.id) == 0
    finally:
        runner.stop()
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
        await pool.close()



async def test_poison_events_in_one_batch_cost_only_themselves(infra, topic_prefix,
                                                               create_database):
    """A fetched batch is applied without savepoints first (ConsumerRunner._apply): a
    handler that fails there, or an event whose inbox row PostgreSQL refuses (a NUL byte in
    its ce_id), must still send only its own event to the DLQ, with its effect and inbox row
    undone, every other event applied once, a repeat in the batch skipped."""
    prefix = f"{topic_prefix}dlqbatch."
    settings = sample_settings(infra, await create_database("dlqbatch"), prefix)
    topic = settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, dlq_topic(topic)], partitions=1)
    await migrate_service(settings, MIGRATIONS)
    pool = await create_pool(settings.database_url)

    async def apply(conn, event, data):
        await conn.execute("INSERT INTO effects (ce_id, nik, seq) VALUES ($1, $2, 0)",
                           event.id, data.nik)
        if data.note.startswith("poison"):  # after its own write: the write must be undone
            raise ValueError(f"note says {data.note}")

    events = [field_check(f"71100145019000{i:02d}", i) for i in range(1, 5)]
    poison = field_check("7110014501900090", 0, note="poison")
    poison2 = field_check("7110014501900091", 0, note="poison 2")
    batch = [events[0], poison2, events[1], poison, events[0], events[2], events[3]]
    nul = field_check("7110014501900092", 0)
    await publish_raw(infra.kafka, topic, nul.key.encode(), nul.value(),
                      [(k, b"nul\x00id" if k == "ce_id" else v) for k, v in nul.headers()])
    await publish(infra.kafka, topic, batch)
    runner = ConsumerRunner(pool, infra.kafka, group_id=f"{prefix}g", topics=[topic],
                            handlers={EnrollmentFieldChecked.ce_type(): apply})
    task = asyncio.create_task(runner.run())
    try:
        async def all_judged() -> bool:
            return runner.state.applied + runner.state.dead_lettered == 7

        await eventually(all_judged, timeout=60)
        effects = await pool.fetch("SELECT ce_id FROM effects ORDER BY ce_id")
        assert sorted(r["ce_id"] for r in effects) == sorted(e.id for e in events)
        inbox = {r["ce_id"] for r in await pool.fetch("SELECT ce_id FROM inbox")}
        assert inbox == {e.id for e in events}
        assert runner.state.duplicates == 1
        dead = await read_topic(infra.kafka, dlq_topic(topic), expect=3, timeout=30)
        assert [dict(h)["ce_id"] for _, _, h in dead] == [b"nul\x00id", poison2.id.encode(),
                                                          poison.id.encode()]
        assert [dict(h)["dlq_reason"] for _, _, h in dead] == [b"handler_failed"] * 3
        assert b"poison 2" in dict(dead[1][2])["dlq_error"]
    finally:
        runner.stop()
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
        await pool.close()

async def test_the_relay_purges_published_rows_past_retention(infra, topic_prefix, create_database):
    """Published outbox rows are kept for audits for a while, then deleted; unpublished
    rows are never touched."""
    from ektp_shared.outbox import OutboxRelay, add_cloudevent

    settings = sample_settings(infra, await create_database("purge"), f"{topic_prefix}purge.")
    topic = settings.topic("enrollment")
    await create_topics(infra.kafka, [topic])
    await migrate_service(settings, MIGRATIONS)
    pool = await create_pool(settings.database_url)
    try:
        async with pool.acquire() as conn, conn.transaction():
            for seq in range(3):
                await add_cloudevent(conn, topic, field_check("7110014501900001", seq))
        # Two were published long ago; one is still waiting (it must survive the purge).
        await pool.execute("""UPDATE outbox SET published_at = now() - interval '40 days'
                              WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT 2)""")
        relay = OutboxRelay(pool, infra.kafka, client_id="purge", retention_days=30)
        task = asyncio.create_task(relay.run())
        try:
            async def purged_and_sent() -> bool:
                rows = await pool.fetch("SELECT published_at FROM outbox")
                return len(rows) == 1 and rows[0]["published_at"] is not None

            await eventually(purged_and_sent, 60, "old rows purged, the waiting one published")
        finally:
            relay.stop()
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
    finally:
        await pool.close()
