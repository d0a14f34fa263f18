"""A database that cannot do the work (read-only, a revoked grant) pauses the consumer with
an alarm and sends nothing to the DLQ; a statement that always times out is dead-lettered
after N tries and the next message is applied."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest

from ektp_shared.consumer import ConsumerRunner
from ektp_shared.db import create_pool
from ektp_shared.events import EnrollmentFieldChecked
from ektp_shared.kafka import KafkaAccess, dlq_topic
from ektp_shared.testing.kafka import create_topics, publish, read_topic
from ektp_shared.testing.resources import dsn_for, migrate_as_owner, owner_dsn
from ektp_shared.testing.wait import eventually

from .helpers import field_check, sample_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

MIGRATIONS = Path(__file__).parents[1] / "sample_service" / "migrations"
FIELD_CHECKED = EnrollmentFieldChecked.ce_type()


async def record_effect(conn, event, data) -> None:
    await conn.execute("INSERT INTO effects (ce_id, nik, seq) VALUES ($1, $2, $3)",
                       event.id, data.nik, int(data.note))


async def nothing_dead_lettered(kafka: KafkaAccess, topic: str) -> bool:
    return await read_topic(kafka, dlq_topic(topic), expect=1, timeout=3) == []


async def drop_sessions(admin_dsn: str, database: str) -> None:
    """What a failover or a restart does to the service's connections."""
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = $1 AND pid <> pg_backend_pid()", database)
    finally:
        await conn.close()


async def test_a_read_only_database_pauses_the_consumer_and_readyz_says_why(
    infra, topic_prefix, create_database, jwt_keys
):
    from sample_service.service import build_app

    prefix = f"{topic_prefix}readonly."
    dsn = await create_database("readonly")
    database = dsn.rpartition("/")[2]
    settings = sample_settings(infra, dsn, prefix)
    topic = settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, dlq_topic(topic)], partitions=1)
    app = build_app(settings, workers=True)
    admin = await asyncpg.connect(infra.postgres_admin_dsn)
    try:
        async with app.router.lifespan_context(app):
            client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                       base_url="http://sample")
            runner = app.state.runtime.consumer
            runner.max_retry_delay = 1.0
            assert runner.inbox_retention_days == settings.topic_retention_days + 7
            await admin.execute(
                f'ALTER DATABASE "{database}" SET default_transaction_read_only = on')
            await drop_sessions(infra.postgres_admin_dsn, database)
            events = [field_check("7110014501900001", seq) for seq in range(3)]
            await publish(infra.kafka, topic, events)

            async def degraded() -> bool:
                body = (await client.get("/readyz")).json()
                # The relay, whose lease row is read-only too, may say so first.
                return any(r.startswith("consumer") for r in body.get("degraded") or [])

            await eventually(degraded, 60, "/readyz degraded by the read-only database")
            ready = await client.get("/readyz")
            assert ready.status_code == 200
            reason = next(r for r in ready.json()["degraded"] if r.startswith("consumer"))
            assert "paused" in reason and "read_only" in reason and "ReadOnly" in reason
            metrics = (await client.get("/metrics")).text
            assert f'ektp_consumer_paused{{group="{prefix}sample",reason="read_only"}} 1.0' \
                in metrics
            assert await nothing_dead_lettered(infra.kafka, topic)
            pool = app.state.pool
            assert await pool.fetchval("SELECT count(*) FROM effects") == 0

            # The operator fixes the database: the same messages apply, once each.
            await admin.execute(f'ALTER DATABASE "{database}" RESET default_transaction_read_only')
            await drop_sessions(infra.postgres_admin_dsn, database)

            async def applied() -> bool:
                with contextlib.suppress(Exception):
                    return await pool.fetchval("SELECT count(*) FROM effects") == 3
                return False

            await eventually(applied, 60, "the three events applied after the fix")
            assert sorted(await pool.fetchval("SELECT array_agg(ce_id) FROM effects")) == sorted(
                e.id for e in events)

            async def ready_again() -> bool:
                return (await client.get("/readyz")).json()["status"] == "ready"

            await eventually(ready_again, 30, "/readyz ready once the database is fixed")
            assert f'ektp_consumer_paused{{group="{prefix}sample",reason="read_only"}} 0.0' \
                in (await client.get("/metrics")).text
            assert await nothing_dead_lettered(infra.kafka, topic)
            await client.aclose()
    finally:
        with contextlib.suppress(Exception):
            await admin.execute(f'ALTER DATABASE "{database}" RESET default_transaction_read_only')
        await admin.close()


