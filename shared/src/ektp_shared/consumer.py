"""The consumer runner: inbox dedupe, commit after the database, DLQ for poison messages.

For each message: parse the CloudEvent; open a transaction; record its ``ce_id`` in the
inbox (a second delivery stops here); apply the handler; commit. Only after the database
commit is the Kafka offset committed, so a crash in between means a redelivery that the
inbox turns into a no-op. A message that cannot be parsed or applied is copied to
``<topic>.dlq`` with the error in its headers, and the runner goes on with the next one.
A database outage is not the message's fault: the runner waits and tries again instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import traceback
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

import asyncpg
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.abc import ConsumerRebalanceListener
from aiokafka.errors import CommitFailedError, KafkaError
from prometheus_client import Counter, Gauge

from .db import TRANSIENT_DB_ERRORS, Connection
from .envelope import CloudEvent, EnvelopeError
from .events import EventData, UnknownEventType
from .kafka import dlq_topic, ensure_topics, make_producer
from .limits import CONSUMER_FETCH_MAX_BYTES, CONSUMER_MAX_PARTITION_FETCH_BYTES

log = logging.getLogger(__name__)

Handler = Callable[[Connection, CloudEvent, EventData], Awaitable[None]]

APPLIED = Counter("ektp_consumer_applied_total", "Events applied", ["group", "ce_type"])
DUPLICATES = Counter("ektp_consumer_duplicates_total", "Redelivered events skipped", ["group"])
DEAD_LETTERED = Counter("ektp_consumer_dlq_total", "Messages sent to a DLQ", ["group"])
CONNECTED = Gauge("ektp_consumer_kafka_connected", "1 while the consumer is connected", ["group"])


class PermanentHandlerError(Exception):
    """Raised by a handler for an event that can never be applied: it goes to the DLQ."""


@dataclass
class ConsumerState:
    connected: bool = False
    applied: int = 0
    duplicates: int = 0
    dead_lettered: int = 0
    last_error: str | None = None
    last_applied_at: float | None = None


class _WaitForBatch(ConsumerRebalanceListener):
    """Hold a rebalance until the batch in hand is applied and its offsets committed."""

    def __init__(self, lock: asyncio.Lock) -> None:
        self.lock = lock

    async def on_partitions_revoked(self, revoked: object) -> None:
        async with self.lock:
            pass

    async def on_partitions_assigned(self, assigned: object) -> None:
        return None


class ConsumerRunner:
    def __init__(
        self,
        pool: asyncpg.Pool,
        bootstrap: str,
        *,
        group_id: str,
        topics: list[str],
        handlers: Mapping[str, Handler],
        client_id: str | None = None,
        after_db_commit: Callable[[CloudEvent], None] | None = None,
        max_records: int = 200,
    ) -> None:
        self.pool = pool
        self.bootstrap = bootstrap
        self.group_id = group_id
        self.topics = topics
        self.handlers = dict(handlers)
        self.client_id = client_id or group_id
        # Test seam and metrics hook: runs after the database commit, before the offset commit.
        self.after_db_commit = after_db_commit
        self.max_records = max_records
        self.state = ConsumerState()
        self._stop = asyncio.Event()
        self._batch_lock = asyncio.Lock()

    def stop(self) -> None:
        self._stop.set()

    def stall_reasons(self) -> list[str]:
        """Why the consumer cannot make progress now (empty when it can): /readyz "degraded"."""
        return []

    async def run(self) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            consumer = AIOKafkaConsumer(
                bootstrap_servers=self.bootstrap,
                group_id=self.group_id,
                client_id=self.client_id,
                enable_auto_commit=False,
                auto_offset_reset="earliest",
                isolation_level="read_committed",
                max_poll_records=self.max_records,
                # New topics (first start, a new prefix) are seen within seconds.
                metadata_max_age_ms=10000,
                # A member killed by a power cut is replaced within 10 s, not 30.
                session_timeout_ms=10000,
                heartbeat_interval_ms=2000,
                # Always able to fetch the largest message a topic takes (ektp_shared.limits).
                max_partition_fetch_bytes=CONSUMER_MAX_PARTITION_FETCH_BYTES,
                fetch_max_bytes=CONSUMER_FETCH_MAX_BYTES,
            )
            dlq = make_producer(self.bootstrap, f"{self.client_id}-dlq")
            try:
                # Subscribing to a topic that does not exist yet would leave the consumer
                # idle until its next metadata refresh: create them first.
                await ensure_topics(self.bootstrap, [*self.topics, *map(dlq_topic, self.topics)])
                await consumer.start()
                await dlq.start()
                consumer.subscribe(self.topics, listener=_WaitForBatch(self._batch_lock))
                self._set_connected(True)
                backoff = 1.0
                await self._consume(consumer, dlq)
            except asyncio.CancelledError:
                raise
            except (TimeoutError, KafkaError, OSError) as exc:
                self.state.last_error = f"{type(exc).__name__}: {exc}"
                log.warning("consumer %s lost Kafka: %s", self.group_id, self.state.last_error)
            finally:
                self._set_connected(False)
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(consumer.stop(), timeout=10)
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(dlq.stop(), timeout=10)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._stop.wait(), timeout=backoff)
            backoff = min(backoff * 2, 30.0)

    def _set_connected(self, up: bool) -> None:
        self.state.connected = up
        CONNECTED.labels(self.group_id).set(1 if up else 0)

    async def _consume(self, consumer: AIOKafkaConsumer, dlq: object) -> None:
        while not self._stop.is_set():
            batches = await consumer.getmany(timeout_ms=500, max_records=self.max_records)
            if not batches:
                continue
            async with self._batch_lock:
                offsets: dict[TopicPartition, int] = {}
                records: list[ConsumerRecord] = []
                for tp, part in batches.items():
                    records.extend(part)
                    offsets[tp] = part[-1].offset + 1
                await self._process_batch(records, dlq)
                try:
                    await consumer.commit(offsets)
                except CommitFailedError as exc:
                    # Partitions moved to another member: it will redeliver, the inbox dedupes.
                    log.warning("offset commit refused after rebalance: %s", exc)

    async def _process_batch(self, records: list[ConsumerRecord], dlq: object) -> None:
        """Apply a fetched batch in one database transaction, one savepoint per event.

        One commit per batch instead of per event (the fsync is the cost); a handler that
        fails rolls back only its own savepoint and its event goes to the DLQ.
        """
        work: list[tuple[ConsumerRecord, CloudEvent, EventData, Handler]] = []
        for record in records:
            try:
                event = CloudEvent.from_kafka(record.key, record.value, record.headers)
                handler = self.handlers.get(event.type)
                payload = event.payload()  # unknown types are poison; known, unhandled: skip
            except (EnvelopeError, UnknownEventType) as exc:
                await self._dead_letter(dlq, record, "unparseable", str(exc))
                continue
            if handler is not None:
                work.append((record, event, payload, handler))
        if not work:
            return
        delay = 0.5
        while True:
            try:
                outcomes = await self._apply(work)
                break
            except TRANSIENT_DB_ERRORS as exc:
                # The database is down: the messages are fine, wait for the database.
                self.state.last_error = f"{type(exc).__name__}: {exc}"
                log.warning("database unavailable while applying a batch; retrying")
                if self._stop.is_set():
                    raise
                await asyncio.sleep(delay)
                delay = min(delay * 2, 15.0)
        for (record, event, _, _), outcome in zip(work, outcomes, strict=True):
            if outcome is True:
                self.state.applied += 1
                self.state.last_applied_at = time.time()
                APPLIED.labels(self.group_id, event.type).inc()
                if self.after_db_commit is not None:
                    self.after_db_commit(event)
            elif outcome is False:
                self.state.duplicates += 1
                DUPLICATES.labels(self.group_id).inc()
            else:
                error, trace = outcome
                log.error("cannot apply %s %s: %s", event.type, event.id, error)
                await self._dead_letter(dlq, record, "handler_failed", error, trace)

    async def _apply(
        self, work: list[tuple[ConsumerRecord, CloudEvent, EventData, Handler]]
    ) -> list[bool | tuple[str, str]]:
        """True: applied; False: already applied (redelivery); (error, trace): failed."""
        outcomes: list[bool | tuple[str, str]] = []
        async with self.pool.acquire() as conn, conn.transaction():
            for record, event, payload, handler in work:
                try:
                    async with conn.transaction():  # a savepoint
                        fresh = await conn.fetchval(
                            """INSERT INTO inbox
                                   (ce_id, ce_type, topic, kafka_partition, kafka_offset)
                               VALUES ($1, $2, $3, $4, $5)
                               ON CONFLICT (ce_id) DO NOTHING RETURNING true""",
                            event.id, event.type, record.topic, record.partition,
                            record.offset,
                        )
                        if fresh:
                            await handler(conn, event, payload)
                        outcomes.append(bool(fresh))
                except TRANSIENT_DB_ERRORS:
                    raise
                except Exception as exc:
                    outcomes.append(
                        (f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=5))
                    )
        return outcomes

    async def _dead_letter(
        self, dlq: object, record: ConsumerRecord, reason: str, error: str, trace: str = ""
    ) -> None:
        headers = [
            *(record.headers or ()),
            ("dlq_reason", reason.encode()),
            ("dlq_error", error[:2000].encode()),
            ("dlq_original_topic", record.topic.encode()),
            ("dlq_original_partition", str(record.partition).encode()),
            ("dlq_original_offset", str(record.offset).encode()),
            ("dlq_consumer_group", self.group_id.encode()),
        ]
        if trace:
            headers.append(("dlq_trace", trace[-4000:].encode()))
        # Awaited: the offset is committed only once the DLQ copy is safe.
        await dlq.send_and_wait(  # type: ignore[attr-defined]
            dlq_topic(record.topic), value=record.value, key=record.key, headers=headers
        )
        self.state.dead_lettered += 1
        DEAD_LETTERED.labels(self.group_id).inc()
        log.warning("message %s[%d]@%d sent to DLQ: %s", record.topic, record.partition,
                    record.offset, error[:300])
