"""Wires the inventory service: consumer handlers, the stock watch, the runtime."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from functools import partial
from pathlib import Path

from ektp_shared.db import transaction
from ektp_shared.lease import Lease, LeaseLost, while_held
from ektp_shared.runtime import ConsumerSpec, ServiceRuntime

from . import handlers
from .config import Settings

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
LEASE_NAME = "stock-watch"


class StockWatch:
    """Checks the stock for inventory.stock_low every ``stock_check_seconds``, and soon
    after anything moved (a nudge), at most once a second.

    Once per office: only the instance holding the lease ``stock-watch`` checks, and each check
    runs in a transaction that checks the lease's token first (a holder paused past its lease
    publishes nothing). Blanks move in whichever instance's consumer got the event: the
    handlers notify :data:`handlers.STOCK_MOVED` in their transaction, and the holder listens,
    so a nudge reaches it from any instance."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._nudged = asyncio.Event()
        self.checks = 0
        self.lease: Lease | None = None

    def nudge(self, *_: object) -> None:
        self._nudged.set()

    async def run(self, runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        self.lease = Lease(runtime.db, LEASE_NAME, ttl=self.settings.stock_lease_seconds)
        await while_held(self.lease, stop, partial(self._tenure, runtime))

    async def _tenure(self, runtime: ServiceRuntime, token: int) -> None:
        assert self.lease is not None
        async with runtime.db.acquire() as listening:
            await listening.add_listener(handlers.STOCK_MOVED, self.nudge)
            try:
                while True:
                    await self._check(runtime, token)
                    await self._rest()
            finally:
                with contextlib.suppress(Exception):
                    await listening.remove_listener(handlers.STOCK_MOVED, self.nudge)

    async def _check(self, runtime: ServiceRuntime, token: int) -> None:
        assert self.lease is not None
        self._nudged.clear()
        try:
            async with transaction(runtime.db) as conn:
                await self.lease.check(conn, token)
                await handlers.check_stock(conn, self.settings)
            self.checks += 1
        except (asyncio.CancelledError, LeaseLost):
            raise
        except Exception as exc:  # database down: the next round tries again
            log.warning("stock check failed: %s: %s", type(exc).__name__, exc)

    async def _rest(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._nudged.wait(), timeout=self.settings.stock_check_seconds)
        await asyncio.sleep(1.0)  # debounce bursts of moves


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
