"""The consumer runner: inbox dedupe, commit after the database, DLQ for poison messages.

For each message: parse the CloudEvent; open a transaction; record its ``ce_id`` in the
inbox (a second delivery stops here); apply the handler; commit. Only after the database
commit is the Kafka offset committed, so a crash in between means a redelivery that the
inbox turns into a no-op. A message that cannot be parsed or applied is copied to
``<topic>.dlq`` with the error in its headers (NIKs masked), and the runner goes on with
the next one.

A database that cannot do the work is not the message's fault (:func:`db.classify_db_error`):
when it is unreachable, full, read-only, missing a grant or a table, the runner keeps the
same batch, retries it with backoff, commits no offset and raises an alarm (a log error,
``ektp_consumer_paused`` and :meth:`ConsumerRunner.stall_reasons`) until it is fixed. A
statement timeout is retried too, but the event that timed out ``timeout_attempts`` times
in a row is dead-lettered, so one message cannot hold its partition for ever. Inbox rows
are purged after ``inbox_retention_days`` (longer than Kafka keeps the messages).
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

from .db import Connection, DbErrorClass, classify_db_error
from .envelope import CloudEvent, EnvelopeError
from .events import EventData, UnknownEventType
from .kafka import KafkaAccess, dlq_topic, make_producer
from .limits import CONSUMER_FETCH_MAX_BYTES, CONSUMER_MAX_PARTITION_FETCH_BYTES
from .logging import mask_nik

log = logging.getLogger(__name__)

Handler = Callable[[Connection, CloudEvent, EventData], Awaitable[None]]

APPLIED = Counter("ektp_consumer_applied_total", "Events applied", ["group", "ce_type"])
DUPLICATES = Counter("ektp_consumer_duplicates_total", "Redelivered events skipped", ["group"])
DEAD_LETTERED = Counter("ektp_consumer_dlq_total", "Messages sent to a DLQ", ["group"])
CONNECTED = Gauge("ektp_consumer_kafka_connected", "1 while the consumer is connected", ["group"])
PAUSED = Gauge("ektp_consumer_paused", "1 while the consumer waits for an operator to fix "
               "the database", ["group", "reason"])
TIMEOUTS = Counter("ektp_consumer_timeouts_total", "Events whose statement timed out", ["group"])
INBOX_PURGED = Counter("ektp_inbox_purged_total", "Inbox rows deleted after retention", ["group"])


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
    # Monotonic times: since when Kafka is lost, a batch retried, the database unfit.
    disconnected_since: float | None = None
    retrying_since: float | None = None
    paused_reason: str | None = None
    paused_error: str | None = None
    paused_since: float | None = None


_Work = tuple[ConsumerRecord, CloudEvent, EventData, Handler]
# True: applied; False: a redelivery; (reason, error, trace): to the DLQ.
_Outcome = bool | tuple[str, str, str]

INBOX_INSERT = """INSERT INTO inbox (ce_id, ce_type, topic, kafka_partition, kafka_offset)
                  VALUES ($1, $2, $3, $4, $5)
                  ON CONFLICT (ce_id) DO NOTHING RETURNING true"""
# A batch's inbox rows in one round trip; returns the ce_ids seen for the first time.
INBOX_INSERT_MANY = """INSERT INTO inbox (ce_id, ce_type, topic, kafka_partition, kafka_offset)
                       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[],
                                            $5::bigint[])
                       ON CONFLICT (ce_id) DO NOTHING RETURNING ce_id"""


class _HandlerFailed(Exception):
    """A handler raised in a batch applied without savepoints: which event, and why."""

    def __init__(self, index: int, error: Exception) -> None:
        super().__init__(str(error))
        self.index = index
        self.error = error


class _Retry(Exception):
    """Abandon the batch's transaction and apply the same batch again later."""

    def __init__(self, verdict: DbErrorClass, error: BaseException) -> None:
        super().__init__(str(error))
        self.verdict = verdict
        self.error = error


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
        kafka: KafkaAccess,
        *,
        group_id: str,
        topics: list[str],
        handlers: Mapping[str, Handler],
        topic_handlers: Mapping[str, Mapping[str, Handler]] | None = None,
        client_id: str | None = None,
        after_db_commit: Callable[[CloudEvent], None] | None = None,
        max_records: int = 200,
        statement_timeout: float | None = 30.0,
        timeout_attempts: int = 5,
        stall_seconds: float = 60.0,
        max_retry_delay: float = 15.0,
        inbox_retention_days: int | None = None,
        purge_every_seconds: float = 3600.0,
    ) -> None:
        self.pool = pool
        self.kafka = kafka
        self.group_id = group_id
        self.topics = topics
        self.handlers = dict(handlers)
        # A topic's own table where one reader applies several sources differently (the
        # provincial dashboard: each office's topics into that office's read model).
        self.topic_handlers = {t: dict(h) for t, h in (topic_handlers or {}).items()}
        self.client_id = client_id or group_id
        # Test seam and metrics hook: runs after the database commit, before the offset commit.
        self.after_db_commit = after_db_commit
        self.max_records = max_records
        self.statement_timeout = statement_timeout
        self.timeout_attempts = timeout_attempts
        self.stall_seconds = stall_seconds
        self.max_retry_delay = max_retry_delay
        self.inbox_retention_days = inbox_retention_days
        self.purge_every_seconds = purge_every_seconds
        self._last_purge = float("-inf")
        self.state = ConsumerState(disconnected_since=time.monotonic())
        # Timeouts in a row per ce_id, for the batch in hand.
        self._timeouts: dict[str, int] = {}
        self._stop = asyncio.Event()
        self._batch_lock = asyncio.Lock()

    def stop(self) -> None:
        self._stop.set()

    def stall_reasons(self) -> list[str]:
        """Why the consumer cannot make progress now (empty when it can): /readyz "degraded"."""
        st, now, group = self.state, time.monotonic(), self.group_id
        reasons: list[str] = []
        if st.paused_reason is not None and st.paused_since is not None:
            reasons.append(
                f"consumer {group} paused for {now - st.paused_since:.0f} s: the database "
                f"cannot apply events ({st.paused_reason}: {st.paused_error}); nothing goes "
                "to the DLQ, it resumes by itself once the database is fixed"
            )
        elif st.retrying_since is not None and now - st.retrying_since >= self.stall_seconds:
            reasons.append(f"consumer {group} has retried one batch for "
                           f"{now - st.retrying_since:.0f} s: {st.last_error}")
        if (not st.connected and st.disconnected_since is not None
                and now - st.disconnected_since >= self.stall_seconds):
            reasons.append(f"consumer {group} has had no Kafka connection for "
                           f"{now - st.disconnected_since:.0f} s: "
                           f"{st.last_error or 'not connected yet'}")
        return reasons

    async def run(self) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            consumer = AIOKafkaConsumer(
                **self.kafka.client_options(),
                group_id=self.group_id,
                client_id=self.client_id,
                enable_auto_commit=False,
                auto_offset_reset="earliest",
                isolation_level="read_committed",
                max_poll_records=self.max_records,
                # Topics provisioned after the start are seen within seconds.
                metadata_max_age_ms=10000,
                # A member killed by a power cut is replaced within 10 s, not 30.
                session_timeout_ms=10000,
                heartbeat_interval_ms=2000,
                # Always able to fetch the largest message a topic takes (ektp_shared.limits).
                max_partition_fetch_bytes=CONSUMER_MAX_PARTITION_FETCH_BYTES,
                fetch_max_bytes=CONSUMER_FETCH_MAX_BYTES,
            )
            dlq = make_producer(self.kafka, f"{self.client_id}-dlq")
            try:
                await consumer.start()
                await dlq.start()
                consumer.subscribe(self.topics, listener=_WaitForBatch(self._batch_lock))
                self._set_connected(True)
                backoff = 1.0
                await self._consume(consumer, dlq)
            except asyncio.CancelledError:
                raise
            except (TimeoutError, KafkaError, OSError) as exc:
                self.state.last_error = mask_nik(f"{type(exc).__name__}: {exc}")
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
        if up:
            self.state.disconnected_since = None
        elif self.state.disconnected_since is None:
            self.state.disconnected_since = time.monotonic()
        self.state.connected = up
        CONNECTED.labels(self.group_id).set(1 if up else 0)

    async def _consume(self, consumer: AIOKafkaConsumer, dlq: object) -> None:
        while not self._stop.is_set():
            batches = await consumer.getmany(timeout_ms=500, max_records=self.max_records)
            # aiokafka retries a lost broker inside getmany without raising: a group without
            # a known coordinator is the sign (a private attribute, read defensively).
            coordinator = getattr(consumer, "_coordinator", None)
            self._set_connected(getattr(coordinator, "coordinator_id", 0) is not None)
            if not batches:
                await self._purge_when_due()
                continue
            async with self._batch_lock:
                offsets: dict[TopicPartition, int] = {}
                records: list[ConsumerRecord] = []
                for tp, part in batches.items():
                    records.extend(part)
                    offsets[tp] = part[-1].offset + 1
                if not await self._process_batch(records, dlq):
                    return  # stopping: the batch stays uncommitted and comes again
                try:
                    await consumer.commit(offsets)
                except CommitFailedError as exc:
                    # Partitions moved to another member: it will redeliver, the inbox dedupes.
                    log.warning("offset commit refused after rebalance: %s", exc)

    async def _process_batch(self, records: list[ConsumerRecord], dlq: object) -> bool:
        """Apply a fetched batch in one database transaction.

        One commit per batch instead of per event (the fsync is the cost); a handler that
        fails costs only its own event, which goes to the DLQ (:meth:`_apply`). False: the
        runner is stopping and the batch was not applied.
        """
        work: list[_Work] = []
        for record in records:
            try:
                event = CloudEvent.from_kafka(record.key, record.value, record.headers)
                handler = self.topic_handlers.get(record.topic, self.handlers).get(event.type)
                payload = event.payload()  # unknown types are poison; known, unhandled: skip
            except (EnvelopeError, UnknownEventType) as exc:
                await self._dead_letter(dlq, record, "unparseable", str(exc))
                continue
            if handler is not None:
                work.append((record, event, payload, handler))
        if not work:
            return True
        outcomes = await self._apply_until_done(work)
        if outcomes is None:
            return False
        self._timeouts.clear()
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
                reason, error, trace = outcome
                log.error("cannot apply %s %s: %s", event.type, event.id, error)
                await self._dead_letter(dlq, record, reason, error, trace)
        return True

    async def _apply_until_done(self, work: list[_Work]) -> list[_Outcome] | None:
        """Apply the batch, retrying it whole while the database is unfit (None: stopping)."""
        delay = 0.5
        while True:
            try:
                outcomes = await self._apply(work)
            except Exception as exc:
                if isinstance(exc, _Retry):
                    verdict, error = exc.verdict, exc.error
                else:  # outside any event: connect, BEGIN, COMMIT
                    verdict, error = classify_db_error(exc), exc
                self._note_retry(verdict, error)
                if self._stop.is_set():
                    return None
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), timeout=delay)
                if self._stop.is_set():
                    return None
                delay = min(delay * 2, self.max_retry_delay)
                continue
            self._resumed()
            return outcomes

    def _note_retry(self, verdict: DbErrorClass, error: BaseException) -> None:
        st = self.state
        st.last_error = mask_nik(f"{type(error).__name__}: {error}")
        if st.retrying_since is None:
            st.retrying_since = time.monotonic()
        if verdict.kind == "operator":
            if st.paused_reason != verdict.reason:
                if st.paused_reason is not None:
                    PAUSED.labels(self.group_id, st.paused_reason).set(0)
                PAUSED.labels(self.group_id, verdict.reason).set(1)
                st.paused_reason, st.paused_since = verdict.reason, time.monotonic()
                log.error("consumer %s paused: the database cannot apply events (%s); "
                          "nothing goes to the DLQ, retrying until an operator fixes it",
                          self.group_id, st.last_error)
            st.paused_error = st.last_error
        elif verdict.kind == "timeout":
            log.warning("consumer %s: a statement timed out, retrying the batch: %s",
                        self.group_id, st.last_error)
        else:
            log.warning("consumer %s: database unavailable while applying a batch (%s); "
                        "retrying", self.group_id, st.last_error)

    def _resumed(self) -> None:
        st = self.state
        if st.paused_reason is not None and st.paused_since is not None:
            PAUSED.labels(self.group_id, st.paused_reason).set(0)
            log.warning("consumer %s resumed after %.0f s paused (%s)", self.group_id,
                        time.monotonic() - st.paused_since, st.paused_reason)
        st.paused_reason = st.paused_error = st.paused_since = st.retrying_since = None

    async def _apply(self, work: list[_Work]) -> list[_Outcome]:
        """True: applied; False: already applied (redelivery); (reason, error, trace): to
        the DLQ. Raises :class:`_Retry` when the database, not the event, is at fault.

        The batch first runs without savepoints, its inbox rows in one statement. A handler
        that fails rolls the whole transaction back; the event is judged as a savepoint
        would have judged it (the same earlier effects were in place) and the batch runs
        again without it, this time with a savepoint per event, so one poison event costs
        one more pass and never a DLQ copy of another event.
        """
        decided: dict[int, _Outcome] = {}
        try:
            return await self._apply_fast(work)
        except _HandlerFailed as failed:
            if isinstance(failed.error, asyncpg.InFailedSQLTransactionError):
                # A statement failed unseen earlier on: only savepoints can tell whose.
                pass
            else:
                decided[failed.index] = self._judge(work[failed.index][1], failed.error)
        except Exception as exc:
            # Outside any handler (the batch's inbox insert, its commit): an event's own
            # fault, e.g. a NUL byte in its ce_id, is found by the savepoint pass; an unfit
            # database is retried as before.
            if classify_db_error(exc).kind not in ("poison", "timeout"):
                raise
        return await self._apply_with_savepoints(work, decided)

    async def _apply_fast(self, work: list[_Work]) -> list[_Outcome]:
        async with self.pool.acquire() as conn, conn.transaction():
            await self._set_timeout(conn)
            # A ce_id twice in one batch (a relay that re-sent it): the first one counts.
            first: dict[str, int] = {}
            for i, (_, event, _, _) in enumerate(work):
                first.setdefault(event.id, i)
            rows = [work[i] for i in first.values()]
            fresh = {
                r[0] for r in await conn.fetch(
                    INBOX_INSERT_MANY,
                    [e.id for _, e, _, _ in rows], [e.type for _, e, _, _ in rows],
                    [r.topic for r, _, _, _ in rows], [r.partition for r, _, _, _ in rows],
                    [r.offset for r, _, _, _ in rows],
                )
            }
            outcomes: list[_Outcome] = []
            for i, (_, event, payload, handler) in enumerate(work):
                if first[event.id] != i or event.id not in fresh:
                    outcomes.append(False)
                    continue
                try:
                    await handler(conn, event, payload)
                except Exception as exc:
                    raise _HandlerFailed(i, exc) from exc
                outcomes.append(True)
        for _, event, _, _ in work:
            self._timeouts.pop(event.id, None)
        return outcomes

    async def _apply_with_savepoints(
        self, work: list[_Work], decided: dict[int, _Outcome]
    ) -> list[_Outcome]:
        """One savepoint per event; ``decided`` events (judged already) are left out."""
        outcomes: list[_Outcome] = []
        async with self.pool.acquire() as conn, conn.transaction():
            await self._set_timeout(conn)
            for i, (record, event, payload, handler) in enumerate(work):
                if i in decided:
                    outcomes.append(decided[i])
                    continue
                try:
                    async with conn.transaction():  # a savepoint
                        fresh = await conn.fetchval(
                            INBOX_INSERT, event.id, event.type, record.topic,
                            record.partition, record.offset,
                        )
                        if fresh:
                            await handler(conn, event, payload)
                        outcomes.append(bool(fresh))
                    self._timeouts.pop(event.id, None)
                except Exception as exc:
                    outcomes.append(self._judge(event, exc))
        return outcomes

    async def _set_timeout(self, conn: Connection) -> None:
        if self.statement_timeout:
            await conn.execute(
                f"SET LOCAL statement_timeout = {int(self.statement_timeout * 1000)}"
            )

    def _judge(self, event: CloudEvent, exc: Exception) -> tuple[str, str, str]:
        """The DLQ entry for an event whose savepoint failed, or :class:`_Retry`."""
        verdict = classify_db_error(exc)
        error = f"{type(exc).__name__}: {exc}"
        if verdict.kind == "timeout":
            TIMEOUTS.labels(self.group_id).inc()
            tries = self._timeouts[event.id] = self._timeouts.get(event.id, 0) + 1
            if tries < self.timeout_attempts:
                raise _Retry(verdict, exc) from exc
            return ("timed_out", f"timed out {tries} times in a row: {error}",
                    traceback.format_exc(limit=5))
        if verdict.kind != "poison":
            raise _Retry(verdict, exc) from exc
        return "handler_failed", error, traceback.format_exc(limit=5)

    async def _purge_when_due(self) -> None:
        """Delete inbox rows past retention, when idle and at most every purge period."""
        if self.inbox_retention_days is None:
            return
        if time.monotonic() - self._last_purge < self.purge_every_seconds:
            return
        self._last_purge = time.monotonic()
        try:
            purged = await purge_inbox(self.pool, self.inbox_retention_days)
        except Exception as exc:  # the database is unfit: the next period tries again
            log.warning("inbox purge failed: %s: %s", type(exc).__name__, exc)
            return
        if purged:
            INBOX_PURGED.labels(self.group_id).inc(purged)
            log.info("purged %d inbox rows older than %d days", purged,
                     self.inbox_retention_days)

    async def _dead_letter(
        self, dlq: object, record: ConsumerRecord, reason: str, error: str, trace: str = ""
    ) -> None:
        headers = [
            *(record.headers or ()),
            ("dlq_reason", reason.encode()),
            # Exception text can quote a NIK (a key in a constraint message): masked.
            ("dlq_error", mask_nik(error)[:2000].encode()),
            ("dlq_original_topic", record.topic.encode()),
            ("dlq_original_partition", str(record.partition).encode()),
            ("dlq_original_offset", str(record.offset).encode()),
            ("dlq_consumer_group", self.group_id.encode()),
        ]
        if trace:
            headers.append(("dlq_trace", mask_nik(trace)[-4000:].encode()))
        # Awaited: the offset is committed only once the DLQ copy is safe.
        await dlq.send_and_wait(  # type: ignore[attr-defined]
            dlq_topic(record.topic), value=record.value, key=record.key, headers=headers
        )
        self.state.dead_lettered += 1
        DEAD_LETTERED.labels(self.group_id).inc()
        log.warning("message %s[%d]@%d sent to DLQ: %s", record.topic, record.partition,
                    record.offset, mask_nik(error)[:300])


async def purge_inbox(pool: asyncpg.Pool, older_than_days: int, chunk: int = 10000) -> int:
    """Delete inbox rows applied more than ``older_than_days`` ago, ``chunk`` rows per
    statement so no single delete holds its locks for long. Returns the rows deleted."""
    total = 0
    while True:
        result = await pool.execute(
            """DELETE FROM inbox WHERE ce_id IN (
                   SELECT ce_id FROM inbox
                   WHERE applied_at < now() - make_interval(days => $1) LIMIT $2)""",
            older_than_days, chunk,
        )
        deleted = int(result.split()[-1])
        total += deleted
        if deleted < chunk:
            return total
