"""Transactional outbox and its relay (DESIGN.md section 4).

``add_event`` writes an event in the caller's transaction, beside the state change it
reports. One relay per database (a PostgreSQL advisory lock elects it) publishes the rows
in id order with an idempotent producer and marks them sent only after Kafka acknowledged
them. A crash between the two publishes a row again with the same ``ce_id``; consumers'
inboxes make that harmless. While Kafka is down, rows simply wait.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field

import asyncpg
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError
from prometheus_client import Counter, Gauge

from .db import Connection
from .envelope import CloudEvent
from .events import EventData
from .kafka import make_producer

log = logging.getLogger(__name__)

NOTIFY_CHANNEL = "ektp_outbox"
RELAY_LOCK_ID = 7110_0001

PUBLISHED = Counter("ektp_outbox_published_total", "Outbox events published to Kafka")
BACKLOG = Gauge("ektp_outbox_backlog", "Outbox events waiting to be published")
KAFKA_UP = Gauge("ektp_outbox_kafka_connected", "1 while the relay's producer is connected")


async def add_event(
    conn: Connection,
    topic: str,
    data: EventData,
    source: str,
    *,
    event_id: str | None = None,
) -> CloudEvent:
    """Record ``data`` for publication, in the caller's transaction."""
    event = CloudEvent.wrap(data, source, event_id=event_id)
    await add_cloudevent(conn, topic, event)
    return event


async def add_cloudevent(conn: Connection, topic: str, event: CloudEvent) -> None:
    await conn.execute(
        """INSERT INTO outbox (topic, key, ce_id, ce_type, headers, payload)
           VALUES ($1, $2, $3, $4, $5, $6)""",
        topic,
        event.key,
        event.id,
        event.type,
        [[name, value.decode()] for name, value in event.headers()],
        event.value(),
    )
    await conn.execute("SELECT pg_notify($1, '')", NOTIFY_CHANNEL)


@dataclass
class RelayState:
    connected: bool = False
    last_published_at: float | None = None
    last_error: str | None = None
    published: int = 0
    is_leader: bool = False
    errors: list[str] = field(default_factory=list)


class OutboxRelay:
    def __init__(
        self,
        pool: asyncpg.Pool,
        bootstrap: str,
        *,
        client_id: str,
        batch_size: int = 500,
        idle_seconds: float = 0.2,
        send_timeout: float = 20.0,
        retention_days: int = 30,
        purge_every_seconds: float = 3600.0,
    ) -> None:
        self.pool = pool
        self.bootstrap = bootstrap
        self.client_id = client_id
        self.batch_size = batch_size
        self.idle_seconds = idle_seconds
        self.send_timeout = send_timeout
        self.retention_days = retention_days
        self.purge_every_seconds = purge_every_seconds
        self._last_purge = float("-inf")
        self.state = RelayState()
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._producer: AIOKafkaProducer | None = None

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def stall_reasons(self) -> list[str]:
        """Why the relay cannot make progress now (empty when it can): /readyz "degraded"."""
        return []

    async def run(self) -> None:
        """Run until :meth:`stop`; survives Kafka and database outages."""
        while not self._stop.is_set():
            try:
                async with self.pool.acquire() as lock_conn:
                    if not await lock_conn.fetchval(
                        "SELECT pg_try_advisory_lock($1)", RELAY_LOCK_ID
                    ):
                        # Another relay of this service publishes; stand by.
                        await self._sleep(2.0)
                        continue
                    self.state.is_leader = True
                    await lock_conn.add_listener(NOTIFY_CHANNEL, self._on_notify)
                    try:
                        await self._publish_loop()
                    finally:
                        self.state.is_leader = False
                        with contextlib.suppress(Exception):
                            await lock_conn.remove_listener(NOTIFY_CHANNEL, self._on_notify)
                            await lock_conn.execute("SELECT pg_advisory_unlock($1)", RELAY_LOCK_ID)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # database down: wait and retry
                self.state.last_error = f"{type(exc).__name__}: {exc}"
                log.warning("outbox relay paused: %s", self.state.last_error)
                await self._sleep(1.0)
        await self._close_producer()

    def _on_notify(self, *_: object) -> None:
        self._wake.set()

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._stop.wait(), timeout=seconds)

    async def _publish_loop(self) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            rows = await self.pool.fetch(
                """SELECT id, topic, key, headers, payload FROM outbox
                   WHERE published_at IS NULL ORDER BY id LIMIT $1""",
                self.batch_size,
            )
            if not rows:
                BACKLOG.set(0)
                await self._purge_when_due()
                self._wake.clear()
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self.idle_seconds)
                continue
            try:
                await self._send(rows)
            except (TimeoutError, KafkaError, OSError) as exc:
                self.state.connected = False
                KAFKA_UP.set(0)
                self.state.last_error = f"{type(exc).__name__}: {exc}"
                log.warning("Kafka unavailable, %d events held in the outbox", len(rows))
                await self._close_producer()
                await self._sleep(backoff)
                backoff = min(backoff * 2, 15.0)
                continue
            backoff = 0.5
            ids = [r["id"] for r in rows]
            await self.pool.execute(
                "UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])", ids
            )
            PUBLISHED.inc(len(ids))
            self.state.published += len(ids)
            self.state.last_published_at = time.time()

    async def _purge_when_due(self) -> None:
        """Published rows are kept a while for audits, then deleted (when the relay is idle)."""
        if time.monotonic() - self._last_purge < self.purge_every_seconds:
            return
        self._last_purge = time.monotonic()
        purged = await purge_published(self.pool, self.retention_days)
        if purged:
            log.info("purged %d published outbox rows older than %d days", purged,
                     self.retention_days)

    async def _producer_started(self) -> AIOKafkaProducer:
        if self._producer is None:
            producer = make_producer(self.bootstrap, self.client_id)
            try:
                await asyncio.wait_for(producer.start(), timeout=self.send_timeout)
            except BaseException:
                with contextlib.suppress(Exception):
                    await producer.stop()
                raise
            self._producer = producer
            self.state.connected = True
            KAFKA_UP.set(1)
        return self._producer

    async def _send(self, rows: list[asyncpg.Record]) -> None:
        producer = await self._producer_started()
        futures = []
        for row in rows:
            headers = [(name, value.encode()) for name, value in row["headers"]]
            futures.append(
                await producer.send(
                    row["topic"], value=bytes(row["payload"]), key=row["key"].encode(),
                    headers=headers,
                )
            )
        # A failed batch is sent again whole, from its first row: order per key holds, and
        # the repeats carry the same ce_id.
        await asyncio.wait_for(asyncio.gather(*futures), timeout=self.send_timeout)

    async def _close_producer(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(producer.stop(), timeout=5)

    async def backlog(self) -> int:
        count = await self.pool.fetchval("SELECT count(*) FROM outbox WHERE published_at IS NULL")
        BACKLOG.set(count)
        return int(count)


async def purge_published(pool: asyncpg.Pool, older_than_days: int = 30) -> int:
    """Delete published rows past the retention period (kept meanwhile for audits)."""
    result = await pool.execute(
        "DELETE FROM outbox WHERE published_at < now() - make_interval(days => $1)",
        older_than_days,
    )
    return int(result.split()[-1])
