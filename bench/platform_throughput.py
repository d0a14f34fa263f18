"""Platform floor: raw aiokafka produce and consume of 1 KB messages running at the same
time, against the outbox -> relay -> Kafka -> consumer runner -> inbox path, in paired runs.

    .venv/bin/python bench/platform_throughput.py [--runs 5] [--messages 10000] [--events 10000]

Needs the local infrastructure (make infra-up). Creates its own topics and databases.

Each run measures the raw floor and the path back to back (a pair; the order alternates so
drift in the machine's load falls on both alike) and reports the median, min and max of
each and of the ratio per pair. Like with like: the raw producer is the relay's own
(:func:`ektp_shared.kafka.make_producer`: idempotent, acks=all, linger 5 ms), the same
topic layout (3 partitions, 50 keys), a consumer that commits its offsets after each
fetch, and produce and consume overlap in both. Neither timing includes starting clients
or joining a consumer group: both are warmed up with one message first, as in a running
office; PostgreSQL runs with fsync and synchronous_commit on (printed at the start).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import statistics
import time
import uuid
from pathlib import Path

import asyncpg
import psutil
from aiokafka import AIOKafkaConsumer

from ektp_shared import devinfra
from ektp_shared.consumer import ConsumerRunner
from ektp_shared.db import create_pool, migrate
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import EnrollmentFieldChecked
from ektp_shared.kafka import KafkaAccess, make_producer
from ektp_shared.outbox import OutboxRelay
from ektp_shared.outbox_held import NOTIFY_CHANNEL
from ektp_shared.testing.kafka import create_topics
from ektp_shared.testing.resources import create_scratch_database, drop_databases

MIGRATIONS = Path(__file__).parents[1] / "shared" / "tests" / "sample_service" / "migrations"
PAYLOAD = b"x" * 1024
KEYS = 50
NOTE = "n" * (1024 - 200)  # about 1 KB of JSON per event


async def raw_kafka(kafka: KafkaAccess, n: int) -> float:
    """Seconds from the first send until a warmed-up consumer has read all ``n``."""
    topic = f"bench.raw.{uuid.uuid4().hex[:8]}"
    await create_topics(kafka, [topic])
    producer = make_producer(kafka, "bench-raw")
    consumer = AIOKafkaConsumer(topic, **kafka.client_options(), group_id=topic,
                                auto_offset_reset="earliest", enable_auto_commit=False,
                                isolation_level="read_committed", max_poll_records=200)
    await producer.start()
    await consumer.start()
    try:
        await producer.send_and_wait(topic, b"warm-up", key=b"0")
        seen = 0
        while seen < 1:
            seen += sum(len(v) for v in (await consumer.getmany(timeout_ms=500)).values())
        await consumer.commit()

        async def consume() -> None:
            got = 0
            while got < n:
                batches = await consumer.getmany(timeout_ms=500, max_records=200)
                if batches:
                    got += sum(len(v) for v in batches.values())
                    await consumer.commit()

        c0 = METER.sample() if METER else None
        t0 = time.perf_counter()
        reader = asyncio.create_task(consume())
        futures = [await producer.send(topic, PAYLOAD, key=str(i % KEYS).encode())
                   for i in range(n)]
        await asyncio.gather(*futures)
        await reader
        took = time.perf_counter() - t0
        if METER and c0:
            CPU["raw"].append(METER.spent(c0, METER.sample()))
        return took
    finally:
        await consumer.stop()
        await producer.stop()


class CpuMeter:
    """CPU seconds used by this process, the broker JVM and PostgreSQL (the postmaster and
    its backends): the cost of a run, which unlike its wall time does not depend on how
    much of the two cores other programs leave to it."""

    def __init__(self) -> None:
        state = devinfra.state_dir()
        kafka_pid = int((state / "kafka.pid").read_text().split()[0])
        pg_pid = int((state / "pgdata" / "postmaster.pid").read_text().split()[0])
        self.parts = {"python": psutil.Process(), "kafka": psutil.Process(kafka_pid),
                      "postgres": psutil.Process(pg_pid)}

    def sample(self) -> dict[str, float]:
        out = {}
        for name, proc in self.parts.items():
            procs = [proc, *proc.children()] if name == "postgres" else [proc]
            total = 0.0
            for p in procs:
                try:
                    t = p.cpu_times()
                except psutil.NoSuchProcess:
                    continue
                total += t.user + t.system
            out[name] = total
        return out

    @staticmethod
    def spent(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
        return {k: after[k] - before[k] for k in before}


METER: CpuMeter | None = None
CPU: dict[str, list[dict[str, float]]] = {"raw": [], "path": []}
# Seconds from starting the relay and the runner to the first event applied: what the
# earlier version of this benchmark timed with the drain.
WARM_UP: list[float] = []


def _event(i: int) -> CloudEvent:
    return CloudEvent.wrap(EnrollmentFieldChecked(
        nik=f"71100145019{i % KEYS:05d}", outcome="DITEMUKAN", officer="bench", note=NOTE,
        checked_at=dt.datetime.now(dt.UTC)), "bench")


async def _fill_outbox(pool: asyncpg.Pool, topic: str, events: list[CloudEvent]) -> None:
    """Rows as add_cloudevent writes them, in one transaction: a full outbox at once."""
    async with pool.acquire() as c, c.transaction():
        await c.executemany(
            """INSERT INTO outbox (topic, key, ce_id, ce_type, headers, payload)
               VALUES ($1, $2, $3, $4, $5, $6)""",
            [(topic, e.key, e.id, e.type, [[k, v.decode()] for k, v in e.headers()], e.value())
             for e in events],
        )
        await c.execute("SELECT pg_notify($1, '')", NOTIFY_CHANNEL)


async def outbox_path(kafka: KafkaAccess, dsns: list[str], n: int) -> float:
    """Seconds from a full outbox of ``n`` events until the warmed-up consumer runner has
    committed all ``n`` inbox rows and effects."""
    suffix = uuid.uuid4().hex[:8]
    out_pool, in_pool = await create_pool(dsns[0]), await create_pool(dsns[1])
    for pool, tables in ((out_pool, "outbox"), (in_pool, "inbox, effects")):
        await pool.execute(f"TRUNCATE {tables}")
    topic = f"bench.outbox.{suffix}"
    await create_topics(kafka, [topic, f"{topic}.dlq"])

    async def apply(conn, event, data):  # the benchmark's handler: one insert
        await conn.execute("INSERT INTO effects (ce_id, nik, seq) VALUES ($1, $2, 0)",
                           event.id, data.nik)

    relay = OutboxRelay(out_pool, kafka, client_id="bench-relay")
    runner = ConsumerRunner(in_pool, kafka, group_id=f"bench-{suffix}", topics=[topic],
                            handlers={EnrollmentFieldChecked.ce_type(): apply})
    events = [_event(i) for i in range(n + 1)]
    started = time.perf_counter()
    tasks = [asyncio.create_task(relay.run()), asyncio.create_task(runner.run())]
    try:
        await _fill_outbox(out_pool, topic, events[:1])  # warm-up: leader, producer, group
        while runner.state.applied < 1:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        WARM_UP.append(time.perf_counter() - started)
        await _fill_outbox(out_pool, topic, events[1:])
        c1 = METER.sample() if METER else None
        t1 = time.perf_counter()
        while runner.state.applied < n + 1:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        drained = time.perf_counter() - t1
        if METER and c1:
            CPU["path"].append(METER.spent(c1, METER.sample()))
        assert await in_pool.fetchval("SELECT count(*) FROM effects") == n + 1
        return drained
    finally:
        relay.stop()
        runner.stop()
        await asyncio.gather(*tasks, return_exceptions=True)
        await out_pool.close()
        await in_pool.close()


def _spread(values: list[float], fmt: str = ",.0f") -> str:
    return (f"median {statistics.median(values):{fmt}} "
            f"(min {min(values):{fmt}}, max {max(values):{fmt}})")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--messages", type=int, default=10000)
    parser.add_argument("--events", type=int, default=10000)
    args = parser.parse_args()
    global METER
    infra = devinfra.ensure_local_infra()
    METER = CpuMeter()
    admin = infra.postgres_admin_dsn
    conn = await asyncpg.connect(admin)
    settings = {s: await conn.fetchval(f"SHOW {s}")
                for s in ("fsync", "synchronous_commit", "commit_delay", "wal_sync_method")}
    await conn.close()
    dsns = [await create_scratch_database(admin, side, "bench") for side in ("outbox", "inbox")]
    for dsn in dsns:
        await migrate(dsn, MIGRATIONS)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()}")
    print(f"postgres: {settings}; kafka producer: acks=all, idempotent, linger 5 ms")
    raw, path, ratio = [], [], []
    try:
        for run in range(args.runs):
            if run % 2 == 0:
                r = args.messages / await raw_kafka(infra.kafka, args.messages)
                p = args.events / await outbox_path(infra.kafka, dsns, args.events)
            else:
                p = args.events / await outbox_path(infra.kafka, dsns, args.events)
                r = args.messages / await raw_kafka(infra.kafka, args.messages)
            raw.append(r)
            path.append(p)
            ratio.append(p / r)
            print(f"run {run + 1}: raw {r:,.0f} msg/s, path {p:,.0f} events/s, "
                  f"ratio {p / r:.2f}, load {os.getloadavg()[0]:.2f}", flush=True)
    finally:
        await drop_databases(admin, dsns)
    print(f"raw aiokafka produce + consume at once, {args.messages} x 1 KB: {_spread(raw)} msg/s")
    print(f"outbox -> relay -> Kafka -> consumer -> inbox, {args.events} x ~1 KB: "
          f"{_spread(path)} events/s")
    print(f"ratio per pair (path / raw): {_spread(ratio, '.2f')}")
    for what, n in (("raw", args.messages), ("path", args.events)):
        per = {k: [1e6 * c[k] / n for c in CPU[what]] for k in ("python", "kafka", "postgres")}
        total = [sum(v) for v in zip(*per.values(), strict=True)]
        print(f"CPU per message, {what}: total {_spread(total)} us; "
              + "; ".join(f"{k} {statistics.median(v):,.0f}" for k, v in per.items()))
    print(f"warm-up of the path (relay leader and producer, consumer group join, first "
          f"event), not timed: {_spread(WARM_UP, '.2f')} s")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    asyncio.run(main())
