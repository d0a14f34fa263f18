"""An outbox that gathers 1,000 events while Kafka is stopped publishes them all once
Kafka is back, in order per key. The first relay is killed after Kafka took its first
batch and before it marked the rows sent, so a second relay publishes that batch again:
the inbox consumer still applies each event exactly once."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from ektp_shared.consumer import ConsumerRunner
from ektp_shared.db import create_pool, migrate_service
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import EnrollmentFieldChecked
from ektp_shared.kafka import dlq_topic
from ektp_shared.outbox import OutboxRelay, add_cloudevent
from ektp_shared.testing.kafka import create_topics, read_events
from ektp_shared.testing.wait import eventually

from .helpers import field_check, sample_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

MIGRATIONS = Path(__file__).parents[1] / "sample_service" / "migrations"
KEYS = [f"71100145019000{n:02d}" for n in range(1, 51)]
BATCH = 200


class RelayKilledBeforeMarking(OutboxRelay):
    """A relay that stops dead once Kafka acknowledged a batch, before it marks the rows
    sent: what a kill -9 between the send and the mark leaves behind."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.sent_unmarked = asyncio.Event()
        self.unmarked: list[int] = []

    async def _record(self, lock_conn, published, held):  # type: ignore[no-untyped-def]
        if published:
            self.unmarked = list(published)
            self.sent_unmarked.set()
            await asyncio.Event().wait()  # never marks: the test cancels the task here
        await super()._record(lock_conn, published, held)


async def test_outbox_survives_kafka_outage(
    infra, private_kafka, topic_prefix, create_database
):
    kafka = private_kafka.kafka
    prefix = f"{topic_prefix}plumbing-outage."
    producer_side = sample_settings(infra, await create_database("outbox"), prefix)
    consumer_side = sample_settings(infra, await create_database("inbox"), prefix)
    topic = producer_side.topic("enrollment")
    await create_topics(kafka, [topic, dlq_topic(topic)])
    for s in (producer_side, consumer_side):
        await migrate_service(s, MIGRATIONS)
    out_pool = await create_pool(producer_side.database_url)
    in_pool = await create_pool(consumer_side.database_url)
    relay = RelayKilledBeforeMarking(out_pool, kafka, client_id="outage-relay",
                                     send_timeout=5, batch_size=BATCH)
    relay_after = OutboxRelay(out_pool, kafka, client_id="outage-relay-2", send_timeout=5)
    from sample_service.service import apply_field_check  # the sample service's handler

    consumer = ConsumerRunner(
        in_pool, kafka, group_id=f"{prefix}inbox", topics=[topic],
        handlers={EnrollmentFieldChecked.ce_type(): apply_field_check},
    )
    tasks: list[asyncio.Task[None]] = []
    private_kafka.stop()
    try:
        tasks.append(asyncio.create_task(relay.run()))
        sent: list[CloudEvent] = []
        for seq in range(1000):
            event = field_check(KEYS[seq % len(KEYS)], seq)
            async with out_pool.acquire() as conn, conn.transaction():
                await add_cloudevent(conn, topic, event)
            sent.append(event)
        await asyncio.sleep(3)
        assert await relay.backlog() == 1000
        assert relay.state.connected is False
    finally:
        private_kafka.start()
    try:
        await asyncio.wait_for(relay.sent_unmarked.wait(), timeout=120)
        tasks[0].cancel()  # killed: Kafka has the first batch, the outbox says unsent
        with contextlib.suppress(BaseException):
            await tasks[0]
        assert await relay.backlog() == 1000
        tasks.append(asyncio.create_task(relay_after.run()))
        tasks.append(asyncio.create_task(consumer.run()))

        async def all_applied() -> bool:
            return await in_pool.fetchval("SELECT count(*) FROM effects") >= 1000

        await eventually(all_applied, timeout=180, interval=0.5)
        await asyncio.sleep(2)  # let any duplicate deliveries arrive too
        assert await relay.backlog() == 0
        rows = await in_pool.fetch("SELECT ce_id, nik, seq FROM effects ORDER BY id")
        assert len(rows) == 1000
        assert len({r["ce_id"] for r in rows}) == 1000
        per_key: dict[str, list[int]] = defaultdict(list)
        for r in rows:
            per_key[r["nik"]].append(r["seq"])
        assert all(seqs == sorted(seqs) for seqs in per_key.values())

        # On the topic itself: the killed relay's batch twice (same ce_id), and each key's
        # first deliveries in order.
        again = len(relay.unmarked)
        assert again > 0
        on_topic = await read_events(kafka, topic, expect=1000 + again, timeout=60)
        copies = Counter(e.id for e in on_topic)
        assert sum(n - 1 for n in copies.values()) >= again  # redelivered, yet applied once
        seen: set[str] = set()
        topic_order: dict[str, list[int]] = defaultdict(list)
        for e in on_topic:
            if e.id not in seen:
                seen.add(e.id)
                topic_order[e.key].append(int(e.data["note"]))
        assert seen == {e.id for e in sent}
        assert all(seqs == sorted(seqs) for seqs in topic_order.values())
    finally:
        relay.stop()
        relay_after.stop()
        consumer.stop()
        for t in tasks:
            t.cancel()
            with contextlib.suppress(BaseException):
                await t
        await out_pool.close()
        await in_pool.close()
