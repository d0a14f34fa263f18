"""`ektp dlq replay` brings a dead-lettered message back: applied once, however often it is
replayed, and audited; the DLQ copy and `ektp dlq show` never show a whole NIK."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ektp_shared.cli import app
from ektp_shared.consumer import ConsumerRunner
from ektp_shared.db import create_pool
from ektp_shared.events import EnrollmentFieldChecked
from ektp_shared.kafka import dlq_topic
from ektp_shared.testing.kafka import create_topics, publish, read_topic
from ektp_shared.testing.resources import migrate_as_owner
from ektp_shared.testing.wait import eventually

from .helpers import field_check, sample_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

MIGRATIONS = Path(__file__).parents[1] / "sample_service" / "migrations"
NIK = "7110014501900005"
MASKED = "711001******0005"


async def test_a_dead_lettered_message_replayed_is_applied_once(
    infra, topic_prefix, create_database
):
    prefix = f"{topic_prefix}replay."
    dsn = await create_database("replay")
    settings = sample_settings(infra, dsn, prefix)
    topic = settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, dlq_topic(topic)], partitions=1)
    await migrate_as_owner(dsn, MIGRATIONS)
    pool = await create_pool(dsn)
    register_ready = False

    async def apply(conn, event, data) -> None:
        if not register_ready:  # a bug, fixed later: the event itself is fine
            raise ValueError(f"resident {data.nik} is not in the register yet")
        await conn.execute("INSERT INTO effects (ce_id, nik, seq) VALUES ($1, $2, 0)",
                           event.id, data.nik)

    runner = ConsumerRunner(pool, infra.kafka, group_id=f"{prefix}g", topics=[topic],
                            handlers={EnrollmentFieldChecked.ce_type(): apply})
    event = field_check(NIK, 0)
    await publish(infra.kafka, topic, [event])
    task = asyncio.create_task(runner.run())
    env = {"EKTP_KAFKA_BOOTSTRAP": infra.kafka_bootstrap, "EKTP_TOPIC_PREFIX": prefix}
    cli = CliRunner()

    async def ektp(*args: str) -> str:
        result = await asyncio.to_thread(cli.invoke, app, list(args), env=env)
        assert result.exit_code == 0, result.output
        return result.output

    try:
        (dead,) = await read_topic(infra.kafka, dlq_topic(topic), expect=1)
        headers = dict(dead[2])
        for name in ("dlq_error", "dlq_trace"):
            assert MASKED.encode() in headers[name] and NIK.encode() not in headers[name]

        listed = await ektp("dlq", "list", "enrollment")
        assert event.id in listed and "handler_failed" in listed and f"{topic}[0]@0" in listed
        assert f"{dlq_topic(topic)}  0:0" in listed and NIK not in listed
        shown = await ektp("dlq", "show", "enrollment", "0:0")
        assert "dlq_reason: handler_failed" in shown and MASKED in shown and NIK not in shown
        assert "ValueError" in shown

        register_ready = True
        replayed = await ektp("dlq", "replay", "enrollment", "0:0", "--by", "siti",
                              "--database-url", dsn)
        assert f"replayed {dlq_topic(topic)} 0:0 ({event.id})" in replayed

        async def applied() -> bool:
            return await pool.fetchval("SELECT count(*) FROM effects") == 1

        await eventually(applied, 60, "the replayed event applied")
        assert await pool.fetchval("SELECT ce_id FROM effects") == event.id

        again = await ektp("dlq", "replay", enrollment_dlq := dlq_topic(topic), "--all",
                           "--by", "siti", "--database-url", dsn)
        assert "already applied here" in again and enrollment_dlq in again

        async def skipped() -> bool:
            return runner.state.duplicates == 1

        await eventually(skipped, 60, "the second replay arrived and was skipped")
        assert await pool.fetchval("SELECT count(*) FROM effects") == 1
        assert runner.state.dead_lettered == 1
        audit = await pool.fetch("SELECT actor, role, action, target, detail FROM audit_log "
                                 "ORDER BY id")
        assert [(a["actor"], a["role"], a["action"], a["target"]) for a in audit] == [
            ("siti", "admin", "dlq.replay", NIK)] * 2
        assert audit[0]["detail"]["ce_id"] == event.id
        assert audit[0]["detail"]["original"] == f"{topic}[0]@0"
    finally:
        runner.stop()
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
        await pool.close()

