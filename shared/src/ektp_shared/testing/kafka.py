"""Reading, writing and creating topics directly, for assertions in tests and benchmarks
(as the admin, or as a service's principal to check what it may do)."""

from __future__ import annotations

import asyncio
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from ..envelope import CloudEvent
from ..kafka import KafkaAccess
from ..kafka_provision import DEFAULT_PARTITIONS, TopicSettings, ensure_topics


async def create_topics(kafka: KafkaAccess, topics: list[str],
                        partitions: int = DEFAULT_PARTITIONS) -> None:
    """Create topics as the provisioning step does (the broker creates none by use)."""
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(**kafka.client_options(), request_timeout_ms=15000)
    await admin.start()
    try:
        await ensure_topics(admin, topics, TopicSettings(partitions=partitions))
    finally:
        await admin.close()


async def read_topic(
    kafka: KafkaAccess,
    topic: str,
    *,
    expect: int,
    timeout: float = 30.0,
) -> list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]]:
    """Read a topic from the beginning until ``expect`` messages arrived or time ran out."""
    consumer = AIOKafkaConsumer(**kafka.client_options(), enable_auto_commit=False)
    await consumer.start()
    try:
        deadline = time.monotonic() + timeout
        partitions = None
        while partitions is None and time.monotonic() < deadline:
            partitions = consumer.partitions_for_topic(topic)
            if partitions is None:
                await consumer._client.force_metadata_update()
                partitions = consumer.partitions_for_topic(topic)
                if partitions is None:
                    await asyncio.sleep(0.2)
        if not partitions:
            return []
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        out: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]] = []
        while len(out) < expect and time.monotonic() < deadline:
            batches = await consumer.getmany(timeout_ms=300)
            for records in batches.values():
                out.extend((r.key, r.value, list(r.headers)) for r in records)
        return out
    finally:
        await consumer.stop()


async def read_events(
    kafka: KafkaAccess, topic: str, *, expect: int, timeout: float = 30.0
) -> list[CloudEvent]:
    raw = await read_topic(kafka, topic, expect=expect, timeout=timeout)
    return [CloudEvent.from_kafka(k, v, h) for k, v, h in raw]


async def publish(kafka: KafkaAccess, topic: str, events: list[CloudEvent]) -> None:
    producer = AIOKafkaProducer(**kafka.client_options(), acks="all", enable_idempotence=True)
    await producer.start()
    try:
        for e in events:
            await producer.send(topic, value=e.value(), key=e.key.encode(), headers=e.headers())
        await producer.flush()
    finally:
        await producer.stop()


async def publish_raw(
    kafka: KafkaAccess, topic: str, key: bytes | None, value: bytes | None,
    headers: list[tuple[str, bytes]],
) -> None:
    producer = AIOKafkaProducer(**kafka.client_options(), acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, value=value, key=key, headers=headers)
    finally:
        await producer.stop()


async def provisioned_env(kafka: KafkaAccess, prefix: str) -> dict[str, str]:
    """The office's topics under ``prefix`` provisioned, and the EKTP_* variables of a
    process (or settings object) that uses them as ``kafka``'s principal (benchmarks)."""
    from ..kafka_provision import provision

    await provision(kafka, prefix=prefix, services=())
    env = {"EKTP_KAFKA_BOOTSTRAP": kafka.bootstrap, "EKTP_TOPIC_PREFIX": prefix}
    if kafka.username is not None:
        env |= {"EKTP_KAFKA_USERNAME": kafka.username, "EKTP_KAFKA_PASSWORD": kafka.password or ""}
    return env
