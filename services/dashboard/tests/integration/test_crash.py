"""The dashboard killed (-9) in the middle of a stream of events: after the restart every
figure is exact, nothing counted twice and nothing lost, because each event's effect on the
counters is committed with its inbox row."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest
from dashboard_samples import nik, print_ready, recorded, roster, submitted
from dashboard_server import free_port

from ektp_dashboard.adapters import repository as repo
from ektp_shared.kafka import dlq_topic
from ektp_shared.runtime import PRODUCERS
from ektp_shared.testing.kafka import create_topics, publish
from ektp_shared.testing.processes import ServiceProcess

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

RESIDENTS = 600


async def test_killed_mid_stream_the_figures_are_exact_after_restart(
    infra, topic_prefix, create_database, jwt_keys, tmp_path,
):
    prefix = f"{topic_prefix}{uuid.uuid4().hex[:6]}."
    topics = [f"{prefix}ektp.{p}.events" for p in PRODUCERS]
    await create_topics(infra.kafka, topics + [dlq_topic(t) for t in topics])
    niks = [nik(i) for i in range(RESIDENTS)]
    await publish(infra.kafka, f"{prefix}ektp.central.events",
                  [roster(n) for n in niks] + [submitted(n) for n in niks]
                  + [print_ready(n) for n in niks[: RESIDENTS // 2]])
    await publish(infra.kafka, f"{prefix}ektp.enrollment.events",
                  [recorded(n) for n in niks])
    total = RESIDENTS * 3 + RESIDENTS // 2

    dsn = await create_database("dashboard_crash")
    port = free_port()
    env = {"EKTP_DATABASE_URL": dsn, "EKTP_KAFKA_BOOTSTRAP": infra.kafka_bootstrap,
           "EKTP_TOPIC_PREFIX": prefix, "EKTP_LOG_LEVEL": "WARNING"}
    args = ["-m", "uvicorn", "--factory", "ektp_dashboard.entrypoints.api:build_app",
            "--host", "127.0.0.1", "--port", str(port)]
    first = ServiceProcess(args, env, tmp_path / "first.log").start()
    conn = None
    try:
        await asyncio.to_thread(first.wait_http, f"http://127.0.0.1:{port}/healthz", 90)
        conn = await asyncpg.connect(dsn)
        for _ in range(600):
            applied = await conn.fetchval("SELECT count(*) FROM inbox")
            if applied >= 200:
                break
            await asyncio.sleep(0.05)
        first.kill9()
        applied_at_kill = await conn.fetchval("SELECT count(*) FROM inbox")
        assert 0 < applied_at_kill < total, "the kill must land mid-stream"

        second = ServiceProcess(args, env, tmp_path / "second.log").start()
        try:
            for _ in range(1200):
                if await conn.fetchval("SELECT count(*) FROM inbox") >= total:
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(1)  # anything redelivered after the last commit: deduped
            assert await conn.fetchval("SELECT count(*) FROM inbox") == total
            rows = await repo.region_rows(conn)
            assert sorted(rows) == sorted(await repo.counters_from_residents(conn))
            figures: dict[str, int] = {}
            for _, metric, n in rows:
                figures[metric] = figures.get(metric, 0) + n
            assert figures["target"] == figures["recorded"] == figures["sent"] == RESIDENTS
            assert figures["print_ready"] == RESIDENTS // 2
            assert figures["status:PRINT_READY_RECORD"] == RESIDENTS // 2
            assert figures["status:SENT_FOR_ENROLLMENT"] == RESIDENTS // 2
            assert await conn.fetchval("SELECT count(*) FROM resident_steps") == total
            day = await conn.fetchval("SELECT sum(n) FROM daily_counters WHERE metric = 'recorded'")
            assert day == RESIDENTS
        finally:
            second.terminate()
    finally:
        first.kill9()
        if conn is not None:
            await conn.close()
