"""Builds the printing runtime: consumer handlers, drivers and the print engine."""

from __future__ import annotations

import asyncio
import functools
from pathlib import Path
from typing import Any

from ektp_shared.events import (
    CentralPrintReady,
    CentralSubmitted,
    InventoryIssued,
    InventoryReturned,
)
from ektp_shared.runtime import ConsumerSpec, ServiceRuntime

from . import handlers
from .adapters.drivers import (
    CardLayout,
    CardRenderer,
    CupsDriver,
    FaultyDriver,
    PdfDriver,
    PrinterDriver,
    SimulatedDriver,
    SlowDriver,
)
from .adapters.ipp import IppClient
from .config import Settings
from .engine import PrintEngine
from .purge import run_purge

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def build_drivers(settings: Settings) -> dict[str, PrinterDriver]:
    renderer = CardRenderer(settings.spool_dir, CardLayout(
        issue_place=settings.issue_place, provinsi=settings.issue_provinsi,
        kabupaten=settings.office.card_header,
    ))
    base: dict[str, PrinterDriver] = {
        "pdf": PdfDriver(renderer),
        "cups": CupsDriver(renderer, IppClient(settings.cups_url, user=settings.cups_user),
                           default_queue="ektp-cups-pdf", timeout=settings.cups_timeout_seconds),
        "simulated": SimulatedDriver(),
    }
    drivers: dict[str, PrinterDriver] = {}
    for name, driver in base.items():
        if settings.fault_rate > 0:
            driver = FaultyDriver(driver, settings.fault_rate, settings.fault_seed)
        drivers[name] = SlowDriver(driver, settings.print_seconds)
    return drivers


def build(settings: Settings) -> tuple[ServiceRuntime, handlers.Deps, PrintEngine]:
    deps = handlers.Deps(settings=settings)
    engine = PrintEngine(deps, build_drivers(settings))

    def bind(handler: Any) -> Any:
        return functools.partial(handler, deps)

    async def run_engine(runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        await engine.run(runtime.db, stop)

    async def purge_card_images(runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        await run_purge(settings, runtime, stop)

    runtime = ServiceRuntime(
        settings=settings,
        migrations_dir=MIGRATIONS,
        consumer_spec=ConsumerSpec(
            group_id=f"{settings.topic_prefix}printing",
            topics=[settings.topic("central"), settings.topic("inventory")],
            handlers={
                CentralPrintReady.ce_type(): bind(handlers.on_print_ready),
                CentralSubmitted.ce_type(): bind(handlers.on_submitted),
                InventoryIssued.ce_type(): bind(handlers.on_blanks_issued),
                InventoryReturned.ce_type(): bind(handlers.on_blanks_returned),
            },
        ),
        background=[run_engine, purge_card_images],
    )
    return runtime, deps, engine
