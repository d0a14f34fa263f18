"""GET /progress latency with a read model of 1,000,000 residents (and the resident lookup
and the stuck list beside it).

    .venv/bin/python bench/dashboard_progress.py [--residents 1000000] [--seconds 15]

Loads the read model with COPY (residents spread over Boltim's 81 desa, in every state,
with one timeline step each), builds the per-desa counters from the rows, then starts the
dashboard as a real uvicorn process on a free port against the shared local PostgreSQL and
Kafka, and measures from this process on the same 2-core machine: first one request at a
time, then 8 at a time. The other services are not running: /progress is asked with
live=false (the read model alone) and with live=true (the other services down, answers
cached), both reported.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import httpx

from ektp_dashboard.adapters import repository as repo
from ektp_dashboard.domain import resident as res
from ektp_shared import devinfra, wilayah
from ektp_shared.auth import generate_keypair, issue_token
from ektp_shared.nik import make_nik
from ektp_shared.testing.kafka import provisioned_env
from ektp_shared.testing.resources import create_scratch_database, drop_databases, free_port

# The default office's token issuer (ektp_shared.office).
ISSUER = "dukcapil.bolaangmongondowtimurkab.go.id"

ROOT = Path(__file__).resolve().parents[1]
MIGRATIONS = ROOT / "services" / "dashboard" / "migrations"

# Where a million residents stand: most done, a tail at every step.
MIX = [
    ("CARD_ISSUED", {"recorded", "sent", "print_ready", "printed", "issued"}, 0.80),
    ("CARD_PRINTED", {"recorded", "sent", "print_ready", "printed"}, 0.03),
    ("PRINT_READY_RECORD", {"recorded", "sent", "print_ready"}, 0.05),
    ("SENT_FOR_ENROLLMENT", {"recorded", "sent"}, 0.03),
    ("SUDAH_REKAM", {"recorded"}, 0.01),
    ("DUPLICATE_RECORD", {"recorded", "sent", "duplicate"}, 0.01),
    ("ENROLL_FAILURE", {"recorded", "sent", "failed"}, 0.005),
    ("BELUM_REKAM", set(), 0.08),
    ("PINDAH", set(), 0.015),
]


def bench_nik(i: int) -> str:
    """A valid NIK, unique for each i: birth date from i // 9000, serial from i % 9000."""
    born = dt.date(1960, 1, 1) + dt.timedelta(days=i // 9000)
    return make_nik("711001", born, "LAKI-LAKI", 1 + i % 9000)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def load(dsn: str, n: int) -> dict[str, float]:
    from ektp_shared.db import migrate

    await migrate(dsn, MIGRATIONS)
    desa = sorted(wilayah.boltim_desa())
    rng = random.Random(7110)
    kinds = [(st, ms) for st, ms, _ in MIX]
    weights = [w for _, _, w in MIX]
    now = dt.datetime.now(dt.UTC)
    archetypes = {}
    for st, ms in kinds:
        r = res.Resident(nik="x", status=st, on_roster=True, milestones=frozenset(ms),
                         field_outcome="PINDAH" if st == "PINDAH" else None, seen=True)
        archetypes[st] = (sorted(ms), sorted(res.contributions(r)))

    def rows():  # type: ignore[no-untyped-def]
        for i in range(n):
            st, _ = rng.choices(kinds, weights)[0]
            ms, contrib = archetypes[st]
            kode = desa[i % len(desa)]
            since = now - dt.timedelta(hours=rng.uniform(0, 2000))
            yield (bench_nik(i), f"Warga {i}", kode, st, since, True,
                   f"E-{i}", "PINDAH" if st == "PINDAH" else None, ms, contrib)

    conn = await asyncpg.connect(dsn)
    try:
        t0 = time.perf_counter()
        await conn.copy_records_to_table(
            "residents", records=rows(),
            columns=["nik", "nama", "kode_desa", "status", "status_since", "on_roster",
                     "enrollment_id", "field_outcome", "milestones", "contributions"])
        t_copy = time.perf_counter() - t0
        t0 = time.perf_counter()
        await conn.execute(
            """INSERT INTO resident_steps (nik, at, kind, status, ce_id, detail)
               SELECT nik, status_since - interval '30 days', 'central.roster_entry',
                      'BELUM_REKAM', 'bench-' || nik, '{}'::jsonb FROM residents""")
        t_steps = time.perf_counter() - t0
        t0 = time.perf_counter()
        await repo.rebuild_counters(conn)
        for d in range(14):
            day = now.date() - dt.timedelta(days=d)
            for metric, per_day in (("recorded", 300), ("printed", 250), ("issued", 240),
                                    ("sent", 300), ("print_ready", 280)):
                await repo.bump_daily(conn, day, metric, per_day)
        for p, st in (("P1", "ONLINE"), ("P2", "ONLINE"), ("P3", "ONLINE"), ("P4", "BROKEN")):
            await repo.set_printer_status(conn, p, st, "", now)
        await repo.bump_blanks(conn, {"IN_STORE": 5000, "ISSUED": 2000, "USED": 850_000})
        await conn.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load
        t_counters = time.perf_counter() - t0
    finally:
        await conn.close()
    return {"copy": t_copy, "steps": t_steps, "counters": t_counters}


async def measure(url: str, path: str, token: str, *, sequential: int, seconds: float,
                  concurrency: int) -> dict[str, float]:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as c:
        for _ in range(5):  # warm-up
            assert (await c.get(path)).status_code == 200
        seq = []
        for _ in range(sequential):
            t0 = time.perf_counter()
            r = await c.get(path)
            seq.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, r.text
        conc: list[float] = []
        deadline = time.monotonic() + seconds

        async def worker() -> None:
            while time.monotonic() < deadline:
                t0 = time.perf_counter()
                r = await c.get(path)
                conc.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return {"seq_p50": statistics.median(seq), "seq_p95": pct(seq, 95), "seq_p99": pct(seq, 99),
            "conc_p50": statistics.median(conc), "conc_p95": pct(conc, 95),
            "conc_rps": len(conc) / seconds}


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--residents", type=int, default=1_000_000)
    ap.add_argument("--seconds", type=float, default=10.0)
    args = ap.parse_args()

    infra = devinfra.ensure_local_infra()
    dsn = await create_scratch_database(infra.postgres_admin_dsn, "dashboard", "bench")
    keys = Path(tempfile.mkdtemp(prefix="bench-keys-"))
    generate_keypair(keys / "jwt.pem", keys / "jwt.pub.pem")
    proc = None
    try:
        t0 = time.perf_counter()
        loaded = await load(dsn, args.residents)
        print(f"loaded {args.residents:,} residents in {time.perf_counter() - t0:.1f}s "
              f"(COPY {loaded['copy']:.1f}s, steps {loaded['steps']:.1f}s, "
              f"counters {loaded['counters']:.1f}s)")
        port = free_port()
        kafka = await provisioned_env(infra.kafka, f"bench{uuid.uuid4().hex[:6]}.")
        env = {**os.environ, "EKTP_DATABASE_URL": dsn, **kafka,
               "EKTP_JWT_PUBLIC_KEY_FILE": str(keys / "jwt.pub.pem"),
               "EKTP_SYNC_URL": "http://127.0.0.1:9", "EKTP_INVENTORY_URL": "http://127.0.0.1:9",
               "EKTP_PRINTING_URL": "http://127.0.0.1:9", "EKTP_LOG_LEVEL": "WARNING"}
        proc = subprocess.Popen(  # noqa: ASYNC220 - started once, before any measuring
            [sys.executable, "-m", "uvicorn", "--factory",
             "ektp_dashboard.entrypoints.api:build_app", "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning", "--no-access-log"],
            env=env, stdout=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(url + "/readyz", timeout=1).status_code == 200:  # noqa: ASYNC210
                    break
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.2)
        token = issue_token((keys / "jwt.pem").read_bytes(), user="bench", role="supervisor",
                            issuer=ISSUER, audience="ektp",
                            ttl=dt.timedelta(hours=1))
        async with httpx.AsyncClient(base_url=url) as c:
            body = (await c.get("/progress?live=false",
                                headers={"Authorization": f"Bearer {token}"})).json()
        print(f"read model: kabupaten target {body['kabupaten']['target']:,}, issued "
              f"{body['kabupaten']['issued']:,}, residents {body['kabupaten']['residents']:,}")
        nik = bench_nik(args.residents // 2)
        for label, path in (("GET /progress?live=false", "/progress?live=false"),
                            ("GET /progress (services down, cached)", "/progress"),
                            ("GET /residents/{nik}", f"/residents/{nik}"),
                            ("GET /stuck?limit=100", "/stuck?limit=100")):
            m = await measure(url, path, token, sequential=200, seconds=args.seconds,
                              concurrency=8)
            print(f"{label:40s} one at a time: p50 {m['seq_p50']:6.1f} ms  p95 "
                  f"{m['seq_p95']:6.1f} ms  p99 {m['seq_p99']:6.1f} ms | 8 at a time: p50 "
                  f"{m['conc_p50']:6.1f} ms  p95 {m['conc_p95']:6.1f} ms  "
                  f"{m['conc_rps']:6.1f} req/s")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
        await drop_databases(infra.postgres_admin_dsn, [dsn])


if __name__ == "__main__":
    asyncio.run(main())
