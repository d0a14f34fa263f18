"""A power cut in the middle of a print: the job comes back NEEDS_CHECK and no blank is lost."""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from printing_samples import blanks_issued, nik_for, print_ready, serials

from ektp_shared.events import PrintingCardPrinted, PrintingJobQueued
from ektp_shared.kafka import dlq_topic
from ektp_shared.testing.kafka import create_topics
from ektp_shared.testing.processes import ServiceProcess
from ektp_shared.testing.resources import free_port
from ektp_shared.testing.wait import eventually

from .conftest import PrintingUnderTest, printing_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


def service(settings, port: int, log: Path) -> ServiceProcess:  # type: ignore[no-untyped-def]
    env = {
        "EKTP_DATABASE_URL": settings.database_url,
        "EKTP_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "EKTP_TOPIC_PREFIX": settings.topic_prefix,
        "EKTP_SPOOL_DIR": str(settings.spool_dir),
        "EKTP_PRINT_SECONDS": "4",
        "EKTP_ENGINE_POLL_SECONDS": "0.1",
        "EKTP_JWT_PUBLIC_KEY_FILE": os.environ["EKTP_JWT_PUBLIC_KEY_FILE"],
        "EKTP_LOG_JSON": "false",
    }
    return ServiceProcess(
        ["-m", "uvicorn", "--factory", "ektp_printing.entrypoints.api:build_app",
         "--host", "127.0.0.1", "--port", str(port), "--no-access-log"], env, log,
    )


async def test_sigkill_while_printing_then_the_operator_checks_the_card(
    infra, topic_prefix, create_database, jwt_keys, auth_header, tmp_path
) -> None:
    settings = printing_settings(infra, await create_database("printing_kill"),
                                 f"{topic_prefix}kill.", tmp_path / "spool", jwt_keys[1])
    # Created before the process starts: a consumer that subscribes to a topic not there
    # yet only sees it at its next metadata refresh (minutes).
    topics = [settings.topic(p) for p in ("central", "inventory", "printing")]
    await create_topics(infra.kafka, topics + [dlq_topic(t) for t in topics])
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    first = service(settings, port, tmp_path / "run1.log").start()
    try:
        await asyncio.to_thread(first.wait_http, f"{base}/readyz", 90)
        async with httpx.AsyncClient(base_url=base, timeout=10) as client:
            svc = PrintingUnderTest(settings, client, None, auth_header)  # type: ignore[arg-type]
            await svc.register("Printer 1", driver="pdf")
            await svc.send("inventory", [blanks_issued(serials(1, 2))])
            await svc.send("central", [print_ready(0), print_ready(1)])
            db = await asyncpg.connect(settings.database_url)
            try:
                async def printing() -> bool:
                    return await db.fetchval(
                        "SELECT count(*) FROM print_jobs WHERE status = 'PRINTING'") == 1

                await eventually(printing, timeout=60, what="a job printing")
                first.kill9()  # the power goes out mid-print
                stuck = await db.fetchrow("SELECT * FROM print_jobs WHERE status = 'PRINTING'")
                assert stuck is not None
                assert await db.fetchval("SELECT job_id FROM blanks WHERE serial = $1",
                                         stuck["blank_serial"]) == stuck["id"]

                second = service(settings, port, tmp_path / "run2.log").start()
                try:
                    await asyncio.to_thread(second.wait_http, f"{base}/readyz", 90)

                    async def both_settled() -> bool:
                        rows = await db.fetch("SELECT id, status FROM print_jobs")
                        by_id = {r["id"]: r["status"] for r in rows}
                        return by_id[stuck["id"]] == "NEEDS_CHECK" and Counter(
                            by_id.values())["PRINTED"] == 1

                    await eventually(both_settled, timeout=60, what="restart settled")
                    # The other job took the other blank; the stuck one kept its own.
                    other = await db.fetchrow(
                        "SELECT * FROM print_jobs WHERE status = 'PRINTED'")
                    assert other["blank_serial"] != stuck["blank_serial"]
                    view = (await client.get("/print-room", headers=auth_header("viewer"))
                            ).json()
                    assert view["jobs"]["NEEDS_CHECK"] == 1
                    assert view["blanks"]["reserved"] == 1 and view["blanks"]["used"] == 1

                    # The operator opens the printer: the card came out good.
                    reply = await client.post(
                        f"/print-jobs/{stuck['id']}/check", headers=auth_header("printer"),
                        json={"outcome": "PRINTED", "note": "kartu keluar utuh"})
                    assert reply.status_code == 200, reply.text
                    assert reply.json()["status"] == "PRINTED"
                    again = await client.post(
                        f"/print-jobs/{stuck['id']}/check", headers=auth_header("printer"),
                        json={"outcome": "SPOILED"})
                    assert again.status_code == 409

                    counts = await db.fetch(
                        "SELECT status, count(*) AS n FROM blanks GROUP BY status")
                    assert {r["status"]: r["n"] for r in counts} == {"USED": 2}
                    # printer, blanks_low, 2 jobs queued, 2 printed. The relay killed
                    # between publishing and marking sent publishes again on restart (at
                    # least once; consumers dedupe by ce_id): count distinct ids.
                    distinct: dict[str, Any] = {}

                    async def all_heard() -> bool:
                        seen = await svc.published(expect=6 + len(distinct), timeout=5)
                        distinct.update({e.id: e for e in seen})
                        return len(distinct) >= 6

                    await eventually(all_heard, timeout=60, what="six distinct events")
                    events = list(distinct.values())
                    assert len(events) == 6
                    printed = [e for e in events if e.type == PrintingCardPrinted.ce_type()]
                    assert sorted(e.key for e in printed) == serials(1, 2)
                    queued = [e for e in events if e.type == PrintingJobQueued.ce_type()]
                    assert sorted(e.key for e in queued) == sorted([nik_for(0), nik_for(1)])
                finally:
                    second.terminate()
            finally:
                await db.close()
    finally:
        first.kill9()
