"""POST /enrollments throughput and latency at concurrency 16 with ~30 KB recordings,
against a bare FastAPI endpoint doing one asyncpg INSERT of the same payload, same run.

    .venv/bin/python bench/enrollment_post.py [--seconds 20] [--commit-delay 0,1000]

Both servers are real uvicorn processes on free ports (one worker each) against the
shared local PostgreSQL; the enrollment service also runs its outbox relay to the local
Kafka. The load generator runs in this process, on the same 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import httpx
from fastapi import FastAPI, Request

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "services" / "enrollment" / "tests"))

from enrollment_testdata import recording  # noqa: E402

from ektp_shared import devinfra  # noqa: E402
from ektp_shared.auth import generate_keypair, issue_token  # noqa: E402
from ektp_shared.nik import make_nik  # noqa: E402
from ektp_shared.sealed_packet import generate_centre_keypair  # noqa: E402
from ektp_shared.testing.kafka import provisioned_env  # noqa: E402
from ektp_shared.testing.resources import (  # noqa: E402
    create_scratch_database,
    drop_databases,
    free_ports,
)

# The default office's token issuer (ektp_shared.office).
ISSUER = "dukcapil.bolaangmongondowtimurkab.go.id"
CONCURRENCY = 16


def build_bare():  # type: ignore[no-untyped-def]
    """The baseline: parse the same JSON body, one INSERT, answer 201."""
    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        app.state.pool = await asyncpg.create_pool(os.environ["BARE_DSN"], max_size=10)
        await app.state.pool.execute(
            "CREATE TABLE IF NOT EXISTS bare (id UUID PRIMARY KEY, nik TEXT, body JSONB)")
        yield
        await app.state.pool.close()

    app = FastAPI(lifespan=lifespan)

    @app.post("/enrollments", status_code=201)
    async def create(request: Request) -> dict[str, str]:
        body = await request.json()
        eid = uuid.uuid4()
        await request.app.state.pool.execute(
            "INSERT INTO bare (id, nik, body) VALUES ($1, $2, $3::jsonb)", eid, body["nik"],
            (await request.body()).decode())
        return {"enrollment_id": str(eid)}

    return app


def serve(app: str, port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", app, "--port", str(port),
         "--host", "127.0.0.1", "--log-level", "warning", "--no-access-log",
         "--app-dir", str(ROOT / "bench")],
        env={**os.environ, **env}, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )


async def wait_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as c:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}")
            try:
                if (await c.get(url, timeout=1)).status_code in (200, 404):
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


@asynccontextmanager
async def admin_connection(dsn: str):  # type: ignore[no-untyped-def]
    """The superuser connection that sets commit_delay; the server's default comes back."""
    admin = await asyncpg.connect(dsn)
    try:
        yield admin
    finally:
        await admin.execute("ALTER SYSTEM RESET commit_delay")
        await admin.execute("SELECT pg_reload_conf()")
        await admin.close()


def bodies(start: int, count: int) -> list[bytes]:
    import json

    out = []
    for n in range(start, start + count):
        born = dt.date(1950, 1, 1) + dt.timedelta(days=n % 20000)
        nik = make_nik("711001", born, "LAKI-LAKI", 1 + n // 20000)
        out.append(json.dumps(recording(nik, born=born)).encode())
    return out


async def load(url: str, token: str, payloads: list[bytes], seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    failures = 0
    queue = iter(payloads)
    deadline = time.monotonic() + seconds
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal failures
        for body in queue:
            if time.monotonic() > deadline:
                return
            t0 = time.perf_counter()
            r = await client.post(url, content=body, headers=headers)
            latencies.append(time.perf_counter() - t0)
            if r.status_code != 201:
                failures += 1

    limits = httpx.Limits(max_connections=CONCURRENCY)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(CONCURRENCY)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies), "failures": failures, "seconds": elapsed,
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
    }


