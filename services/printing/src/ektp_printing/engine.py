"""The print engine: one per database, it runs the dispatcher and feeds each ONLINE printer.

One engine prints at a time: it holds the lease ``print-engine`` (ektp_shared.lease) and every
step with effects (dispatching, claiming a job, sending it to the printer, writing the
outcome) runs in a transaction that re-checks the lease's token first. An engine that lost its
lease (paused, cut off from the database) stops before its next effect; its successor takes
over only after the lease expired.

A job goes PRINTING under the token in a committed transaction before its driver starts, and
its outcome is written in another. A process that dies or loses its lease in between leaves the
job PRINTING; the next holder turns it into NEEDS_CHECK (and cancels its CUPS job) before
printing anything, so no blank is ever assumed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TypeVar

import asyncpg

from ektp_shared.db import TRANSIENT_DB_ERRORS, Connection, transaction
from ektp_shared.lease import Lease, LeaseLost

from . import handlers
from .adapters import repository as repo
from .adapters.drivers import CardJob, PrinterDriver, PrintOutcome
from .adapters.ipp import IppError

log = logging.getLogger(__name__)

LEASE_NAME = "print-engine"
T = TypeVar("T")


class PrintEngine:
    def __init__(self, deps: handlers.Deps, drivers: dict[str, PrinterDriver]) -> None:
        self.deps = deps
        self.drivers = drivers
        self.in_flight: dict[str, asyncio.Task[None]] = {}  # printer_id -> its print
        self.recovered: list[str] = []
        self.is_leader = False
        self.lease: Lease | None = None
        self._wake = asyncio.Event()
        deps.wake = self.wake

    def wake(self) -> None:
        self._wake.set()

    async def run(self, pool: asyncpg.Pool, stop: asyncio.Event) -> None:
        self.lease = lease = Lease(pool, LEASE_NAME, ttl=self.deps.settings.engine_lease_seconds)
        while not stop.is_set():
            keeper: asyncio.Future[None] | None = None
            try:
                if not await lease.acquire():
                    await self._sleep(stop, lease.ttl / 3)  # another engine runs the print room
                    continue
                keeper = asyncio.ensure_future(lease.keep())
                self.is_leader = True
                await self._recover(pool, lease)
                while not stop.is_set() and not keeper.done():
                    # Cleared before the pass, not after: a print that ends (or a job that
                    # arrives) while the pass runs wakes the next one at once. Cleared after,
                    # that wake was lost and its printer idled a whole poll interval.
                    self._wake.clear()
                    await self.tick(pool)
                    await self._sleep(stop, self.deps.settings.engine_poll_seconds,
                                      clear=False)
                if keeper.done():
                    raise LeaseLost(f"lease {LEASE_NAME} ran out")
            except asyncio.CancelledError:
                raise
            except LeaseLost as exc:
                # Prints of the lost tenure stop at their next effect; a successor (or this
                # engine's next tenure) finds their jobs PRINTING and has them checked.
                log.warning("print engine stands by: %s", exc)
            except Exception as exc:  # database down: wait and take the lease again
                log.warning("print engine paused: %s: %s", type(exc).__name__, exc)
                await self._sleep(stop, 1.0)
            finally:
                self.is_leader = False
                if keeper is not None:
                    keeper.cancel()
        await self.shutdown()
        with contextlib.suppress(Exception):
            await lease.release()

    async def _recover(self, pool: asyncpg.Pool, lease: Lease) -> None:
        token = lease.token
        async with self._fenced(pool, token) as conn:
            stuck = await handlers.recover_after_crash(self.deps, conn, token)
        if not stuck:
            return
        self.recovered += [r["id"] for r in stuck]
        log.warning("%d print jobs need a check after a change of print engine", len(stuck))
        for row in stuck:
            # The predecessor may be alive and paused: its CUPS job must never print now.
            try:
                if await handlers.cancel_cups_job(self.deps, row["cups_queue"],
                                                  row["cups_job_id"]):
                    log.warning("cancelled CUPS job %s-%s of job %s", row["cups_queue"],
                                row["cups_job_id"], row["id"])
            except IppError as exc:
                log.warning("CUPS job %s-%s of job %s not cancelled: %s", row["cups_queue"],
                            row["cups_job_id"], row["id"], exc)

    @contextlib.asynccontextmanager
    async def _fenced(self, pool: asyncpg.Pool, token: int | None) -> AsyncIterator[Connection]:
        """A transaction in which the print room is locked and the lease checked first."""
        assert self.lease is not None
        async with transaction(pool) as conn:
            await repo.lock_print_room(conn)
            await self.lease.check(conn, token)
            yield conn

    async def _sleep(self, stop: asyncio.Event, seconds: float, *, clear: bool = True) -> None:
        if clear:
            self._wake.clear()
        waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
        try:
            await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waits:
                w.cancel()

    async def tick(self, pool: asyncpg.Pool) -> int:
        """Dispatch, then start a print on every idle ONLINE printer. Returns prints started."""
        assert self.lease is not None
        token = self.lease.token
        claimed: list[tuple[str, CardJob]] = []
        # One fenced transaction plans and claims a job for every idle printer: the claims are
        # committed (PRINTING under this token) before any of their prints starts.
        async with self._fenced(pool, token) as conn:
            await handlers.dispatch(self.deps, conn)
            idle = [p.id for p in await repo.printer_loads(conn)
                    if p.status == "ONLINE" and p.id not in self.in_flight and p.load > 0]
            for printer_id in idle:
                row = await repo.printer_row(conn, printer_id)
                job = await handlers.claim_next(self.deps, conn, printer_id, token)
                if job is not None and row is not None:
                    claimed.append((row["driver"], job))
        for driver_name, job in claimed:
            self.in_flight[job.printer_id] = asyncio.ensure_future(
                self._print(pool, self.drivers[driver_name], job, token))
        return len(claimed)

    async def _print(self, pool: asyncpg.Pool, driver: PrinterDriver, job: CardJob,
                     token: int | None) -> None:
        async def fence(queue: str | None, cups_job_id: int | None) -> None:
            async def confirm() -> None:
                async with self._fenced(pool, token) as conn:
                    await handlers.confirm_print(conn, job.job_id, token, queue, cups_job_id)

            await self._until_done(confirm)

        try:
            try:
                outcome = await driver.print_card(job, fence)
            except LeaseLost as exc:
                log.warning("job %s not printed: %s", job.job_id, exc)
                return
            except Exception as exc:
                log.exception("driver failed on job %s", job.job_id)
                outcome = PrintOutcome(False, "PRINT_FAIL", f"{type(exc).__name__}: {exc}")

            async def record() -> None:
                async with self._fenced(pool, token) as conn:
                    await handlers.record_outcome(self.deps, conn, job.job_id, outcome, token)

            try:
                await self._until_done(record)
            except LeaseLost as exc:
                log.warning("outcome of job %s (%s) left to the operator's check: %s",
                            job.job_id, "printed" if outcome.ok else outcome.reason, exc)
        finally:
            if self.in_flight.get(job.printer_id) is asyncio.current_task():
                self.in_flight.pop(job.printer_id, None)
            self.wake()

    @staticmethod
    async def _until_done(step: Callable[[], Awaitable[T]]) -> T:
        """Retry a fenced step while the database is away; the lease bounds how long (once it
        ran out, the step raises LeaseLost)."""
        delay = 0.2
        while True:
            try:
                return await step()
            except TRANSIENT_DB_ERRORS:
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def shutdown(self) -> None:
        # An unfinished print is left PRINTING: the next holder turns it into NEEDS_CHECK.
        tasks = list(self.in_flight.values())
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(BaseException):
                await task
