"""A print room on a scratch database with print engines run in-process, each with its own
pool (as two processes would have), and CUPS queues of a test's own on the real cupsd."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
from printing_samples import card, sealed_images

from ektp_printing import handlers
from ektp_printing.adapters.drivers import (
    CardLayout,
    CardRenderer,
    CupsDriver,
    PrinterDriver,
    SlowDriver,
)
from ektp_printing.adapters.ipp import IppClient
from ektp_printing.bootstrap import MIGRATIONS
from ektp_printing.config import Settings
from ektp_printing.engine import PrintEngine
from ektp_shared import devinfra
from ektp_shared.auth import Principal
from ektp_shared.db import create_pool, transaction
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import CentralPrintReady, InventoryIssued
from ektp_shared.testing.resources import migrate_as_owner

CUPS_URL = "http://127.0.0.1:631"
LAYOUT = CardLayout("Bolaang Mongondow Timur", "Sulawesi Utara", "Bolaang Mongondow Timur")
SUPERVISOR = Principal(user="kepala-ruang-cetak", role="supervisor")
PRINTER = Principal(user="operator-cetak", role="printer")


@contextlib.contextmanager
def own_cups_queue(*, stopped: bool) -> Iterator[str]:
    """A cups-pdf queue of this test's own on the shared cupsd (never ektp-cups-pdf itself),
    stopped (cupsdisable) if asked so that its jobs stay pending; deleted afterwards."""
    devinfra.start_cups()
    name = f"ektp-test-{uuid.uuid4().hex[:8]}"
    subprocess.run(["lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{devinfra.CUPS_PDF_INSTANCE}",
                    "-P", str(devinfra.CUPS_PDF_PPD)], check=True, capture_output=True,
                   timeout=30)
    try:
        if stopped:
            subprocess.run(["cupsdisable", name], check=True, capture_output=True, timeout=30)
        yield name
    finally:
        subprocess.run(["lpadmin", "-x", name], check=False, capture_output=True, timeout=30)


def cups_driver(spool: Path, queue: str, *, timeout: float = 60.0,
                slow: float = 0.0) -> PrinterDriver:
    driver = CupsDriver(CardRenderer(spool, LAYOUT, preview=False), IppClient(CUPS_URL),
                        default_queue=queue, timeout=timeout, poll_seconds=0.1)
    return SlowDriver(driver, slow)


@dataclass
class RunningEngine:
    engine: PrintEngine
    pool: asyncpg.Pool
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None

    async def close(self) -> None:
        self.stop.set()
        if self.task is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.task, 30)
        await self.pool.close()


@dataclass
class PrintRoom:
    settings: Settings
    db: asyncpg.Pool
    engines: list[RunningEngine] = field(default_factory=list)

    def deps(self, **overrides: Any) -> handlers.Deps:
        settings = self.settings.model_copy(update=overrides) if overrides else self.settings
        return handlers.Deps(settings=settings)

    async def start_engine(self, drivers: dict[str, PrinterDriver]) -> RunningEngine:
        pool = await create_pool(self.settings.database_url, min_size=1, max_size=4)
        running = RunningEngine(PrintEngine(self.deps(), drivers), pool)
        running.task = asyncio.ensure_future(running.engine.run(pool, running.stop))
        self.engines.append(running)
        return running

    async def register_cups_printer(self, queue: str) -> str:
        async with transaction(self.db) as conn:
            return await handlers.register_printer(
                self.deps(), conn, SUPERVISOR, name=f"Printer {queue}", model="Evolis Primacy 2",
                driver="cups", location="Ruang cetak", queue=queue, status="ONLINE", reason="")

    async def blanks_arrive(self, serials: list[str]) -> None:
        data = InventoryIssued(reference=f"BAST-{uuid.uuid4().hex[:6]}", serials=serials)
        async with transaction(self.db) as conn:
            await handlers.on_blanks_issued(self.deps(), conn, CloudEvent.wrap(data, "inventory"),
                                            data)

    async def card_ready(self, i: int) -> str:
        c = card(i)
        data = CentralPrintReady(enrollment_id=f"enr-{c.nik}", nik=c.nik, card=c,
                                 sealed_images=sealed_images(c))
        async with transaction(self.db) as conn:
            await handlers.on_print_ready(self.deps(), conn, CloudEvent.wrap(data, "central-sim"),
                                          data)
        # A print_ready only adds the job; the engine's next pass gives it a blank and a
        # printer. Done here too, for the tests that drive the handlers with no engine.
        async with transaction(self.db) as conn:
            await handlers.dispatch(self.deps(), conn)
        return c.nik

    async def close(self) -> None:
        for running in self.engines:
            await running.close()
        await self.db.close()


async def print_room(dsn: str, spool: Path, **settings: Any) -> PrintRoom:
    await migrate_as_owner(dsn, MIGRATIONS)
    values: dict[str, Any] = dict(database_url=dsn, spool_dir=spool, engine_poll_seconds=0.05,
                                  engine_lease_seconds=1.0, blanks_low_threshold=0,
                                  cups_url=CUPS_URL, log_json=False)
    values.update(settings)
    return PrintRoom(Settings(**values), await create_pool(dsn, min_size=1, max_size=4))


async def cups_jobs_of(queue: str, job_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """What cupsd itself knows (Get-Jobs, which-jobs=all): the CUPS jobs named after each of
    these print jobs."""
    jobs = await IppClient(CUPS_URL).jobs(queue)
    return {job_id: [j for j in jobs if str(j["job-name"]).endswith(job_id)]
            for job_id in job_ids}
