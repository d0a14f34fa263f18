"""A consumer killed between its database commit and its offset commit applies once."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from ektp_shared.kafka import KafkaAccess, dlq_topic
from ektp_shared.testing.kafka import create_topics, publish
from ektp_shared.testing.processes import ServiceProcess
from ektp_shared.testing.wait import eventually

from .helpers import field_check, sample_env, sample_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

WORKER = Path(__file__).parents[1] / "sample_service" / "service.py"


async def committed_offset(kafka: KafkaAccess, group: str, topic: str) -> int | None:
    """The group's committed offset on the topic's only partition (None: never committed)."""
    consumer = AIOKafkaConsumer(**kafka.client_options(), group_id=group,
                                enable_auto_commit=False)
    await consumer.start()
    try:
        return await consumer.committed(TopicPartition(topic, 0))
    finally:
        await consumer.stop()


async def test_sigkill_after_db_commit_applies_exactly_once(
    infra, topic_prefix, create_database, tmp_path
):
    prefix = f"{topic_prefix}crash."
    settings = sample_settings(infra, await create_database("crash"), prefix)
    topic = settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, dlq_topic(topic)], partitions=1)
    event = field_check("7110014501900001", 1)
    await publish(infra.kafka, topic, [event])

    env = sample_env(settings)
    crashing = ServiceProcess([str(WORKER)], {**env, "SAMPLE_CRASH_AFTER_COMMIT": "1"},
                              tmp_path / "worker1.log").start()
    assert crashing.wait_exit(120) == -9, crashing.tail()

    conn = await asyncpg.connect(settings.database_url)
    try:
        assert await conn.fetchval("SELECT count(*) FROM effects") == 1
        assert await conn.fetchval("SELECT count(*) FROM inbox WHERE ce_id=$1", event.id) == 1
        # The offset was never committed: Kafka will deliver the event again.
        group = f"{prefix}sample"
        assert await committed_offset(infra.kafka, group, topic) is None

        worker = ServiceProcess([str(WORKER)], env, tmp_path / "worker2.log").start()
        try:
            async def offset_committed() -> bool:
                return await committed_offset(infra.kafka, group, topic) == 1

            await eventually(offset_committed, timeout=90, interval=1)
        finally:
            worker.terminate()
        assert await conn.fetchval("SELECT count(*) FROM effects") == 1
    finally:
        await conn.close()
