"""What a service process runs besides HTTP: pool, migrations, outbox relay, consumer.

Bootstrap code builds one :class:`ServiceRuntime` and hands it to the app factory (API
process) or runs it alone (worker process). Kafka may be down at start: the relay and the
consumer wait for it on their own, and the API keeps taking commands meanwhile. A service
creates no topic: the provisioning step did (``ektp_shared.kafka_provision``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg

from . import idempotency
from .config import ServiceSettings
from .consumer import ConsumerRunner, Handler
from .db import TRANSIENT_DB_ERRORS, create_pool, migrate_service
from .kafka_provision import PRODUCERS
from .outbox import OutboxRelay
from .outbox_held import WAITING_COUNT

log = logging.getLogger(__name__)

__all__ = ["PRODUCERS", "ConsumerSpec", "ServiceRuntime"]

# Tasks that only end when the service stops: their end is a fault even without an error.
_RUN_FOREVER = ("outbox relay", "consumer")

# Whatever the database answers, housekeeping tries again next round.
_HOUSEKEEPING_ERRORS: tuple[type[BaseException], ...] = (
    asyncpg.PostgresError, *TRANSIENT_DB_ERRORS)

BackgroundTask = Callable[["ServiceRuntime", asyncio.Event], Awaitable[None]]


@dataclass
class ConsumerSpec:
    group_id: str
    topics: list[str]
    handlers: Mapping[str, Handler]
    # Per topic, a table of its own instead of handlers (ConsumerRunner.topic_handlers).
    topic_handlers: Mapping[str, Mapping[str, Handler]] | None = None


@dataclass
class ServiceRuntime:
    settings: ServiceSettings
    migrations_dir: Path
    consumer_spec: ConsumerSpec | None = None
    background: list[BackgroundTask] = field(default_factory=list)
    after_db_commit: Callable[[Any], None] | None = None
    # Runs after the migrations, before the pool and the workers (as the migrations' role):
    # the provincial dashboard makes each office's read model here.
    prepare: Callable[[ServiceSettings], Awaitable[None]] | None = None

    pool: asyncpg.Pool | None = None
    relay: OutboxRelay | None = None
    consumer: ConsumerRunner | None = None
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def db(self) -> asyncpg.Pool:
        if self.pool is None:
            raise RuntimeError("runtime not started")
        return self.pool

    async def start(self, *, workers: bool = True) -> None:
        s = self.settings
        await migrate_service(s, self.migrations_dir)
        if self.prepare is not None:
            await self.prepare(s)
        self.pool = await create_pool(
            s.database_url, min_size=s.db_pool_min, max_size=s.db_pool_max
        )
        if workers and s.relay_enabled:
            self.relay = OutboxRelay(
                self.pool, s.kafka, client_id=f"{s.service_name}-relay",
                batch_size=s.relay_batch_size, idle_seconds=s.relay_idle_seconds,
                retention_days=s.outbox_retention_days,
            )
            self._spawn(self.relay.run(), "outbox relay")
        if workers and s.consumer_enabled and self.consumer_spec is not None:
            spec = self.consumer_spec
            self.consumer = ConsumerRunner(
                self.pool, s.kafka, group_id=spec.group_id, topics=spec.topics,
                handlers=spec.handlers, topic_handlers=spec.topic_handlers,
                client_id=f"{s.service_name}-consumer",
                after_db_commit=self.after_db_commit,
                statement_timeout=s.consumer_statement_timeout_seconds,
                timeout_attempts=s.consumer_timeout_attempts,
                stall_seconds=s.consumer_stall_seconds,
                inbox_retention_days=s.inbox_retention_days,
            )
            self._spawn(self.consumer.run(), "consumer")
        if workers:
            self._spawn(self._housekeeping(), "housekeeping")
            for task in self.background:
                self._spawn(task(self, self._stop), getattr(task, "__name__", None))

    async def _housekeeping(self) -> None:
        """Purge what is kept only for a while: idempotency keys past their retention."""
        s = self.settings
        while not self._stop.is_set():
            try:
                purged = await idempotency.purge_expired(self.db, s.idempotency_retention_days)
                if purged:
                    log.info("purged %d idempotency keys older than %d days", purged,
                             s.idempotency_retention_days)
            except _HOUSEKEEPING_ERRORS as exc:
                # Best effort: a database that is down, read-only or full is the consumer's
                # alarm to raise; housekeeping just tries again next round, never dies.
                log.warning("housekeeping: %s; next round later", type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), s.housekeeping_every_seconds)

    def _spawn(self, coro: Awaitable[None], name: str | None = None) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(coro)
        if name:
            task.set_name(name)
        task.add_done_callback(self._report_crash)
        self._tasks.append(task)

    @staticmethod
    def _report_crash(task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("background task died: %r", task.exception())

    async def stop(self) -> None:
        self._stop.set()
        if self.relay:
            self.relay.stop()
        if self.consumer:
            self.consumer.stop()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(BaseException):
                await task
        self._tasks.clear()
        if self.pool is not None:
            await self.pool.close()
            self.pool = None

    def degraded_reasons(self) -> list[str]:
        """Why events do not move although the service is up (a dead task, a held key...).

        The service still takes commands; /readyz answers 200 with ``"status": "degraded"``
        and these reasons, so an operator sees why nothing moves.
        """
        reasons: list[str] = []
        if not self._stop.is_set():
            for task in self._tasks:
                if not task.done() or task.cancelled():
                    continue
                error = task.exception()
                if error is not None:
                    reasons.append(f"background task {task.get_name()!r} died: "
                                   f"{type(error).__name__}: {error}")
                elif task.get_name() in _RUN_FOREVER:
                    reasons.append(f"background task {task.get_name()!r} stopped")
        if self.relay is not None:
            reasons.extend(self.relay.stall_reasons())
        if self.consumer is not None:
            reasons.extend(self.consumer.stall_reasons())
        return reasons

    async def kafka_status(self) -> dict[str, Any]:
        status: dict[str, Any] = {}
        if self.relay is not None:
            status["relay"] = {
                "connected": self.relay.state.connected,
                "leader": self.relay.state.is_leader,
                "published": self.relay.state.published,
                "held": self.relay.state.held,
                "lease_token": self.relay.state.lease_token,
                "last_error": self.relay.state.last_error,
            }
        if self.pool is not None:
            with contextlib.suppress(Exception):
                status["outbox_backlog"] = int(await self.pool.fetchval(WAITING_COUNT))
        if self.consumer is not None:
            status["consumer"] = {
                "connected": self.consumer.state.connected,
                "applied": self.consumer.state.applied,
                "duplicates": self.consumer.state.duplicates,
                "dead_lettered": self.consumer.state.dead_lettered,
                "last_error": self.consumer.state.last_error,
            }
        return status

    async def run_forever(self) -> None:
        """Worker process: relay, consumer and background tasks without HTTP."""
        await self.start()
        try:
            await self._stop.wait()
        finally:
            await self.stop()
