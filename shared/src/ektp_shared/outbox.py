"""Transactional outbox and its relay (DESIGN.md section 4).

``add_event`` writes an event in the caller's transaction, beside the state change it
reports. One relay per database (a PostgreSQL advisory lock elects it) publishes the rows
in id order with an idempotent producer and marks them sent only after Kafka acknowledged
them. A crash between the two publishes a row again with the same ``ce_id``; consumers'
inboxes make that harmless. While Kafka is down, rows simply wait.

A row Kafka refuses for good (too large, invalid) is held with its reason
(:mod:`.outbox_held`); rows of other keys go on, later rows of its key wait behind it.

Fencing: every statement of the leader runs on the connection that holds the lock, so a
relay whose lock connection died cannot mark anything; and before each send it writes in
the lease row until when its sends may still land (``busy_until``). A new leader waits
that out before it sends, and a leader that cannot finish in time aborts its producer, so
two relays never publish at the same time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError
from prometheus_client import Counter, Gauge

from .db import Connection
from .envelope import CloudEvent
from .events import EventData
from .kafka import KafkaAccess, make_producer
from .outbox_held import (
    ELIGIBLE_ROWS,
    NOTIFY_CHANNEL,
    WAITING_COUNT,
    HeldSummary,
    describe,
    held_summary,
    is_permanent,
    refusal_before_send,
)

log = logging.getLogger(__name__)

RELAY_LOCK_ID = 6975_0001
# Beyond its send timeout, how long a leader's sends may still land (aborting a producer,
# a request already on the wire): a new leader waits this out too.
LEASE_MARGIN_SECONDS = 5.0

PUBLISHED = Counter("ektp_outbox_published_total", "Outbox events published to Kafka")
BACKLOG = Gauge("ektp_outbox_backlog", "Outbox events waiting to be published")
KAFKA_UP = Gauge("ektp_outbox_kafka_connected", "1 while the relay's producer is connected")
HELD_TOTAL = Counter("ektp_outbox_refused_total", "Outbox events Kafka refused for good, set aside")
HELD = Gauge("ektp_outbox_held", "Outbox events held for an operator (ektp outbox list)")


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
    held: int = 0
    is_leader: bool = False
    lease_token: int | None = None
    leases_lost: int = 0
    errors: list[str] = field(default_factory=list)


class LeaseLost(Exception):
    """Another relay became leader: this one must not publish or mark anything more."""


class KafkaUnavailable(Exception):
    """Some rows of a batch were not acknowledged for a transient reason: send them again."""


@dataclass
class _Batch:
    """What became of each row of one batch."""

    rows: list[asyncpg.Record]
    acked: set[int] = field(default_factory=set)
    held: dict[int, str] = field(default_factory=dict)
    # Refused by the broker: the refusal may be another record's of the same producer
    # batch, so each is sent again alone before it is held.
    suspects: list[tuple[asyncpg.Record, BaseException]] = field(default_factory=list)
    transient: str | None = None

    def note_transient(self, reason: str) -> None:
        self.transient = self.transient or reason

    def earlier_all_acked(self, row: asyncpg.Record) -> bool:
        """Every earlier row of the same topic and key in this batch reached Kafka."""
        return all(
            r["id"] in self.acked for r in self.rows
            if r["id"] < row["id"] and r["topic"] == row["topic"] and r["key"] == row["key"]
        )

    def published(self) -> list[int]:
        """The acknowledged rows with every earlier row of their key acknowledged too: one
        pass in id order (asking :meth:`earlier_all_acked` of each row is quadratic)."""
        gaps: set[tuple[str, str]] = set()
        out = []
        for r in sorted(self.rows, key=lambda r: r["id"]):
            key = (r["topic"], r["key"])
            if key in gaps:
                continue
            if r["id"] in self.acked:
                out.append(r["id"])
            else:
                gaps.add(key)
        return out


def _refused_for_good(exc: BaseException) -> bool:
    # Errors outside Kafka's and the network's (a value the client cannot encode) are this
    # record's fault too: sending it again cannot help.
    return is_permanent(exc) or not isinstance(exc, (TimeoutError, KafkaError, OSError))


class OutboxRelay:
    def __init__(
        self,
        pool: asyncpg.Pool,
        kafka: KafkaAccess,
        *,
        client_id: str,
        batch_size: int = 500,
        idle_seconds: float = 0.2,
        send_timeout: float = 20.0,
        retention_days: int = 30,
        purge_every_seconds: float = 3600.0,
        stuck_after_seconds: float = 60.0,
        held_refresh_seconds: float = 1.0,
        standby_seconds: float = 2.0,
        pause_seconds: float = 1.0,
    ) -> None:
        self.pool = pool
        self.kafka = kafka
        self.client_id = client_id
        self.batch_size = batch_size
        self.idle_seconds = idle_seconds
        self.send_timeout = send_timeout
        self.retention_days = retention_days
        self.purge_every_seconds = purge_every_seconds
        self.stuck_after_seconds = stuck_after_seconds
        self.held_refresh_seconds = held_refresh_seconds
        self.standby_seconds = standby_seconds
        self.pause_seconds = pause_seconds
        self._last_purge = float("-inf")
        self.state = RelayState()
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._producer: AIOKafkaProducer | None = None
        self._token: int | None = None
        self._held: HeldSummary | None = None
        self._held_checked = float("-inf")
        self._failing_since: float | None = None
        self._paused_since: float | None = None

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def stall_reasons(self) -> list[str]:
        """Why the relay cannot make progress now (empty when it can): /readyz "degraded"."""
        reasons = []
        if self._held is not None:
            reasons.append(self._held.reason_text())
        now = time.monotonic()
        failing = None if self._failing_since is None else now - self._failing_since
        if failing is not None and failing >= self.stuck_after_seconds:
            reasons.append(f"outbox: a batch has not reached Kafka for {failing:.0f} s and is "
                           f"retried: {self.state.last_error}")
        if self._paused_since is not None:
            reasons.append(f"outbox relay paused for {now - self._paused_since:.0f} s: "
                           f"{self.state.last_error}")
        return reasons

    async def run(self) -> None:
        """Run until :meth:`stop`; survives Kafka and database outages."""
        try:
            while not self._stop.is_set():
                try:
                    async with self.pool.acquire() as lock_conn:
                        if not await lock_conn.fetchval(
                            "SELECT pg_try_advisory_lock($1)", RELAY_LOCK_ID
                        ):
                            # Another relay of this service publishes; stand by, but keep
                            # reporting held rows (they are the database's, not the leader's).
                            self._paused_since = None
                            await self._refresh_held(lock_conn)
                            await self._sleep(self.standby_seconds)
                            continue
                        try:
                            await self._lead(lock_conn)
                        finally:
                            await self._step_down(lock_conn)
                except asyncio.CancelledError:
                    raise
                except LeaseLost as exc:
                    self.state.leases_lost += 1
                    self.state.last_error = str(exc)
                    log.warning("outbox relay stepped down: %s", exc)
                except Exception as exc:  # database down, lock connection lost: wait, retry
                    self.state.last_error = f"{type(exc).__name__}: {exc}"
                    if self._paused_since is None:
                        self._paused_since = time.monotonic()
                    log.warning("outbox relay paused: %s", self.state.last_error)
                    await self._sleep(self.pause_seconds)
        finally:
            await self._close_producer()

    def _on_notify(self, *_: object) -> None:
        self._wake.set()

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._stop.wait(), timeout=seconds)

    # -- the lease ---------------------------------------------------------------------

    async def _lead(self, lock_conn: Connection) -> None:
        row = await lock_conn.fetchrow(
            """UPDATE outbox_relay_lease
               SET token = token + 1, holder = $1, acquired_at = now()
               RETURNING token, CASE WHEN busy_until > clock_timestamp()
                   THEN extract(epoch FROM busy_until - clock_timestamp())::float8
                   ELSE 0 END AS wait""",
            f"{self.client_id} pid {os.getpid()} on {socket.gethostname()}",
        )
        if row is None:
            raise RuntimeError("outbox_relay_lease has no row: is migration 0002 applied?")
        self._token = self.state.lease_token = int(row["token"])
        self.state.is_leader = True
        self._paused_since = None
        if row["wait"] > 0:
            # The previous leader's lock connection died while it was sending: its sends
            # may land until busy_until, so ours start after.
            log.warning("outbox relay took over; waiting %.1f s for the previous leader's "
                        "sends to end", row["wait"])
            await self._sleep(row["wait"])
        await lock_conn.add_listener(NOTIFY_CHANNEL, self._on_notify)
        await self._publish_loop(lock_conn)

    async def _step_down(self, lock_conn: Connection) -> None:
        self.state.is_leader = False
        self._token = None
        with contextlib.suppress(Exception):
            await asyncio.wait_for(lock_conn.remove_listener(NOTIFY_CHANNEL, self._on_notify), 5)
            await asyncio.wait_for(
                lock_conn.execute("SELECT pg_advisory_unlock($1)", RELAY_LOCK_ID), 5
            )

    async def _extend_lease(self, lock_conn: Connection) -> float:
        """Claim the time for one send; returns its local deadline. Raises LeaseLost."""
        deadline = time.monotonic() + self.send_timeout
        status = await lock_conn.execute(
            """UPDATE outbox_relay_lease
               SET busy_until = clock_timestamp() + make_interval(secs => $2)
               WHERE token = $1""",
            self._token, self.send_timeout + LEASE_MARGIN_SECONDS,
        )
        if status != "UPDATE 1":
            raise LeaseLost(f"relay lease {self._token} was taken over by another relay")
        return deadline

    # -- publishing --------------------------------------------------------------------

    async def _publish_loop(self, lock_conn: Connection) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            await self._refresh_held(lock_conn)
            rows = await lock_conn.fetch(ELIGIBLE_ROWS, self.batch_size)
            if not rows:
                self._failing_since = None
                await self._purge_when_due()
                self._wake.clear()
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self.idle_seconds)
                continue
            try:
                await self._publish(lock_conn, rows)
            except KafkaUnavailable as exc:
                self.state.connected = False
                KAFKA_UP.set(0)
                self.state.last_error = str(exc)
                if self._failing_since is None:
                    self._failing_since = time.monotonic()
                log.warning("Kafka unavailable (%s), events wait in the outbox", exc)
                await self._sleep(backoff)
                backoff = min(backoff * 2, 15.0)
                continue
            backoff = 0.5
            self._failing_since = None

    async def _publish(self, lock_conn: Connection, rows: list[asyncpg.Record]) -> None:
        batch = _Batch(rows)
        await self._send_pipelined(lock_conn, batch)
        await self._send_suspects_alone(lock_conn, batch)
        published = batch.published()
        await self._record(lock_conn, published, batch.held)
        if published:
            PUBLISHED.inc(len(published))
            self.state.published += len(published)
            self.state.last_published_at = time.time()
        if batch.transient:
            # Rows not acknowledged are sent again from the first of each key, with the
            # same ce_id: order per key holds and consumers' inboxes drop repeats.
            raise KafkaUnavailable(batch.transient)

    async def _send_pipelined(self, lock_conn: Connection, batch: _Batch) -> None:
        deadline = await self._extend_lease(lock_conn)
        try:
            producer = await self._producer_started(deadline)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            batch.note_transient(describe(exc))
            return
        futures: dict[int, asyncio.Future[Any]] = {}
        blocked: set[tuple[str, str]] = set()
        loop = asyncio.get_running_loop()
        try:
            # One deadline for the whole batch (a wait_for per row costs a task per row).
            async with asyncio.timeout_at(loop.time() + _left(deadline)):
                for row in batch.rows:
                    key = (row["topic"], row["key"])
                    if key in blocked:
                        continue  # behind a row held in this batch: it waits with its key
                    reason = refusal_before_send(row["topic"])
                    if reason is not None:
                        batch.held[row["id"]] = reason
                        blocked.add(key)
                        continue
                    try:
                        futures[row["id"]] = await self._send_row(producer, row)
                    except asyncio.CancelledError:
                        raise
                    except Exception as exc:
                        if _refused_for_good(exc):  # by the producer itself: this record
                            batch.held[row["id"]] = describe(exc)
                            blocked.add(key)
                            continue
                        batch.note_transient(describe(exc))
                        break
        except TimeoutError as exc:  # the producer's buffer stayed full until the deadline
            batch.note_transient(describe(exc))
        pending = await _wait_acks(futures.values(), deadline)
        for row in batch.rows:
            fut = futures.get(row["id"])
            if fut is None:
                continue
            if not fut.done() or fut.cancelled():
                batch.note_transient(f"no acknowledgement from Kafka within "
                                     f"{self.send_timeout:g} s")
            elif (refusal := fut.exception()) is None:
                batch.acked.add(row["id"])
            elif _refused_for_good(refusal):
                batch.suspects.append((row, refusal))
            else:
                batch.note_transient(describe(refusal))
        if pending or batch.suspects or batch.transient:
            # Nothing of this batch may land after our lease; a broker refusal also leaves
            # the producer's sequence numbers behind the broker's: start a new one.
            await self._close_producer(abort=True)

    async def _send_suspects_alone(self, lock_conn: Connection, batch: _Batch) -> None:
        for row, _ in batch.suspects:
            if not batch.earlier_all_acked(row):
                continue  # its key has an earlier row unsent or held: it waits for its turn
            deadline = await self._extend_lease(lock_conn)
            try:
                producer = await self._producer_started(deadline)
                fut = await asyncio.wait_for(self._send_row(producer, row), _left(deadline))
                if await _wait_acks([fut], deadline):
                    raise TimeoutError(f"no acknowledgement within {self.send_timeout:g} s")
                if (refusal := fut.exception()) is not None:
                    raise refusal
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                await self._close_producer(abort=True)
                if _refused_for_good(exc):
                    batch.held[row["id"]] = describe(exc)
                    continue
                batch.note_transient(describe(exc))
                return
            batch.acked.add(row["id"])

    async def _record(
        self, lock_conn: Connection, published: list[int], held: dict[int, str]
    ) -> None:
        """Mark what Kafka took and what it refused, on the lock's connection and only while
        the lease is ours: a relay that lost its lease changes nothing."""
        async with lock_conn.transaction():
            status = await lock_conn.execute(
                "UPDATE outbox_relay_lease SET busy_until = clock_timestamp() WHERE token = $1",
                self._token,
            )
            if status != "UPDATE 1":
                raise LeaseLost(f"relay lease {self._token} was taken over by another relay")
            if published:
                await lock_conn.execute(
                    "UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])",
                    published,
                )
            if held:
                await lock_conn.execute(
                    """UPDATE outbox AS o SET held_at = now(), hold_reason = h.reason
                       FROM unnest($1::bigint[], $2::text[]) AS h(id, reason)
                       WHERE o.id = h.id""",
                    list(held), list(held.values()),
                )
        if held:
            HELD_TOTAL.inc(len(held))
            for row_id, reason in held.items():
                log.error("outbox row %d held, Kafka refused it for good: %s", row_id, reason)
            self._held_checked = float("-inf")  # report it at once

    async def _refresh_held(self, conn: Connection) -> None:
        """Held rows change under the relay too (`ektp outbox release|drop`): look again
        now and then, for /readyz and the metrics."""
        if time.monotonic() - self._held_checked < self.held_refresh_seconds:
            return
        self._held = await held_summary(conn)
        self.state.held = self._held.count if self._held else 0
        HELD.set(self.state.held)
        BACKLOG.set(await conn.fetchval(WAITING_COUNT))
        self._held_checked = time.monotonic()

    async def _purge_when_due(self) -> None:
        """Published rows are kept a while for audits, then deleted (when the relay is idle)."""
        if time.monotonic() - self._last_purge < self.purge_every_seconds:
            return
        self._last_purge = time.monotonic()
        purged = await purge_published(self.pool, self.retention_days)
        if purged:
            log.info("purged %d published outbox rows older than %d days", purged,
                     self.retention_days)

    # -- the producer ------------------------------------------------------------------

    def _new_producer(self) -> AIOKafkaProducer:
        return make_producer(self.kafka, self.client_id)

    async def _producer_started(self, deadline: float) -> AIOKafkaProducer:
        if self._producer is None:
            producer = self._new_producer()
            try:
                await asyncio.wait_for(producer.start(), timeout=_left(deadline))
            except BaseException:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(producer.stop(), timeout=5)
                raise
            self._producer = producer
            self.state.connected = True
            KAFKA_UP.set(1)
        return self._producer

    @staticmethod
    async def _send_row(producer: AIOKafkaProducer, row: asyncpg.Record) -> asyncio.Future[Any]:
        headers = [(name, value.encode()) for name, value in row["headers"]]
        fut: asyncio.Future[Any] = await producer.send(
            row["topic"], value=bytes(row["payload"]), key=row["key"].encode(), headers=headers,
        )
        return fut

    async def _close_producer(self, *, abort: bool = False) -> None:
        producer, self._producer = self._producer, None
        if producer is None:
            return
        if abort:
            # stop() would deliver what is still queued, past our lease: cancel the sender
            # first, so nothing more leaves (only a request already on the wire may land).
            sender_task = getattr(getattr(producer, "_sender", None), "sender_task", None)
            if sender_task is not None:
                sender_task.cancel()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(producer.stop(), timeout=5)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(producer.client.close(), timeout=5)

    async def backlog(self) -> int:
        """Events waiting to be published (held ones and those behind them included)."""
        count = await self.pool.fetchval(WAITING_COUNT)
        BACKLOG.set(count)
        return int(count)


def _left(deadline: float) -> float:
    return max(0.01, deadline - time.monotonic())


async def _wait_acks(futures: Iterable[asyncio.Future[Any]], deadline: float) -> set[Any]:
    """Wait for Kafka's answers until the deadline, without cancelling any (asyncio.wait
    leaves the producer's futures alone); returns those still unanswered."""
    futures = set(futures)
    if not futures:
        return set()
    _, pending = await asyncio.wait(futures, timeout=max(0.0, deadline - time.monotonic()))
    return pending


async def purge_published(pool: asyncpg.Pool, older_than_days: int = 30) -> int:
    """Delete published rows past the retention period (kept meanwhile for audits)."""
    result = await pool.execute(
        "DELETE FROM outbox WHERE published_at < now() - make_interval(days => $1)",
        older_than_days,
    )
    return int(result.split()[-1])
