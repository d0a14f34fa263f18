"""An event Kafka refuses for good is set aside: later events of other keys go on, later
events of its key wait behind it until an operator releases or drops it (`ektp outbox`),
and /readyz says "degraded" while it waits."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path

import httpx
import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from typer.testing import CliRunner

from ektp_shared.cli import app as ektp
from ektp_shared.db import create_pool
from ektp_shared.kafka import KafkaAccess, dlq_topic
from ektp_shared.outbox import OutboxRelay, add_cloudevent
from ektp_shared.testing.kafka import create_topics, read_events
from ektp_shared.testing.resources import migrate_as_owner
from ektp_shared.testing.wait import eventually

from .helpers import field_check, sample_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

MIGRATIONS = Path(__file__).parents[1] / "sample_service" / "migrations"
OVERSIZE = 6 * 1024 * 1024  # beyond any producer max_request_size the office configures
POISON_NIK = "7110014501900001"
runner = CliRunner()


async def ektp_outbox(*args: str) -> tuple[int, str]:
    """Run `ektp outbox ...` as an operator would (its own event loop, in a thread)."""
    result = await asyncio.to_thread(runner.invoke, ektp, ["outbox", *args])
    return result.exit_code, result.output


async def add(pool, topic: str, event) -> None:
    async with pool.acquire() as conn, conn.transaction():
        await add_cloudevent(conn, topic, event)


async def force_oversize(pool, topic: str, nik: str, size: int) -> int:
    """An event whose serialized value is ``size`` bytes, written past every API check."""
    event = field_check(nik, 0, note="big")
    padded = json.dumps({**event.data, "padding": "x" * size}).encode()
    return int(await pool.fetchval(
        """INSERT INTO outbox (topic, key, ce_id, ce_type, headers, payload)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id""",
        topic, event.key, event.id, event.type,
        [[name, value.decode()] for name, value in event.headers()], padded))


async def test_an_oversize_event_is_set_aside_and_the_next_100_still_reach_kafka(
    infra, topic_prefix, create_database, jwt_keys, provision_kafka
):
    from sample_service.service import build_app

    dsn = await create_database("held")
    settings = sample_settings(infra, dsn, f"{topic_prefix}held.")
    await provision_kafka(settings.topic_prefix)
    topic = settings.topic("enrollment")
    app = build_app(settings, workers=True)
    async with app.router.lifespan_context(app):
        pool = app.state.pool
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://s")
        poison_id = await force_oversize(pool, topic, POISON_NIK, OVERSIZE)
        others = [field_check(f"71100245019{n:05d}", n) for n in range(1, 101)]
        for event in others:
            await add(pool, topic, event)
        behind = field_check(POISON_NIK, 1, note="behind the oversize one")
        await add(pool, topic, behind)

        on_topic = await read_events(infra.kafka, topic, expect=100, timeout=60)
        assert {e.id for e in on_topic} == {e.id for e in others}

        async def held() -> bool:
            return await pool.fetchval(
                "SELECT held_at IS NOT NULL FROM outbox WHERE id = $1", poison_id)

        await eventually(held, timeout=30, what="the oversize row held")
        row = await pool.fetchrow("SELECT * FROM outbox WHERE id = $1", poison_id)
        assert row["published_at"] is None and "MessageSizeTooLarge" in row["hold_reason"]

        async def says_degraded() -> bool:
            body = (await client.get("/readyz")).json()
            return body["status"] == "degraded"

        await eventually(says_degraded, timeout=10, what="/readyz degraded")
        ready = await client.get("/readyz")
        assert ready.status_code == 200
        reason = " ".join(ready.json()["degraded"])
        assert "1 event(s) held" in reason and "MessageSizeTooLarge" in reason
        assert POISON_NIK not in reason  # the key is a NIK: masked
        metrics = (await client.get("/metrics")).text
        assert "ektp_outbox_held 1.0" in metrics
        assert "ektp_outbox_refused_total" in metrics

        # The same key's later event waits: not on the topic, not published.
        await asyncio.sleep(2)
        again = await read_events(infra.kafka, topic, expect=101, timeout=3)
        assert behind.id not in {e.id for e in again}
        assert await pool.fetchval(
            "SELECT published_at FROM outbox WHERE ce_id = $1", behind.id) is None

        # The operator sees it, then drops it with a reason; the key moves on.
        code, out = await ektp_outbox("list", "--database-url", dsn, "--json")
        assert code == 0, out
        listed = [json.loads(line) for line in out.splitlines()]
        assert [(r["id"], r["waiting_behind"]) for r in listed] == [(poison_id, 1)]
        assert listed[0]["payload_bytes"] > OVERSIZE
        code, out = await ektp_outbox("drop", str(poison_id), "--reason", "photo too large, "
                                      "recorded again", "--database-url", dsn, "--user", "budi")
        assert code == 0, out

        after = await read_events(infra.kafka, topic, expect=101, timeout=60)
        assert behind.id in {e.id for e in after}

        async def says_ready() -> bool:
            return (await client.get("/readyz")).json()["status"] == "ready"

        await eventually(says_ready, timeout=10, what="/readyz ready after the drop")
        dropped = await pool.fetchrow("SELECT * FROM outbox WHERE id = $1", poison_id)
        assert dropped["dropped_by"] == "budi" and dropped["published_at"] is None
        audit = await pool.fetchrow("SELECT * FROM audit_log WHERE action = 'outbox.drop'")
        assert (audit["actor"], audit["target"]) == ("budi", POISON_NIK)
        assert audit["detail"]["outbox_id"] == poison_id
        await client.aclose()


async def set_max_message_bytes(kafka: KafkaAccess, topic: str, limit: int) -> None:
    admin = AIOKafkaAdminClient(**kafka.client_options())
    await admin.start()
    try:
        await admin.alter_configs([ConfigResource(
            ConfigResourceType.TOPIC, topic, configs={"max.message.bytes": str(limit)})])
    finally:
        await admin.close()


async def test_a_record_the_broker_refuses_is_held_alone_and_released_in_key_order(
    infra, topic_prefix, create_database
):
    """The broker refuses a whole producer batch: the relay finds the one guilty record by
    sending each refused record alone, so innocent rows of the same batch are published;
    after the operator raises the limit and releases it, the key's events follow in order."""
    kafka = infra.kafka
    dsn = await create_database("held_broker")
    topic = f"{topic_prefix}held-broker.ektp.enrollment.events"
    admin = AIOKafkaAdminClient(**kafka.client_options())
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, 1, 1, topic_configs={
            "max.message.bytes": str(64 * 1024)})])
    finally:
        await admin.close()
    await create_topics(kafka, [dlq_topic(topic)])
    await migrate_as_owner(dsn, MIGRATIONS)
    pool = await create_pool(dsn)
    # One partition: every row shares producer batches with its neighbours.
    relay = OutboxRelay(pool, kafka, client_id="held-broker", batch_size=50, send_timeout=10)
    guilty_nik, other = "7110014501900002", "7110014501900003"
    first = [field_check(other, n) for n in range(5)]
    for e in first:
        await add(pool, topic, e)
    guilty_id = await force_oversize(pool, topic, guilty_nik, 200 * 1024)
    rest = [field_check(other, n) for n in range(5, 10)]
    behind = [field_check(guilty_nik, n, note=f"behind {n}") for n in range(1, 4)]
    for a, b in zip(rest, behind, strict=False):
        await add(pool, topic, a)
        await add(pool, topic, b)
    for e in rest[len(behind):]:
        await add(pool, topic, e)
    task = asyncio.create_task(relay.run())
    try:
        innocent = await read_events(kafka, topic, expect=10, timeout=60)
        assert [e.id for e in innocent if e.key == other] == [e.id for e in first + rest]

        async def held() -> bool:
            return await pool.fetchval(
                "SELECT hold_reason FROM outbox WHERE id = $1", guilty_id) is not None

        await eventually(held, timeout=30, what="the refused row held")
        reason = await pool.fetchval("SELECT hold_reason FROM outbox WHERE id = $1", guilty_id)
        assert "MessageSizeTooLarge" in reason or "RecordTooLarge" in reason
        held_ids = await pool.fetch("SELECT id FROM outbox WHERE held_at IS NOT NULL")
        assert [r["id"] for r in held_ids] == [guilty_id]  # not its innocent neighbours
        assert relay.state.held == 1 and relay.stall_reasons()

        await set_max_message_bytes(kafka, topic, 1024 * 1024)
        code, out = await ektp_outbox("release", str(guilty_id), "--note", "limit raised",
                                      "--database-url", dsn, "--user", "siti")
        assert code == 0, out
        everything = await read_events(kafka, topic, expect=14, timeout=60)
        of_guilty = [e.data["note"] for e in everything if e.key == guilty_nik]
        assert of_guilty == ["big", "behind 1", "behind 2", "behind 3"]

        async def clear() -> bool:
            return not relay.stall_reasons()

        await eventually(clear, timeout=10, what="no stall reason after the release")
        audit = await pool.fetchrow("SELECT actor, detail FROM audit_log")
        assert audit["actor"] == "siti" and audit["detail"]["note"] == "limit raised"
        code, out = await ektp_outbox("release", str(guilty_id), "--database-url", dsn)
        assert code == 1 and "not held" in out
    finally:
        relay.stop()
        with contextlib.suppress(BaseException):
            await asyncio.wait_for(task, 15)
        await pool.close()
