"""The soak (issue 14, ``make soak``): SOAK_MINUTES (30) of steady office load through the real
services, sampled each minute: each service's memory and open connections, its outbox and
inbox sizes, its consumers' lag. Nothing may grow without bound: after the first minutes'
warm-up each figure stays within a band of its early level (the report lists every sample).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import time
from pathlib import Path
from typing import Any

import asyncpg
import psutil
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from e2e_stack import Stack
from e2e_stack import stack as stack  # the fixture
from test_whole_office import population_with_roster, recording

from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session"),
              pytest.mark.soak]

MINUTES = float(os.environ.get("SOAK_MINUTES", "30"))
RATE = float(os.environ.get("SOAK_RATE", "1.0"))  # recordings a second: a busy office's pace
OUT = Path(os.environ.get("EKTP_CHAOS_OUT", ".run/chaos"))
CONSUMERS = ("enrollment", "sync", "printing", "inventory", "dashboard")
WITH_DB = ("enrollment", "sync", "printing", "inventory", "dashboard", "accounts")


async def lag(infra: Any, stack: Stack) -> dict[str, int]:
    """Messages each service's consumer group has yet to apply, over all its partitions."""
    options = infra.kafka.client_options()
    admin = AIOKafkaAdminClient(**options)
    consumer = AIOKafkaConsumer(**options)
    await admin.start()
    await consumer.start()
    try:
        out = {}
        for service in CONSUMERS:
            committed = await admin.list_consumer_group_offsets(f"{stack.prefix}{service}")
            tps = [TopicPartition(tp.topic, tp.partition) for tp in committed]
            ends = await consumer.end_offsets(tps) if tps else {}
            out[service] = sum(max(0, ends[tp] - committed[tp].offset) for tp in tps)
        return out
    finally:
        await consumer.stop()
        await admin.close()


async def sample(infra: Any, stack: Stack, minute: float) -> dict[str, Any]:
    row: dict[str, Any] = {"minute": round(minute, 1), "services": {}}
    for name, proc in stack.processes.items():
        assert proc.proc is not None
        p = psutil.Process(proc.proc.pid)
        row["services"][name] = {"rss_mib": round(p.memory_info().rss / 2**20, 1),
                                 "connections": len(p.net_connections())}
    for name in WITH_DB:
        conn = await asyncpg.connect(stack.databases[name])
        try:
            sizes = await conn.fetchrow(
                """SELECT (SELECT count(*) FROM outbox) AS outbox,
                          (SELECT count(*) FROM outbox WHERE published_at IS NULL) AS waiting,
                          (SELECT count(*) FROM inbox) AS inbox,
                          pg_total_relation_size('outbox') AS outbox_bytes,
                          pg_total_relation_size('inbox') AS inbox_bytes""")
        finally:
            await conn.close()
        row["services"][name].update(dict(sizes))
    for name, n in (await lag(infra, stack)).items():
        row["services"][name]["lag"] = n
    return row


def write(path: Path, report: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, default=str) + "\n")


def bounded(samples: list[dict[str, Any]]) -> list[str]:
    """Each figure at the end against its level after the warm-up (the first fifth)."""
    warm = samples[max(1, len(samples) // 5)]
    last = samples[-1]
    grown = []
    for name, now in last["services"].items():
        then = warm["services"][name]
        if now["rss_mib"] > then["rss_mib"] * 1.25 + 30:
            grown.append(f"{name} memory {then['rss_mib']} -> {now['rss_mib']} MiB")
        if now["connections"] > then["connections"] + 10:
            grown.append(f"{name} connections {then['connections']} -> {now['connections']}")
        if now.get("waiting", 0) > 200:
            grown.append(f"{name} outbox waiting {now['waiting']}")
        if now.get("lag", 0) > 500:
            grown.append(f"{name} consumer lag {now['lag']}")
    return grown


@pytest.mark.timeout(int(MINUTES * 60 + 900))
async def test_soak(stack: Stack, infra):
    roster = int(MINUTES * 60 * RATE) + 50
    size = population_with_roster(roster)
    await stack.call("POST", "central-sim", "/control/population",
                     json={"size": size, "card_share": 0.6, "seed": 7110})
    await stack.call("POST", "sync", "/sync/roster/pull")
    for i in range(1, 4):
        await stack.call("POST", "printing", "/printers", json={
            "name": f"Printer {i}", "model": "Evolis Primacy 2", "driver": "simulated",
            "location": "Ruang cetak", "status": "ONLINE", "reason": ""})
    await stack.call("POST", "inventory", "/receipts", role="storekeeper", json={
        "letter_number": "470/SOAK/2026", "letter_date": dt.date.today().isoformat(),
        "quantity": roster, "ranges": [{"first": "SOAK000001", "last": f"SOAK{roster:06d}"}]})
    for first in range(0, roster, 500):  # the store issues at most 500 at a time
        await stack.call("POST", "inventory", "/issues", role="storekeeper",
                         json={"quantity": min(500, roster - first)})
    async def arrived() -> bool:  # the roster comes from the centre through sync
        body = await stack.call("GET", "enrollment", "/roster", role="operator",
                                params={"per_page": 1})
        return int(body["total"]) >= roster
    await eventually(arrived, 300, "the roster from the centre")
    entries: list[dict[str, Any]] = []
    for page in range(1, roster // 500 + 2):
        body = await stack.call("GET", "enrollment", "/roster", role="operator",
                                params={"per_page": 500, "page": page})
        entries += body["items"]

    started = time.monotonic()
    samples = [await sample(infra, stack, 0)]
    recorded = 0
    next_sample = started + 60
    while time.monotonic() - started < MINUTES * 60:
        await stack.call("POST", "enrollment", "/enrollments", role="operator",
                         json=recording(entries[recorded], 20_000 + recorded))
        recorded += 1
        await asyncio.sleep(max(0.0, started + recorded / RATE - time.monotonic()))
        if time.monotonic() >= next_sample:
            samples.append(await sample(infra, stack, (time.monotonic() - started) / 60))
            next_sample += 60
    samples.append(await sample(infra, stack, (time.monotonic() - started) / 60))
    report = {"minutes": MINUTES, "rate_per_second": RATE, "recorded": recorded,
              "samples": samples, "grown": bounded(samples)}
    await asyncio.to_thread(write, OUT / "soak.json", report)
    print(f"\nsoak: {recorded} recorded in {MINUTES} min; report {OUT / 'soak.json'}")
    assert report["grown"] == [], report["grown"]
