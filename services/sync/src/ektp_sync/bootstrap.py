"""Builds the sync service: its consumer (enrollment events), and the loops that talk to the
centre: sender, verdict poller, roster puller, field-check reporter.

Several instances may run against one database: the loops that talk to the centre run only in
the instance that holds the lease ``sync-centre`` (ektp_shared.lease), and every transaction
that writes down what the centre answered checks that tenure's token first, so an instance
that lost the lease (paused, cut off) cannot mark a row sent or move the roster cursor. When
the holder dies another instance takes over once the lease ran out (``centre_lease_seconds``);
the centre then sees again only the batch that was in flight."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from ektp_shared.db import Connection
from ektp_shared.events import CentralPrintReady, EnrollmentFieldChecked, EnrollmentRecorded
from ektp_shared.lease import Lease, LeaseLost
from ektp_shared.outbox_blanking import blank_published
from ektp_shared.runtime import ConsumerSpec, ServiceRuntime

from . import handlers
from .adapters import repository as repo
from .adapters.centre import (
    CentreClient,
    CentreRejected,
    CentreUnavailable,
    build_http_client,
)
from .adapters.link import CentreLink, SizedCall
from .config import Settings
from .domain.batch_size import BatchSize
from .domain.breaker import CircuitBreaker
from .domain.submission import item_backoff

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
LEASE_NAME = "sync-centre"


async def pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=max(seconds, 0.0))


class SyncWorkers:
    """Everything that talks to the centre, shared by the loops and the status page."""

    def __init__(self, settings: Settings, transport: httpx.AsyncBaseTransport | None = None
                 ) -> None:
        self.settings = settings
        self.breaker = CircuitBreaker(settings.breaker_failures, settings.breaker_reset_seconds)
        self.link = CentreLink(self.breaker, attempts=settings.retry_attempts,
                               base_seconds=settings.retry_base_seconds,
                               max_seconds=settings.retry_max_seconds)
        self.client = CentreClient(build_http_client(settings, transport))
        self.handlers = handlers.SyncHandlers(settings)
        self.roster_now = asyncio.Event()
        self.rng = random.Random()
        # Batches on their way: up to ``submit_concurrency`` at once, never the same row twice.
        self.in_flight: set[str] = set()
        # How many recordings a submit carries, and how many verdicts a query asks for:
        # smaller while the link cuts calls off (domain.batch_size).
        self.batch = BatchSize(settings.submit_batch_size)
        self.verdict_batch = BatchSize(settings.verdict_batch_size)
        self._claim = asyncio.Lock()
        self.lease: Lease | None = None
        self.is_leader = False

    def _fence(self) -> handlers.Fence | None:
        """The check of the tenure running now, its token taken when the step began: a step
        that outlives its tenure writes nothing."""
        lease = self.lease
        if lease is None:  # the loops run without a lease only in unit tests
            return None
        token = lease.token

        async def check(conn: Connection) -> None:
            await lease.check(conn, token)

        return check

    # --- the centre lease ---------------------------------------------------------------

    async def centre(self, runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        """Take the centre lease when it is free; while it holds, run the loops that talk to
        the centre. Other instances stand by and try again every third of the lease."""
        self.lease = lease = Lease(runtime.db, LEASE_NAME, ttl=self.settings.centre_lease_seconds)
        with contextlib.suppress(Exception):
            await repo.load_link(runtime.db, self.breaker)
        try:
            while not stop.is_set():
                try:
                    taken = await lease.acquire()
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # the database away: try again shortly
                    log.warning("centre lease: %s: %s", type(exc).__name__, exc)
                    await pause(stop, 1.0)
                    continue
                if not taken:
                    await pause(stop, lease.ttl / 3)
                    continue
                await self._tenure(runtime, stop, lease)
        finally:
            with contextlib.suppress(Exception):
                await lease.release()
            with contextlib.suppress(Exception):
                await self.client.aclose()

    async def _tenure(self, runtime: ServiceRuntime, stop: asyncio.Event, lease: Lease) -> None:
        self.is_leader = True
        tenure_stop = asyncio.Event()
        keeper = asyncio.ensure_future(lease.keep())
        stopping = asyncio.ensure_future(stop.wait())
        loops = [asyncio.ensure_future(loop(runtime, tenure_stop))
                 for loop in (self.sender, self.poller, self.roster, self.reporter)]
        try:
            # A loop ends only when a step's lease check refused it. The keeper may still
            # hold the lease (the check ran as a late renewal came in): the tenure ends all
            # the same and a new one begins, or the loops that ended would stay ended while
            # the lease is held, and nothing would go to the centre until a restart.
            await asyncio.wait([keeper, stopping, *loops], return_when=asyncio.FIRST_COMPLETED)
            if keeper.done():
                log.warning("centre lease lost (token %s): this instance stands by", lease.token)
            elif not stopping.done():
                log.warning("a centre loop stood by (token %s): the tenure starts again",
                            lease.token)
                with contextlib.suppress(Exception):
                    await lease.release()
        finally:
            # Lost or stopping: the steps under way end now. A batch the centre already has
            # stays PENDING here and goes again (the centre answers ALREADY_RECEIVED).
            tenure_stop.set()
            for task in (*loops, keeper, stopping):
                task.cancel()
            await asyncio.gather(*loops, keeper, stopping, return_exceptions=True)
            self.in_flight.clear()
            self.is_leader = False

    async def _loop(self, name: str, runtime: ServiceRuntime, stop: asyncio.Event,
                    step: Callable[[asyncpg.Pool], Awaitable[float]]) -> None:
        """Run ``step`` until stopped; it returns how long to rest. Errors never end the loop."""
        pool = runtime.db
        while not stop.is_set():
            try:
                rest = await step(pool)
            except asyncio.CancelledError:
                raise
            except LeaseLost as exc:  # another instance talks to the centre now
                log.warning("%s loop stands by: %s", name, exc)
                return
            except Exception as exc:  # the database down, a bug: log it and carry on
                log.warning("%s loop: %s: %s", name, type(exc).__name__, exc)
                rest = 1.0
            with contextlib.suppress(Exception):
                await repo.save_link(pool, self.breaker)
            if rest:
                await pause(stop, rest)

    # --- sending ------------------------------------------------------------------------

    async def sender(self, runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        # While one batch is being written down, the next is already on the wire.
        await asyncio.gather(*(
            self._loop(f"sender-{n}", runtime, stop, self.send_once)
            for n in range(max(1, self.settings.submit_concurrency))
        ))

    async def send_once(self, pool: asyncpg.Pool) -> float:
        s = self.settings
        wait = self.breaker.seconds_until_probe()
        if wait:
            return min(wait, s.sender_idle_seconds)
        fence = self._fence()
        async with self._claim:
            rows = await repo.due_submissions(pool, self.batch.now, list(self.in_flight))
            ids = {r["enrollment_id"] for r in rows}
            self.in_flight |= ids
        if not rows:
            return s.sender_idle_seconds
        try:
            return await self._send(pool, [r["packet"] for r in rows], fence)
        finally:
            self.in_flight -= ids

    async def _send(self, pool: asyncpg.Pool, packets: list[dict[str, Any]],
                    fence: handlers.Fence | None) -> float:
        s = self.settings
        call = SizedCall(self.batch, packets, self.client.submit)
        try:
            results = await self.link.call(call)
        except CentreRejected:
            # The centre refused the whole batch: find the packet(s) it objects to.
            await self._send_one_by_one(pool, call.part, fence)
            return 0.0
        except CentreUnavailable as exc:
            await repo.note_transient_error(pool, [p["enrollment_id"] for p in call.part],
                                            str(exc))
            return s.sender_idle_seconds
        await self.handlers.apply_submit_results(pool, results, fence)
        return 0.0

    async def _send_one_by_one(self, pool: asyncpg.Pool, packets: list[dict[str, Any]],
                               fence: handlers.Fence | None) -> None:
        for packet in packets:
            try:
                results = await self.link.call(partial(self.client.submit, [packet]))
            except CentreRejected as exc:
                await self.handlers.reject_one(pool, packet["enrollment_id"], exc.detail, fence)
                continue
            except CentreUnavailable:
                return
            await self.handlers.apply_submit_results(pool, results, fence)

    # --- verdicts -----------------------------------------------------------------------

    async def poller(self, runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        await self._loop("poller", runtime, stop, self.poll_once)

    async def poll_once(self, pool: asyncpg.Pool) -> float:
        s = self.settings
        if self.breaker.seconds_until_probe():
            return s.sender_idle_seconds
        fence = self._fence()
        ids = await repo.polls_due(pool, self.verdict_batch.now)
        if not ids:
            return s.sender_idle_seconds
        # The answers carry each card's photo and signature: 500 of them are megabytes.
        call = SizedCall(self.verdict_batch, ids, self.client.verdicts)
        try:
            verdicts = await self.link.call(call)
        except CentreUnavailable:
            return s.sender_idle_seconds
        except CentreRejected as exc:
            log.error("the centre refused a verdict query: %s", exc)
            async with pool.acquire() as conn:
                await repo.postpone_polls(conn, call.part, s.verdict_poll_seconds)
            return s.sender_idle_seconds
        await self.handlers.apply_verdicts(pool, verdicts, fence)
        return 0.0

    # --- roster -------------------------------------------------------------------------

    async def roster(self, runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        s = self.settings

        async def step(pool: asyncpg.Pool) -> float:
            started = await repo.db_now(pool)
            complete = await self.pull_roster(pool) is not None
            self.roster_now.clear()
            # Wait for the schedule (sooner after a failed pull), or for a supervisor's "now"
            # (made on this instance, or on another and found in the database).
            wait = s.roster_interval_seconds if complete else min(
                s.roster_interval_seconds, max(self.breaker.seconds_until_probe(), 5.0))
            deadline = asyncio.get_running_loop().time() + wait
            while (left := deadline - asyncio.get_running_loop().time()) > 0:
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self.roster_now.wait(), min(left, 2.0))
                if self.roster_now.is_set() or await repo.roster_pull_requested_since(
                        pool, s.roster_kabupaten, started):
                    break
            return 0.0

        await self._loop("roster", runtime, stop, step)

    async def pull_roster(self, pool: asyncpg.Pool) -> int | None:
        """Publish every roster entry past the stored cursor; None if the pull broke off
        (the entries already published stay published: the cursor moved with them)."""
        s = self.settings
        kabupaten = s.roster_kabupaten
        fence = self._fence()
        cursor = await repo.roster_cursor(pool, kabupaten)
        total = 0
        while True:
            try:
                page = await self.link.call(
                    partial(self.client.roster, kabupaten, cursor, s.roster_page_size)
                )
            except (CentreUnavailable, CentreRejected) as exc:
                log.warning("roster pull stopped at cursor %r: %s", cursor, exc)
                return None
            total += await self.handlers.publish_roster_page(pool, kabupaten, page, fence)
            cursor = page.next_cursor
            if not page.has_more:
                return total

    # --- personal data ------------------------------------------------------------------

    async def blanker(self, runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        """The card data sent to the print room is not kept in the outbox once published."""
        async def step(pool: asyncpg.Pool) -> float:
            blanked = await blank_published(pool, [CentralPrintReady.ce_type()])
            if blanked:
                log.info("blanked the card data of %d published print_ready events", blanked)
            return self.settings.outbox_blank_seconds

        await self._loop("blanker", runtime, stop, step)

    # --- field-check reports ------------------------------------------------------------

    async def reporter(self, runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        await self._loop("reporter", runtime, stop, self.report_once)

    async def report_once(self, pool: asyncpg.Pool) -> float:
        s = self.settings
        if self.breaker.seconds_until_probe():
            return s.reports_idle_seconds
        rows = await repo.due_reports(pool, 100)
        if not rows:
            return s.reports_idle_seconds
        for row in rows:
            try:
                await self.link.call(partial(self.client.population_update,
                                             row["update_id"], row["nik"], row["status"],
                                             row["note"]))
            except CentreRejected as exc:
                wait = s.item_backoff_max_seconds
                await repo.report_failed(pool, row["update_id"], str(exc), wait)
                continue
            except CentreUnavailable as exc:
                wait = item_backoff(row["attempts"] + 1, s.item_backoff_base_seconds,
                                    s.item_backoff_max_seconds, self.rng)
                await repo.report_failed(pool, row["update_id"], str(exc), wait)
                return s.reports_idle_seconds
            await repo.report_sent(pool, row["update_id"])
        return 0.0


def build_runtime(settings: Settings, workers: SyncWorkers) -> ServiceRuntime:
    return ServiceRuntime(
        settings=settings,
        migrations_dir=MIGRATIONS,
        consumer_spec=ConsumerSpec(
            group_id=f"{settings.topic_prefix}sync",
            topics=[settings.topic("enrollment")],
            handlers={
                EnrollmentRecorded.ce_type(): handlers.queue_recording,
                EnrollmentFieldChecked.ce_type(): handlers.queue_field_check,
            },
        ),
        # The blanker only blanks what is published: any instance may run it.
        background=[workers.centre, workers.blanker],
    )
