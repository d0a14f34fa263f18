"""Benchmark: how fast the sync service drains a 10,000-submission backlog once the centre
returns, against the simulator's own accept rate measured directly in the same run.

    .venv/bin/python bench/sync_drain.py [--backlog 10000] [--batch 100]

Uses the local Kafka and PostgreSQL (started if needed, never stopped), fresh databases
and a fresh topic prefix; everything it creates is its own. Bounded: it gives up after
two minutes of draining.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import httpx

from ektp_central_sim.testing import free_port, niks, recording
from ektp_shared.auth import generate_keypair
from ektp_shared.db import migrate
from ektp_shared.devinfra import ensure_local_infra
from ektp_shared.sealed_packet import generate_centre_keypair, generate_sealing_keypair
from ektp_shared.testing.kafka import provisioned_env
from ektp_shared.testing.processes import ServiceProcess
from ektp_shared.testing.resources import create_scratch_database, drop_databases
from ektp_sync.adapters import repository as repo
from ektp_sync.bootstrap import MIGRATIONS
from ektp_sync.config import Settings
from ektp_sync.entrypoints.api import build_app

DRAIN_LIMIT_SECONDS = 120


def packet(event) -> dict:
    return {"enrollment_id": event.enrollment_id, "nik": event.nik,
            "demographics": event.demographics.model_dump(mode="json"),
            "sealed_packet": event.sealed_packet}


async def main(backlog: int, batch: int) -> None:
    keys = Path(tempfile.mkdtemp(prefix="ektp-bench-"))
    generate_keypair(keys / "jwt.pem", keys / "jwt.pub.pem")
    generate_centre_keypair(keys / "centre.key", keys / "centre.pub")
    generate_sealing_keypair(keys / "print_room.key", keys / "print_room.pub")
    os.environ.update({
        "EKTP_JWT_PUBLIC_KEY_FILE": str(keys / "jwt.pub.pem"),
        "EKTP_CENTRE_PRIVATE_KEY_FILE": str(keys / "centre.key"),
        "EKTP_CENTRE_PUBLIC_KEY_FILE": str(keys / "centre.pub"),
        "EKTP_PRINT_ROOM_PUBLIC_KEY_FILE": str(keys / "print_room.pub"),
    })
    infra = ensure_local_infra()
    prefix = f"bench{uuid.uuid4().hex[:6]}."
    # The sync in this process and the centre's process use Kafka as the local admin.
    os.environ.update(await provisioned_env(infra.kafka, prefix))
    centre_dsn = await create_scratch_database(infra.postgres_admin_dsn, "centre", "bench")
    sync_dsn = await create_scratch_database(infra.postgres_admin_dsn, "sync", "bench")
    try:
        print(f"sealing {2 * backlog} recordings ...", flush=True)
        residents = niks(2 * backlog, start=1)
        queued = [recording(n, f"rek-{i:06d}", keys / "centre.pub")
                  for i, n in enumerate(residents[:backlog])]
        direct = [packet(recording(n, f"direct-{i:06d}", keys / "centre.pub"))
                  for i, n in enumerate(residents[backlog:])]

        # The backlog that piled up while the centre was away.
        await migrate(sync_dsn, MIGRATIONS)
        conn = await asyncpg.connect(sync_dsn)
        try:
            await conn.set_type_codec("jsonb", encoder=__import__("json").dumps,
                                      decoder=__import__("json").loads, schema="pg_catalog")
            async with conn.transaction():
                for event in queued:
                    await repo.queue_submission(conn, event)
        finally:
            await conn.close()

        # The centre is another machine in real life: here at least another process.
        port = free_port()
        centre = ServiceProcess(
            ["-m", "uvicorn", "--factory", "ektp_central_sim.entrypoints.api:build_app",
             "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
            {"EKTP_DATABASE_URL": centre_dsn, "EKTP_KAFKA_BOOTSTRAP": infra.kafka_bootstrap,
             "EKTP_TOPIC_PREFIX": prefix, "EKTP_VERDICT_DELAY_SECONDS": "3600",
             "EKTP_LOG_LEVEL": "WARNING"},
            keys / "centre.log",
        )
        centre_url = f"http://127.0.0.1:{port}"
        settings = Settings(
            database_url=sync_dsn, kafka_bootstrap=infra.kafka_bootstrap, topic_prefix=prefix,
            central_url=centre_url, log_json=False, log_level="WARNING",
            consumer_enabled=False, submit_batch_size=batch, breaker_reset_seconds=1.0,
            retry_base_seconds=0.2, sender_idle_seconds=0.2,
        )
        app = build_app(settings)
        async with app.router.lifespan_context(app):
            await asyncio.sleep(2)  # the sync finds the centre away; its circuit opens
            state_before = app.state.sync.breaker.state
            centre.start()
            await asyncio.to_thread(centre.wait_http, centre_url + "/healthz", 60)
            back = time.perf_counter()
            pool = app.state.pool
            first_sent = None
            while time.perf_counter() - back < DRAIN_LIMIT_SECONDS:
                left = await pool.fetchval(
                    "SELECT count(*) FROM submissions WHERE state = 'PENDING'")
                if first_sent is None and left < backlog:
                    first_sent = time.perf_counter()
                if left == 0:
                    break
                await asyncio.sleep(0.05)
            drained = time.perf_counter()
            left = await pool.fetchval("SELECT count(*) FROM submissions WHERE state='PENDING'")
        if left:
            centre.terminate()
            print(f"gave up: {left} still pending after {DRAIN_LIMIT_SECONDS}s", file=sys.stderr)
            return

        # The simulator alone: the same packets size and batch size, straight at it.
        async with httpx.AsyncClient(base_url=centre_url, timeout=60) as client:
            start = time.perf_counter()
            for i in range(0, len(direct), batch):
                r = await client.post("/v1/enrollments/batch",
                                      json={"packets": direct[i:i + batch]})
                r.raise_for_status()
            direct_seconds = time.perf_counter() - start
            counters = (await client.get("/control/counters")).json()
        centre.terminate()

        drain_seconds = drained - back
        sync_rate = backlog / drain_seconds
        steady = backlog / (drained - first_sent) if first_sent else float("nan")
        direct_rate = backlog / direct_seconds
        print(f"circuit when the centre came back: {state_before}")
        print(f"backlog: {backlog} submissions, batch size {batch}")
        print(f"sync drain: {drain_seconds:.2f} s from the centre's return -> "
              f"{sync_rate:.0f} submissions/s "
              f"({steady:.0f}/s from the first accepted batch)")
        print(f"simulator direct accept: {direct_seconds:.2f} s -> {direct_rate:.0f} packets/s")
        print(f"ratio sync/simulator: {sync_rate / direct_rate:.2f} "
              f"(steady state {steady / direct_rate:.2f})")
        print(f"centre counters: accepted={counters['accepted']} repeats={counters['repeats']} "
              f"stored={counters['stored']}")
    finally:
        await drop_databases(infra.postgres_admin_dsn, [centre_dsn, sync_dsn])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--backlog", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    asyncio.run(main(args.backlog, args.batch))
