"""Wires the inventory service: consumer handlers, the stock watch, the runtime."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

from ektp_shared.db import transaction
from ektp_shared.runtime import ConsumerSpec, ServiceRuntime

from . import handlers
from .config import Settings

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


class StockWatch:
    """Checks the stock for inventory.stock_low every ``stock_check_seconds``, and soon
    after anything moved (a nudge), at most once a second."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._nudged = asyncio.Event()
        self.checks = 0

    def nudge(self) -> None:
        self._nudged.set()

    async def run(self, runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                async with transaction(runtime.db) as conn:
                    await handlers.check_stock(conn, self.settings)
                self.checks += 1
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # database down: the next round tries again
                log.warning("stock check failed: %s: %s", type(exc).__name__, exc)
            self._nudged.clear()
            waiter = asyncio.ensure_future(self._nudged.wait())
            stopper = asyncio.ensure_future(stop.wait())
            try:
                await asyncio.wait({waiter, stopper}, timeout=self.settings.stock_check_seconds,
                                   return_when=asyncio.FIRST_COMPLETED)
            finally:
                for f in (waiter, stopper):
                    f.cancel()
                    with contextlib.suppress(BaseException):
                        await f
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=1.0)  # debounce bursts of moves


def build_runtime(settings: Settings) -> tuple[ServiceRuntime, StockWatch]:
    watch = StockWatch(settings)
    events = handlers.EventHandlers(settings, nudge=watch.nudge)
    runtime = ServiceRuntime(
        settings=settings,
        migrations_dir=MIGRATIONS,
        consumer_spec=ConsumerSpec(
            group_id=f"{settings.topic_prefix}inventory",
            topics=[settings.topic("printing"), settings.topic("central")],
            handlers=events.table(),
        ),
        background=[watch.run],
    )
    return runtime, watch