async def main(seconds: float, commit_delays: list[int]) -> None:
    infra = devinfra.ensure_local_infra()
    keys = Path(tempfile.mkdtemp(prefix="bench-keys-"))
    generate_keypair(keys / "jwt.pem", keys / "jwt.pub.pem")
    generate_centre_keypair(keys / "centre.key", keys / "centre.pub")
    token = issue_token((keys / "jwt.pem").read_bytes(), user="bench", role="operator",
                        issuer=ISSUER, audience="ektp", ttl=dt.timedelta(hours=1))
    enr_dsn = await create_scratch_database(infra.postgres_admin_dsn, "enrollment", "bench")
    bare_dsn = await create_scratch_database(infra.postgres_admin_dsn, "bare", "bench")
    logs = Path(tempfile.mkdtemp(prefix="bench-logs-"))
    enr_port, bare_port = free_ports(2)
    kafka = await provisioned_env(infra.kafka, f"bench{uuid.uuid4().hex[:6]}.")
    enr = serve("ektp_enrollment.entrypoints.api:build_app", enr_port, {
        "EKTP_DATABASE_URL": enr_dsn, **kafka, "EKTP_LOG_LEVEL": "WARNING",
        "EKTP_JWT_PUBLIC_KEY_FILE": str(keys / "jwt.pub.pem"),
        "EKTP_CENTRE_PUBLIC_KEY_FILE": str(keys / "centre.pub"),
    }, logs / "enrollment.log")
    bare = serve("enrollment_post:build_bare", bare_port, {"BARE_DSN": bare_dsn},
                 logs / "bare.log")
    stack = contextlib.AsyncExitStack()
    try:
        await wait_up(f"http://127.0.0.1:{enr_port}/healthz", enr)
        await wait_up(f"http://127.0.0.1:{bare_port}/docs", bare)
        per_run = 3000
        payloads = bodies(0, per_run)
        print(f"payload: {statistics.mean(len(p) for p in payloads) / 1024:.1f} KB JSON per "
              f"recording; concurrency {CONCURRENCY}; {seconds:.0f} s per target; "
              f"{os.cpu_count()} cores")
        admin = await stack.enter_async_context(admin_connection(infra.postgres_admin_dsn))
        for i, delay in enumerate(commit_delays):
            # Group commit: a committing transaction waits `delay` µs for others to share
            # its WAL flush, when at least commit_siblings (5) others are open.
            await admin.execute(f"ALTER SYSTEM SET commit_delay = {int(delay)}")
            await admin.execute("SELECT pg_reload_conf()")
            if i:  # new NIKs for each delay: a NIK recorded before is a 409
                payloads = bodies(i * per_run, per_run)
            results = {}
            for name, port in (("bare asyncpg insert", bare_port),
                               ("POST /enrollments", enr_port)):
                url = f"http://127.0.0.1:{port}/enrollments"
                await load(url, token, payloads[:100], 60)  # warm-up
                results[name] = await load(url, token, payloads[100:], seconds)
            print(f"commit_delay = {delay} µs")
            for name, r in results.items():
                print(f"  {name:22s} {r['requests']:5.0f} req in {r['seconds']:5.1f} s  "
                      f"{r['rps']:7.1f} req/s  p50 {r['p50_ms']:6.1f} ms  "
                      f"p99 {r['p99_ms']:6.1f} ms  failures {r['failures']:.0f}")
            base, ours = results["bare asyncpg insert"], results["POST /enrollments"]
            print(f"  ratio (enrollment / bare): throughput {ours['rps'] / base['rps']:.2f}x, "
                  f"p50 {ours['p50_ms'] / base['p50_ms']:.2f}x, "
                  f"p99 {ours['p99_ms'] / base['p99_ms']:.2f}x")
    finally:
        await stack.aclose()
        for proc in (enr, bare):
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
        await drop_databases(infra.postgres_admin_dsn, [enr_dsn, bare_dsn])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--commit-delay", default="0",
                        help="PostgreSQL commit_delay values in µs to compare, e.g. 0,1000")
    args = parser.parse_args()
    asyncio.run(main(args.seconds, [int(v) for v in args.commit_delay.split(",")]))
