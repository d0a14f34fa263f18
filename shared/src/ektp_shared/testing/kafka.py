"""Reading and writing topics directly, for assertions in tests and benchmarks."""

from __future__ import annotations

import asyncio
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from ..envelope import CloudEvent


async def read_topic(
    bootstrap: str,
    topic: str,
    *,
    expect: int,
    timeout: float = 30.0,
) -> list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]]:
    """Read a topic from the beginning until ``expect`` messages arrived or time ran out."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
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


async def read_events(bootstrap: str, topic: str, *, expect: int, timeout: float = 30.0) -> list[
    CloudEvent
]:
    raw = await read_topic(bootstrap, topic, expect=expect, timeout=timeout)
    return [CloudEvent.from_kafka(k, v, h) for k, v, h in raw]


async def publish(bootstrap: str, topic: str, events: list[CloudEvent]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        for e in events:
            await producer.send(topic, value=e.value(), key=e.key.encode(), headers=e.headers())
        await producer.flush()
    finally:
        await producer.stop()


async def publish_raw(
    bootstrap: str, topic: str, key: bytes | None, value: bytes | None,
    headers: list[tuple[str, bytes]],
) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, value=value, key=key, headers=headers)
    finally:
        await producer.stop()
