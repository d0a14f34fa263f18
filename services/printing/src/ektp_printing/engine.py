"""The print engine: one per database, it runs the dispatcher and feeds each ONLINE printer.

A job goes PRINTING in a committed transaction before its driver starts, and its outcome is
written in another. A process that dies in between leaves the job PRINTING; the next engine
to start turns it into NEEDS_CHECK before printing anything, so no blank is ever assumed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import asyncpg

from ektp_shared.db import TRANSIENT_DB_ERRORS, transaction

from . import handlers
from .adapters import repository as repo
from .adapters.drivers import CardJob, PrinterDriver, PrintOutcome

log = logging.getLogger(__name__)


class PrintEngine:
    def __init__(self, deps: handlers.Deps, drivers: dict[str, PrinterDriver]) -> None:
        self.deps = deps
        self.drivers = drivers
        self.in_flight: dict[str, asyncio.Task[None]] = {}  # printer_id -> its print
        self.jobs_in_flight: set[str] = set()
        self.recovered: list[str] = []
        self.is_leader = False
        self._wake = asyncio.Event()
        deps.wake = self.wake

    def wake(self) -> None:
        self._wake.set()

    async def run(self, pool: asyncpg.Pool, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                async with pool.acquire() as lock_conn:
                    if not await lock_conn.fetchval("SELECT pg_try_advisory_lock($1)",
                                                    repo.ENGINE_LOCK):
                        await self._sleep(stop, 2.0)  # another process runs the print room
                        continue
                    self.is_leader = True
                    try:
                        async with transaction(pool) as conn:
                            self.recovered += await handlers.recover_after_crash(
                                self.deps, conn, self.jobs_in_flight)
                        if self.recovered:
                            log.warning("%d print jobs need a check after a restart",
                                        len(self.recovered))
                        while not stop.is_set():
                            await self.tick(pool)
                            await self._sleep(stop, self.deps.settings.engine_poll_seconds)
                    finally:
                        self.is_leader = False
                        with contextlib.suppress(Exception):
                            await lock_conn.execute("SELECT pg_advisory_unlock($1)",
                                                    repo.ENGINE_LOCK)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # database down: wait and take the lock again
                log.warning("print engine paused: %s: %s", type(exc).__name__, exc)
                await self._sleep(stop, 1.0)
        await self.shutdown()

    async def _sleep(self, stop: asyncio.Event, seconds: float) -> None:
        self._wake.clear()
        waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._wake.wait())]
        try:
            await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for w in waits:
                w.cancel()

    async def tick(self, pool: asyncpg.Pool) -> int:
        """Dispatch, then start a print on every idle ONLINE printer. Returns prints started."""
        async with transaction(pool) as conn:
            await handlers.dispatch(self.deps, conn)
            idle = [p.id for p in await repo.printer_loads(conn)
                    if p.status == "ONLINE" and p.id not in self.in_flight and p.load > 0]
        started = 0
        for printer_id in idle:
            async with transaction(pool) as conn:
                row = await repo.printer_row(conn, printer_id)
                job = await handlers.claim_next(self.deps, conn, printer_id)
            if job is None or row is None:
                continue
            driver = self.drivers[row["driver"]]
            self.jobs_in_flight.add(job.job_id)
            self.in_flight[printer_id] = asyncio.ensure_future(self._print(pool, driver, job))
            started += 1
        return started

    async def _print(self, pool: asyncpg.Pool, driver: PrinterDriver, job: CardJob) -> None:
        try:
            try:
                outcome = await driver.print_card(job)
            except Exception as exc:
                log.exception("driver failed on job %s", job.job_id)
                outcome = PrintOutcome(False, "PRINT_FAIL", f"{type(exc).__name__}: {exc}")
            delay = 0.5
            while True:
                try:
                    async with transaction(pool) as conn:
                        await handlers.record_outcome(self.deps, conn, job.job_id, outcome)
                    break
                except TRANSIENT_DB_ERRORS:
                    # The card is out (or spoiled); keep the answer until the database is back.
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 10.0)
        finally:
            self.in_flight.pop(job.printer_id, None)
            self.jobs_in_flight.discard(job.job_id)
            self.wake()

    async def shutdown(self) -> None:
        # An unfinished print is left PRINTING: the next start turns it into NEEDS_CHECK.
        tasks = list(self.in_flight.values())
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(BaseException):
                await task