async def test_a_revoked_grant_sends_nothing_to_the_dlq_and_the_grant_resumes(
    infra, topic_prefix, create_database
):
    prefix = f"{topic_prefix}grant."
    dsn = owner_dsn(await create_database("grant"))
    settings = sample_settings(infra, dsn, prefix)
    topic = settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, dlq_topic(topic)], partitions=1)
    await migrate_as_owner(dsn, MIGRATIONS)
    role = f"svc_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(infra.postgres_admin_dsn)
    await admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'pw'")
    await admin.close()
    owner = await asyncpg.connect(dsn)  # the migration's role, which owns the tables
    await owner.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}")
    await owner.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}")
    await owner.execute(f"REVOKE INSERT ON effects FROM {role}")
    parts = urlsplit(dsn)
    service_dsn = urlunsplit(parts._replace(netloc=f"{role}:pw@{parts.hostname}:{parts.port}"))
    pool = await create_pool(service_dsn)
    runner = ConsumerRunner(pool, infra.kafka, group_id=f"{prefix}g", topics=[topic],
                            handlers={FIELD_CHECKED: record_effect}, max_retry_delay=1.0)
    events = [field_check("7110014501900002", seq) for seq in range(3)]
    await publish(infra.kafka, topic, events)
    task = asyncio.create_task(runner.run())
    try:
        async def paused() -> bool:
            return runner.state.paused_reason == "privilege"

        await eventually(paused, 60, "consumer paused on the revoked grant")
        assert "InsufficientPrivilegeError" in runner.stall_reasons()[0]
        await asyncio.sleep(2)  # a few retries: still nothing dead-lettered or applied
        assert await nothing_dead_lettered(infra.kafka, topic)
        assert await owner.fetchval("SELECT count(*) FROM inbox") == 0

        await owner.execute(f"GRANT INSERT ON effects TO {role}")

        async def applied() -> bool:
            return await owner.fetchval("SELECT count(*) FROM effects") == 3

        await eventually(applied, 60, "the three events applied after the grant")
        assert await owner.fetchval("SELECT count(DISTINCT ce_id) FROM effects") == 3
        assert runner.stall_reasons() == [] and runner.state.dead_lettered == 0
        assert await nothing_dead_lettered(infra.kafka, topic)
    finally:
        runner.stop()
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
        await pool.close()
        await owner.close()
        # DROP OWNED acts in the database it is run in: the test's.
        admin = await asyncpg.connect(dsn_for(infra.postgres_admin_dsn, dsn.rpartition("/")[2]))
        await admin.execute(f"DROP OWNED BY {role}")
        await admin.execute(f"DROP ROLE {role}")
        await admin.close()


async def test_a_statement_that_always_times_out_goes_to_the_dlq_after_n_tries(
    infra, topic_prefix, create_database
):
    prefix = f"{topic_prefix}timeout."
    settings = sample_settings(infra, await create_database("timeout"), prefix)
    topic = settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, dlq_topic(topic)], partitions=1)
    await migrate_as_owner(settings.database_url, MIGRATIONS)
    pool = await create_pool(settings.database_url)
    tries: list[str] = []

    async def slow_for_one(conn, event, data) -> None:
        if data.note == "slow":
            tries.append(event.id)
            await conn.execute("SELECT pg_sleep(10)")  # far past the consumer's bound
        await conn.execute("INSERT INTO effects (ce_id, nik, seq) VALUES ($1, $2, 0)",
                           event.id, data.nik)

    runner = ConsumerRunner(pool, infra.kafka, group_id=f"{prefix}g", topics=[topic],
                            handlers={FIELD_CHECKED: slow_for_one}, statement_timeout=0.3,
                            timeout_attempts=3, stall_seconds=0.1, max_retry_delay=0.5)
    slow = field_check("7110014501900003", 0, note="slow")
    nxt = field_check("7110014501900004", 1)
    await publish(infra.kafka, topic, [slow, nxt])
    task = asyncio.create_task(runner.run())
    seen_stuck = False
    try:
        async def next_applied() -> bool:
            nonlocal seen_stuck
            seen_stuck = seen_stuck or any("retried one batch" in r
                                           for r in runner.stall_reasons())
            return await pool.fetchval("SELECT count(*) FROM effects") == 1

        await eventually(next_applied, 60, "the message after the slow one applied",
                         interval=0.05)
        assert await pool.fetchval("SELECT ce_id FROM effects") == nxt.id
        assert tries == [slow.id] * 3
        assert seen_stuck, "a batch retried past stall_seconds shows in stall_reasons()"
        (dead,) = await read_topic(infra.kafka, dlq_topic(topic), expect=1)
        headers = dict(dead[2])
        assert headers["dlq_reason"] == b"timed_out" and headers["ce_id"] == slow.id.encode()
        assert b"timed out 3 times in a row: QueryCanceledError" in headers["dlq_error"]
        assert runner.stall_reasons() == []
    finally:
        runner.stop()
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
        await pool.close()


async def test_a_consumer_without_kafka_for_long_is_reported(create_database, infra):
    from ektp_shared.testing.resources import free_port

    pool = await create_pool(await create_database("nokafka"))
    runner = ConsumerRunner(pool, f"127.0.0.1:{free_port()}", group_id="nokafka", topics=["t"],
                            handlers={}, stall_seconds=1.0)
    task = asyncio.create_task(runner.run())
    try:
        assert runner.stall_reasons() == []  # not yet: a start takes a moment

        async def reported() -> bool:
            return any("no Kafka connection" in r for r in runner.stall_reasons())

        await eventually(reported, 20, "no Kafka connection reported")
    finally:
        runner.stop()
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
        await pool.close()
