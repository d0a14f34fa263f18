"""Platform floor: raw aiokafka produce-then-consume of 1 KB messages, against the
outbox -> relay -> Kafka -> consumer runner -> inbox path, in the same run.

    .venv/bin/python bench/platform_throughput.py [--messages 20000] [--events 5000]

Needs the local infrastructure (make infra-up). Creates its own topics and databases.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import time
import uuid
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from ektp_shared import devinfra
from ektp_shared.consumer import ConsumerRunner
from ektp_shared.db import create_pool, migrate
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import EnrollmentFieldChecked
from ektp_shared.kafka import KafkaAccess
from ektp_shared.outbox import OutboxRelay, add_cloudevent
from ektp_shared.testing.kafka import create_topics
from ektp_shared.testing.resources import create_scratch_database, drop_databases

MIGRATIONS = Path(__file__).parents[1] / "shared" / "tests" / "sample_service" / "migrations"
PAYLOAD = b"x" * 1024


async def raw_kafka(kafka: KafkaAccess, n: int) -> tuple[float, float]:
    topic = f"bench.raw.{uuid.uuid4().hex[:8]}"
    await create_topics(kafka, [topic])
    producer = AIOKafkaProducer(**kafka.client_options(), acks="all",
                                enable_idempotence=True, linger_ms=5)
    await producer.start()
    t0 = time.perf_counter()
    try:
        futures = [await producer.send(topic, PAYLOAD, key=str(i % 50).encode()) for i in range(n)]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    produced = time.perf_counter() - t0
    consumer = AIOKafkaConsumer(topic, **kafka.client_options(), group_id=topic,
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    t1 = time.perf_counter()
    seen = 0
    try:
        while seen < n:
            batches = await consumer.getmany(timeout_ms=1000, max_records=2000)
            seen += sum(len(v) for v in batches.values())
        await consumer.commit()
    finally:
        await consumer.stop()
    return produced, time.perf_counter() - t1


async def outbox_path(kafka: KafkaAccess, admin_dsn: str, n: int) -> tuple[float, float]:
    suffix = uuid.uuid4().hex[:8]
    dsns = [await create_scratch_database(admin_dsn, side, "bench") for side in ("outbox", "inbox")]
    for dsn in dsns:
        await migrate(dsn, MIGRATIONS)
    out_pool, in_pool = await create_pool(dsns[0]), await create_pool(dsns[1])
    topic = f"bench.outbox.{suffix}"
    await create_topics(kafka, [topic, f"{topic}.dlq"])

    async def apply(conn, event, data):  # the same work as a real handler: one insert
        await conn.execute("INSERT INTO effects (ce_id, nik, seq) VALUES ($1, $2, 0)",
                           event.id, data.nik)

    note = "n" * (1024 - 200)  # about 1 KB of JSON per event
    t0 = time.perf_counter()
    for i in range(n):
        event = CloudEvent.wrap(EnrollmentFieldChecked(
            nik=f"71100145019{i % 50:05d}", outcome="DITEMUKAN", officer="bench", note=note,
            checked_at=dt.datetime.now(dt.UTC)), "bench")
        async with out_pool.acquire() as c, c.transaction():
            await add_cloudevent(c, topic, event)
    inserted = time.perf_counter() - t0

    relay = OutboxRelay(out_pool, kafka, client_id="bench-relay")
    runner = ConsumerRunner(in_pool, kafka, group_id=f"bench-{suffix}", topics=[topic],
                            handlers={EnrollmentFieldChecked.ce_type(): apply})
    t1 = time.perf_counter()
    tasks = [asyncio.create_task(relay.run()), asyncio.create_task(runner.run())]
    while await in_pool.fetchval("SELECT count(*) FROM effects") < n:  # noqa: ASYNC110
        await asyncio.sleep(0.05)
    drained = time.perf_counter() - t1
    relay.stop()
    runner.stop()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await out_pool.close()
    await in_pool.close()
    await drop_databases(admin_dsn, dsns)
    return inserted, drained


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--events", type=int, default=5000)
    args = parser.parse_args()
    infra = devinfra.ensure_local_infra()
    produced, consumed = await raw_kafka(infra.kafka, args.messages)
    raw_rate = args.messages / (produced + consumed)
    inserted, drained = await outbox_path(infra.kafka, infra.postgres_admin_dsn,
                                          args.events)
    path_rate = args.events / drained
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores")
    print(f"raw aiokafka, {args.messages} x 1 KB: produce {args.messages / produced:,.0f} msg/s, "
          f"consume {args.messages / consumed:,.0f} msg/s, produce-then-consume "
          f"{raw_rate:,.0f} msg/s")
    print(f"outbox inserts, one transaction each: {args.events / inserted:,.0f} events/s")
    print(f"outbox -> relay -> Kafka -> consumer -> inbox, {args.events} x ~1 KB: "
          f"{path_rate:,.0f} events/s")
    print(f"ratio (outbox path / raw produce-then-consume): {path_rate / raw_rate:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
