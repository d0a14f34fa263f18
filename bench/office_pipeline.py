"""N residents through the whole office, end to end, at full speed.

    .venv/bin/python bench/office_pipeline.py [--residents 1000] [--concurrency 16]

The eight services run as real processes, as the end-to-end test starts them
(tests/e2e/e2e_stack.py), with a centre that answers at once (no verdict delay), the
simulated printer driver (zero time per card), three printers and a blank for everyone.
The roster of N comes from the centre first (not timed). Then N residents are recorded at
the given concurrency (POST /enrollments, each its own fingerprints) and the clock runs
until the dashboard counts N cards printed and the inventory ledger N blanks used.

With ``--outage``: issue #15's catch-up. The centre is down (its process stopped: connection
refused) from before the first recording until the last, or ``--outage-minutes`` if that is
longer: the N recordings pile up in the sync service as a backlog (10,000 take about three
minutes to record on a quiet machine; ``--outage-minutes 10`` makes it the issue's ten-minute
outage). Then the centre comes back and the clock runs until the
dashboard counts N printed and the ledger N used: the whole office's catch-up, through the
sync's drain, the verdicts, printing and inventory. In the same run the simulator's own accept
rate is timed like with like: N sealed packets straight at it, in batches of the sync's size
(100) with as many batches in flight as the sync keeps (2).

The clock is read on the dashboard's own counters (``/progress?live=false``, counted per
region whatever N is), twice a second. The live view also asks sync, printing and inventory
for their figures, which they count over their tables: at 50,000 that was about 40 ms of
printing's /print-room alone twice a second, an observer's cost growing with N.

Reported: residents per second from the first recording to the last card counted, and
seconds per resident; p50/p99 of POST /enrollments under that load; each service's peak
resident memory (RSS, sampled every 0.5 s); and, in the same run, the raw floors: raw
Kafka produce + consume at once (bench/platform_throughput.py) and raw asyncpg inserts of
the same recording, one transaction each at the same concurrency (fsync on).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "bench"))

from e2e_stack import Stack, running_stack  # noqa: E402
from platform_throughput import raw_kafka  # noqa: E402
from test_whole_office import population_with_roster, recording  # noqa: E402

from ektp_shared import devinfra  # noqa: E402
from ektp_shared.auth import generate_keypair  # noqa: E402
from ektp_shared.kafka_provision import SERVICE_TOPICS, provision  # noqa: E402
from ektp_shared.sealed_packet import (  # noqa: E402
    generate_centre_keypair,
    generate_sealing_keypair,
)
from ektp_shared.testing.resources import (  # noqa: E402
    create_scratch_database,
    create_service_database,
    drop_databases,
    migration_url_for_tests,
)

PRINTERS = 3
LOST: list[str] = []  # requests sent again after a lost connection


def keys(directory: Path) -> None:
    """The key pairs the test fixtures make (jwt_keys, centre_keys, print_room_keys)."""
    pairs = {
        "JWT": ("jwt.pem", "jwt.pub.pem", generate_keypair),
        "CENTRE": ("centre.key", "centre.pub", generate_centre_keypair),
        "PRINT_ROOM": ("print_room.key", "print_room.pub", generate_sealing_keypair),
    }
    for env, (private, public, make) in pairs.items():
        make(directory / private, directory / public)
        os.environ[f"EKTP_{env}_PRIVATE_KEY_FILE"] = str(directory / private)
        os.environ[f"EKTP_{env}_PUBLIC_KEY_FILE"] = str(directory / public)


class PeakMemory:
    def __init__(self, stack: Stack) -> None:
        self.procs = {name: psutil.Process(p.proc.pid) for name, p in stack.processes.items()}
        self.peak = dict.fromkeys(self.procs, 0)
        self._task = asyncio.create_task(self._sample())

    async def _sample(self) -> None:
        while True:
            for name, proc in self.procs.items():
                with contextlib.suppress(psutil.Error):
                    self.peak[name] = max(self.peak[name], proc.memory_info().rss)
            await asyncio.sleep(0.5)

    async def stop(self) -> dict[str, int]:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        return self.peak


async def keep_print_room_stocked(stack: Stack, n: int) -> None:
    """The storekeeper: issues of at most 500 (inventory's limit per issue), whenever the
    print room has fewer than 500 left, until all n are issued."""
    issued = 0
    while issued < n:
        stock = await stack.call("GET", "inventory", "/stock", role="storekeeper")
        if stock["by_location"].get("print-room", 0) < 500:
            quantity = min(500, n - issued)
            await stack.call("POST", "inventory", "/issues", role="storekeeper",
                             json={"quantity": quantity})
            issued += quantity
        else:
            # Every 2 s, not faster: /stock counts over every blank received (n of them), a
            # cost of the observer that would grow with n. 500 blanks last over 8 s.
            await asyncio.sleep(2)


async def report_progress(stack: Stack, t0: float) -> None:
    """A line a minute, so that a run cut short still tells its pace."""
    while True:
        await asyncio.sleep(60)
        with contextlib.suppress(Exception):
            k = (await stack.progress(live=False))["kabupaten"]
            print(f"  after {time.perf_counter() - t0:.0f} s: "
                  + ", ".join(f"{key} {value}" for key, value in k.items()
                              if isinstance(value, int))
                  + f" (load {os.getloadavg()[0]:.1f})", flush=True)


async def record_all(stack: Stack, bodies: list[dict[str, Any]],
                     concurrency: int) -> list[float]:
    latencies: list[float] = []
    queue = iter(bodies)
    url = stack.urls["enrollment"] + "/enrollments"
    headers = {"Authorization": f"Bearer {stack.tokens['operator']}"}

    async def clerk() -> None:
        for body in queue:
            t0 = time.perf_counter()
            try:
                r = await stack.http.post(url, json=body, headers=headers)
            except httpx.TransportError as exc:
                # A keep-alive connection the server closed as the request went out: the
                # clerk sends again (409 then: the first one was taken).
                LOST.append(repr(exc))
                r = await stack.http.post(url, json=body, headers=headers)
                assert r.status_code in (201, 409), r.text
            else:
                assert r.status_code == 201, r.text
            latencies.append(time.perf_counter() - t0)

    await asyncio.gather(*(clerk() for _ in range(concurrency)))
    return latencies


async def sync_drained(stack: Stack, back: float) -> float:
    """Seconds from the centre's return until the sync has nothing PENDING."""
    while True:
        status = await stack.call("GET", "sync", "/sync/status", role="operator")
        if not status["backlog"].get("PENDING", 0):
            return time.perf_counter() - back
        await asyncio.sleep(0.5)


async def centre_direct(stack: Stack, n: int, batch: int = 100, in_flight: int = 2) -> float:
    """The simulator's own accept rate: n sealed packets straight at it, batches of the
    sync's size, as many in flight as the sync keeps. NIKs of its own (not the roster's)."""
    from ektp_central_sim.testing import niks
    from ektp_central_sim.testing import recording as sealed

    key = Path(os.environ["EKTP_CENTRE_PUBLIC_KEY_FILE"])
    packets = []
    for i, nik in enumerate(niks(n, start=500_000)):
        e = sealed(nik, f"direct-{i:06d}", key)
        packets.append({"enrollment_id": e.enrollment_id, "nik": e.nik,
                        "demographics": e.demographics.model_dump(mode="json"),
                        "sealed_packet": e.sealed_packet})
    batches = iter(range(0, n, batch))
    url = stack.urls["central-sim"] + "/v1/enrollments/batch"

    async def sender() -> None:
        for i in batches:
            r = await stack.http.post(url, json={"packets": packets[i:i + batch]})
            r.raise_for_status()

    t0 = time.perf_counter()
    await asyncio.gather(*(sender() for _ in range(in_flight)))
    return n / (time.perf_counter() - t0)


async def raw_asyncpg(admin: str, bodies: list[dict[str, Any]], concurrency: int) -> float:
    """Inserts per second of the same recordings, one transaction each (fsync on)."""
    dsn = await create_scratch_database(admin, "floor", "bench")
    try:
        pool = await asyncpg.create_pool(dsn, min_size=concurrency, max_size=concurrency)
        await pool.execute("CREATE TABLE recording (id bigserial PRIMARY KEY, body jsonb)")
        encoded = [json.dumps(b) for b in bodies]
        queue = iter(encoded)

        async def clerk() -> None:
            for body in queue:
                await pool.execute("INSERT INTO recording (body) VALUES ($1::jsonb)", body)

        t0 = time.perf_counter()
        await asyncio.gather(*(clerk() for _ in range(concurrency)))
        took = time.perf_counter() - t0
        await pool.close()
        return len(bodies) / took
    finally:
        await drop_databases(admin, [dsn])


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--outage", action="store_true",
                        help="the centre down while recording; time the catch-up")
    parser.add_argument("--outage-minutes", type=float, default=0,
                        help="with --outage: keep the centre down this long (at least until "
                             "the last recording)")
    args = parser.parse_args()
    n = args.residents
    infra = devinfra.ensure_local_infra()
    if infra.kafka_admin_username and infra.kafka_admin_password:
        os.environ["EKTP_KAFKA_USERNAME"] = infra.kafka_admin_username
        os.environ["EKTP_KAFKA_PASSWORD"] = infra.kafka_admin_password
    admin = infra.postgres_admin_dsn
    os.environ["EKTP_MIGRATION_DATABASE_URL"] = migration_url_for_tests(admin)
    created: list[str] = []

    async def create_database(label: str) -> str:
        dsn = await create_service_database(admin, label, "bench")
        created.append(dsn)
        return dsn

    async def service_kafka(prefix: str) -> dict[str, Any]:
        passwords = {s.principal: devinfra.kafka_secret(s.principal) for s in SERVICE_TOPICS}
        await provision(infra.kafka, prefix=prefix, passwords=passwords)
        return {s.service: infra.kafka.as_user(s.principal, passwords[s.principal])
                for s in SERVICE_TOPICS}

    print(f"load at the start: {os.getloadavg()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="office-bench-") as tmp:
        work = Path(tmp)
        keys(work)
        prefix = f"b{uuid.uuid4().hex[:6]}."
        overrides = {"central-sim": {"EKTP_VERDICT_DELAY_SECONDS": "0"}}
        try:
            async with running_stack(infra, prefix, create_database, None, work,
                                     service_kafka, overrides) as stack:
                await run(stack, infra, admin, n, args)
        finally:
            await drop_databases(admin, created)


async def run(stack: Stack, infra: Any, admin: str, n: int, args: argparse.Namespace) -> None:
    # Fewer already holding a card at the larger sizes: the simulator generates at most
    # 150,000 residents, and a roster of 50,000 at 60% holding one needs about 180,000.
    card_share = 0.6 if n <= 20_000 else 0.2
    size = population_with_roster(n, card_share)
    await stack.call("POST", "central-sim", "/control/population",
                     json={"size": size, "card_share": card_share, "seed": 7110})
    await stack.call("POST", "sync", "/sync/roster/pull")
    while (await stack.progress(live=False))["kabupaten"]["target"] != n:  # noqa: ASYNC110
        await asyncio.sleep(1)
    entries: list[dict[str, Any]] = []
    page = 1
    while len(entries) < n:
        body = await stack.call("GET", "enrollment", "/roster", role="operator",
                                params={"per_page": 100, "page": page})
        entries += body["items"]
        page += 1
    for i in range(1, PRINTERS + 1):
        await stack.call("POST", "printing", "/printers", json={
            "name": f"Printer {i}", "model": "Evolis Primacy 2", "driver": "simulated",
            "location": "Ruang cetak", "status": "ONLINE", "reason": ""})
    import datetime as dt

    await stack.call("POST", "inventory", "/receipts", role="storekeeper", json={
        "letter_number": "470/BENCH/2026", "letter_date": dt.date.today().isoformat(),
        "quantity": n, "ranges": [{"first": "B0000001", "last": f"B{n:07d}"}]})
    storekeeper = asyncio.create_task(keep_print_room_stocked(stack, n))
    bodies = [recording(e, 10_000 + i) for i, e in enumerate(entries[:n])]
    print(f"roster of {n} in (load {os.getloadavg()[0]:.2f})", flush=True)

    floor_before = (n / await raw_kafka(infra.kafka, n),
                    await raw_asyncpg(admin, bodies, args.concurrency))
    print(f"floors measured; recording (load {os.getloadavg()[0]:.2f})", flush=True)
    memory = PeakMemory(stack)
    centre = stack.processes["central-sim"]
    if args.outage:
        centre.terminate()  # the centre is away: connection refused from now on
    t0 = down = time.perf_counter()
    reporter = asyncio.create_task(report_progress(stack, t0))
    latencies = await record_all(stack, bodies, args.concurrency)
    recorded = time.perf_counter() - t0
    print(f"recorded {n} in {recorded:.1f} s, {len(LOST)} sent again after a lost connection"
          f" (load {os.getloadavg()[0]:.2f})", flush=True)
    if args.outage:
        await asyncio.sleep(max(0.0, 60 * args.outage_minutes - (time.perf_counter() - down)))
        status = await stack.call("GET", "sync", "/sync/status", role="operator")
        outage = time.perf_counter() - down
        print(f"centre down {outage:.0f} s; sync backlog {status['backlog']}", flush=True)
        centre.start()
        await asyncio.to_thread(centre.wait_http, stack.urls["central-sim"] + "/healthz", 120)
        t0 = back = time.perf_counter()  # the catch-up is timed from the centre's return
        drained = asyncio.create_task(sync_drained(stack, back))
    deadline = time.monotonic() + args.timeout
    while True:
        k = (await stack.progress(live=False))["kabupaten"]
        if k["printed"] >= n:
            break
        if time.monotonic() > deadline:
            raise SystemExit(f"not all printed within {args.timeout:g} s: {k}")
        await asyncio.sleep(0.5)
    printed = time.perf_counter() - t0
    stock = await stack.call("GET", "inventory", "/stock", role="storekeeper")
    while stock["by_state"].get("USED", 0) < n and time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        stock = await stack.call("GET", "inventory", "/stock", role="storekeeper")
    counted = time.perf_counter() - t0
    peaks = await memory.stop()
    storekeeper.cancel()
    reporter.cancel()
    load = os.getloadavg()
    if args.outage:
        sync_seconds = await drained
        direct_rate = await centre_direct(stack, n)
        print(f"catch-up after the outage ({outage:.0f} s, backlog {n}): sync drained "
              f"(nothing PENDING) {sync_seconds:.1f} s after the centre's return "
              f"({n / sync_seconds:,.1f}/s); all printed {printed:.1f} s, counted by the ledger "
              f"{counted:.1f} s after it ({n / counted:,.1f} residents/s)")
        print(f"simulator's own accept rate, same run, batches of 100, 2 in flight: "
              f"{direct_rate:,.0f} packets/s; ratios: sync drain "
              f"{n / sync_seconds / direct_rate:.3f}, whole office {n / counted / direct_rate:.4f}")

    kafka_rate = n / await raw_kafka(infra.kafka, n)
    pg_rate = await raw_asyncpg(admin, bodies, args.concurrency)
    latencies.sort()
    rate = n / counted
    print(f"residents: {n}, concurrency {args.concurrency}, {PRINTERS} zero-time printers")
    print(f"recording: {n / recorded:,.1f} residents/s; POST /enrollments p50 "
          f"{1000 * statistics.median(latencies):.0f} ms, p99 "
          f"{1000 * latencies[int(0.99 * (n - 1))]:.0f} ms")
    print(f"printed on the dashboard after {printed:.1f} s; ledger counted after {counted:.1f} s")
    print(f"end to end: {rate:,.1f} residents/s, {1000 * counted / n:.1f} ms per resident")
    print("peak RSS: " + ", ".join(f"{k} {v / 2**20:.0f} MiB" for k, v in peaks.items()))
    kafka_mean = statistics.mean([floor_before[0], kafka_rate])
    print(f"raw Kafka produce + consume at once: {floor_before[0]:,.0f} msg/s before, "
          f"{kafka_rate:,.0f} after (ratio {rate / kafka_mean:.4f})")
    print(f"raw asyncpg insert of the recording, concurrency {args.concurrency}: "
          f"{floor_before[1]:,.0f} rows/s before, {pg_rate:,.0f} after "
          f"(ratio {rate / statistics.mean([floor_before[1], pg_rate]):.3f})")
    print(f"load average at the end of the office run: {load}; now {os.getloadavg()}")
    print(f"inventory /stock: {stock['by_state']}, invariant holds: {stock['invariant_holds']}")


if __name__ == "__main__":
    asyncio.run(main())
