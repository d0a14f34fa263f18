"""Two inventory instances on one database: the stock watch runs in one at a time (lease
stock-watch), a successor takes over within seconds when its holder stops renewing, and a
nudge from either instance's consumer reaches whichever holds it (issue 13)."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from dataclasses import dataclass

import asyncpg
import pytest

from ektp_inventory import handlers
from ektp_inventory.bootstrap import StockWatch
from ektp_shared.db import transaction
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import CardData, CentralPrintReady, InventoryStockLow

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


@dataclass
class Instance:
    """What StockWatch.run uses of a ServiceRuntime: the pool."""

    db: asyncpg.Pool


def ready(nik: str) -> CloudEvent:
    card = CardData(
        nik=nik, nama="WARGA", tempat_lahir="TUTUYAN", tanggal_lahir=dt.date(1990, 1, 5),
        jenis_kelamin="PEREMPUAN", alamat="JL. TRANS", rt="001", rw="002",
        kode_desa="7110012001", agama="ISLAM", status_perkawinan="KAWIN",
        pekerjaan="PETANI", photo_jpeg_b64="AA==", signature_png_b64="AA==")
    return CloudEvent.wrap(CentralPrintReady(enrollment_id=f"e-{nik}", nik=nik, card=card,
                                             sealed_images="c2VhbGVk"), "sync")


async def stock_lows(pool: asyncpg.Pool) -> int:
    return int(await pool.fetchval("SELECT count(*) FROM outbox WHERE ce_type = $1",
                                   InventoryStockLow.ce_type()))


async def until(check, seconds: float, what: str) -> float:
    started = time.monotonic()
    while not await check():
        if time.monotonic() - started > seconds:
            raise AssertionError(f"not within {seconds} s: {what}")
        await asyncio.sleep(0.05)
    return time.monotonic() - started


async def backlog(pool: asyncpg.Pool, settings, first: int, count: int) -> None:
    """Residents printable: as a consumer of either instance records them (and notifies)."""
    events = handlers.EventHandlers(settings)
    async with transaction(pool) as conn:
        for i in range(first, first + count):
            e = ready(f"711001450192{i:04d}")
            await events.print_ready(conn, e, e.payload())


async def test_the_stock_watch_runs_in_one_instance_and_moves_when_it_dies(api, auth_header):
    settings = api.settings.model_copy(update={
        "stock_check_seconds": 60.0, "low_stock_threshold": 10, "stock_lease_seconds": 1.0})
    pool = api.pool
    r = await api.post("/receipts", headers=auth_header("storekeeper"), json={
        "letter_number": "470/3", "letter_date": "2025-11-03",
        "ranges": [{"first": "BLK0001", "last": "BLK0050"}]})
    assert r.status_code == 201
    watches = [StockWatch(settings), StockWatch(settings)]
    stops = [asyncio.Event(), asyncio.Event()]
    tasks = [asyncio.ensure_future(w.run(Instance(pool), s))  # type: ignore[arg-type]
             for w, s in zip(watches, stops, strict=True)]
    try:
        async def someone_checked() -> bool:
            return sum(w.checks for w in watches) > 0
        await until(someone_checked, 10, "a first check")
        await asyncio.sleep(1.0)  # time for the other to check too, were it not standing by
        holder = next(w for w in watches if w.checks)
        other = next(w for w in watches if w is not holder)
        assert other.checks == 0  # it stands by
        assert await stock_lows(pool) == 0  # 50 in store, nobody waiting: not low

        # 80 residents waiting for 50 blanks: the holder hears the notification at once.
        await backlog(pool, settings, 1, 80)

        async def warned() -> bool:
            return await stock_lows(pool) == 1
        assert await until(warned, 5, "stock_low after the nudge") < 3

        # The holder stops renewing (a process paused or gone): the other one takes over
        # once the lease ran out, and checks at once.
        assert holder.lease is not None and other.lease is not None
        before = other.checks
        holder.lease.paused = True

        async def taken_over() -> bool:
            return other.checks > before
        took = await until(taken_over, 10, "the other instance checks")
        assert took < 4, took
        assert other.lease.token is not None and other.lease.token > (holder.lease.token or 0)
        assert await stock_lows(pool) == 1  # nothing changed: no second warning

        # The backlog grows by more than the step: one more warning, from the new holder,
        # nudged by a notification from any connection.
        checks_of_the_old = holder.checks
        await backlog(pool, settings, 81, settings.stock_low_step + 10)

        async def warned_again() -> bool:
            return await stock_lows(pool) == 2
        await until(warned_again, 5, "the second stock_low")
        await asyncio.sleep(1.5)
        assert await stock_lows(pool) == 2
        assert holder.checks == checks_of_the_old  # the paused one did nothing meanwhile
    finally:
        for s in stops:
            s.set()
        await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 10)
