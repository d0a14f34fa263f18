"""Inventory benchmark: ledger events applied per second, and the reconciliation report's
time at 1,000,000 serials.

    .venv/bin/python bench/inventory_ledger.py [--serials 1000000] [--events 3000]

Uses the local PostgreSQL (started if needed), a fresh database of its own (dropped at the
end), and bounded work: the events phase stops after --events or 45 s, whichever first.
Events go through the same path as the consumer: inbox row + handler, one transaction each.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import time

import asyncpg

from ektp_inventory import handlers
from ektp_inventory.bootstrap import MIGRATIONS
from ektp_inventory.config import Settings
from ektp_shared import devinfra
from ektp_shared.db import create_pool, migrate, transaction
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import PrintingCardPrinted
from ektp_shared.testing.resources import create_scratch_database, drop_databases

DAYS = 90


def serial(i: int) -> str:
    return f"BLK{i:08d}"


async def load(pool: asyncpg.Pool, n: int) -> float:
    """n serials received over DAYS days; 30% issued, of which 96% used and 4% spoiled,
    half the spoiled destroyed. Loaded with COPY."""
    start = dt.datetime(2025, 1, 1, 8, tzinfo=dt.UTC)
    t0 = time.perf_counter()
    blanks, moves = [], []
    for i in range(1, n + 1):
        day = start + dt.timedelta(days=(i * DAYS) // (n + 1), seconds=i % 3600)
        s = serial(i)
        moves.append((s, "RECEIVED", None, "IN_STORE", "BATCH", "bench", day))
        state = "IN_STORE"
        if i % 10 < 3:
            later = day + dt.timedelta(hours=2)
            moves.append((s, "ISSUED", "IN_STORE", "ISSUED", "ISS", "bench", later))
            if i % 25:
                moves.append((s, "USED", "ISSUED", "USED", "job", "printing", later))
                state = "USED"
            else:
                moves.append((s, "SPOILED", "ISSUED", "SPOILED", "job", "printing", later))
                state = "SPOILED"
                if i % 2:
                    moves.append((s, "DESTROYED", "SPOILED", "DESTROYED", "BAP", "bench",
                                  later + dt.timedelta(days=1)))
                    state = "DESTROYED"
        blanks.append((s, state, "BATCH", day, day))
    async with pool.acquire() as conn:
        await conn.copy_records_to_table(
            "blanks", records=blanks,
            columns=["serial", "state", "batch_reference", "received_at", "updated_at"])
        await conn.copy_records_to_table(
            "movements", records=moves,
            columns=["serial", "kind", "from_state", "to_state", "reference", "actor", "at"])
        await conn.execute("ANALYZE blanks; ANALYZE movements")
    return time.perf_counter() - t0


async def events_per_second(
    pool: asyncpg.Pool, settings: Settings, count: int
) -> tuple[int, float]:
    first = 5_000_000
    async with pool.acquire() as conn:
        await conn.copy_records_to_table("blanks", records=[
            (serial(first + i), "ISSUED", "BENCH-EV") for i in range(count)],
            columns=["serial", "state", "batch_reference"])
        await conn.copy_records_to_table("movements", records=[
            (serial(first + i), kind, before, after, "BENCH-EV", "bench")
            for i in range(count)
            for kind, before, after in (("RECEIVED", None, "IN_STORE"),
                                        ("ISSUED", "IN_STORE", "ISSUED"))],
            columns=["serial", "kind", "from_state", "to_state", "reference", "actor"])
    h = handlers.EventHandlers(settings)
    deadline = time.monotonic() + 45
    t0 = time.perf_counter()
    done = 0
    for i in range(count):
        if time.monotonic() > deadline:
            break
        event = CloudEvent.wrap(PrintingCardPrinted(
            job_id=f"j{i}", nik=f"711001450190{i % 10000:04d}", blank_serial=serial(first + i),
            printer_id="P1"), "printing")
        async with transaction(pool) as conn:
            await conn.execute(
                "INSERT INTO inbox (ce_id, ce_type, topic, kafka_partition, kafka_offset)"
                " VALUES ($1, $2, 'bench', 0, $3)", event.id, event.type, i)
            await h.card_printed(conn, event, event.payload())
        done += 1
    return done, time.perf_counter() - t0


async def main(n: int, count: int) -> None:
    admin = devinfra.ensure_local_infra().postgres_admin_dsn
    dsn = await create_scratch_database(admin, "inventory", "bench")
    try:
        await migrate(dsn, MIGRATIONS)
        settings = Settings(database_url=dsn)
        pool = await create_pool(dsn, min_size=1, max_size=4)
        try:
            done, secs = await events_per_second(pool, settings, count)
            print(f"ledger events (card_printed, inbox + handler, 1 tx each): {done} in "
                  f"{secs:.2f} s = {done / secs:.0f} events/s")
            loaded = await load(pool, n)
            print(f"loaded {n:,} serials and their movements with COPY in {loaded:.1f} s")
            timings = []
            for _ in range(3):
                t0 = time.perf_counter()
                async with transaction(pool) as c:
                    report = await handlers.reconciliation_report(
                        c, settings, dt.date(2025, 1, 1), dt.date(2025, 1, 1) + dt.timedelta(
                            days=DAYS - 1))
                timings.append(time.perf_counter() - t0)
            t = report["totals"]
            print(f"reconciliation report, {DAYS} days over {n:,} serials: median "
                  f"{statistics.median(timings) * 1000:.0f} ms (runs: "
                  f"{', '.join(f'{x * 1000:.0f}' for x in timings)} ms); totals: "
                  f"received {t['received']:,}, used {t['used']:,}, closing {t['closing']:,}")
            t0 = time.perf_counter()
            async with transaction(pool) as c:
                stock = await handlers.stock(c)
            print(f"GET /stock body (counts by state + invariant) at {n:,} serials: "
                  f"{(time.perf_counter() - t0) * 1000:.0f} ms, invariant holds: "
                  f"{stock['invariant_holds']}")
        finally:
            await pool.close()
    finally:
        await drop_databases(admin, [dsn])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--serials", type=int, default=1_000_000)
    ap.add_argument("--events", type=int, default=3000)
    args = ap.parse_args()
    asyncio.run(main(args.serials, args.events))
