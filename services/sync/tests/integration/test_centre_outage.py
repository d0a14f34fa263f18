"""The centre is down while 500 recordings arrive; once it is back each is submitted
exactly once, in order per resident."""

from __future__ import annotations

import asyncio
from collections import defaultdict

import asyncpg
import pytest

from ektp_central_sim.testing import niks, recording
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import CentralPrintReady, CentralSubmitted
from ektp_shared.testing.kafka import create_topics, publish, read_events
from ektp_shared.testing.wait import eventually, outbox_sent

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_centre_down_while_500_recordings_arrive_each_submitted_once_in_order(
    infra, centre, centre_api, centre_keys, sync_settings, start_sync, auth_header
):
    await asyncio.to_thread(centre.stop)  # connection refused from now on
    residents = niks(450, start=101)
    # 50 residents are recorded twice (a retake): the first must reach the centre first.
    again = residents[:50]
    events = [recording(n, f"rek-{i:04d}", centre_keys[1]) for i, n in enumerate(residents)]
    events += [recording(n, f"rek-ulang-{i:04d}", centre_keys[1]) for i, n in enumerate(again)]
    assert len(events) == 500
    topic = sync_settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, sync_settings.topic("central")])
    await publish(infra.kafka, topic, [CloudEvent.wrap(e, "enrollment") for e in events])

    db = await asyncpg.connect(sync_settings.database_url)
    try:
        async with start_sync() as (_, client):
            async def all_queued() -> bool:
                return await db.fetchval("SELECT count(*) FROM submissions") == 500

            await eventually(all_queued, timeout=60, what="500 submissions queued")

            async def circuit_open() -> bool:
                status = (await client.get("/sync/status", headers=auth_header("viewer"))).json()
                return status["circuit"]["state"] in ("OPEN", "HALF_OPEN")

            await eventually(circuit_open, timeout=30, what="circuit open")
            status = (await client.get("/sync/status", headers=auth_header("viewer"))).json()
            assert status["backlog"] == {"PENDING": 500}
            assert status["circuit"]["outage_since"] is not None
            assert status["oldest_unsent_age_seconds"] >= 0
            assert "tidak dapat terhubung" in status["circuit"]["last_error"]

            await asyncio.to_thread(centre.start)  # the centre is back

            async def all_print_ready() -> bool:
                n = await db.fetchval(
                    "SELECT count(*) FROM submissions WHERE state = 'PRINT_READY_RECORD'")
                return n == 500

            await eventually(all_print_ready, timeout=90, what="500 verdicts")
            await outbox_sent(db, what="the sync's outbox sent")
            status = (await client.get("/sync/status", headers=auth_header("viewer"))).json()
            assert status["circuit"]["state"] == "CLOSED"
            assert status["circuit"]["outage_since"] is None
            assert status["last_successful_contact"] is not None
            assert status["backlog"] == {"PRINT_READY_RECORD": 500}
    finally:
        await db.close()

    counters = (await centre_api.get("/control/counters")).json()
    assert counters["accepted"] == 500 and counters["stored"] == 500
    assert counters["repeats"] == 0 and counters["received"] == 500, counters

    received = (await centre_api.get("/control/received", params={"limit": 1000})).json()
    assert all(r["times_received"] == 1 for r in received)
    seq = {r["enrollment_id"]: r["received_seq"] for r in received}
    for i in range(50):
        assert seq[f"rek-{i:04d}"] < seq[f"rek-ulang-{i:04d}"], "a retake overtook the first"

    published = await read_events(infra.kafka, sync_settings.topic("central"),
                                  expect=1000, timeout=60)
    submitted: dict[str, set[str]] = defaultdict(set)
    ready: dict[str, set[str]] = defaultdict(set)
    order: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e in published:
        if e.type == CentralSubmitted.ce_type():
            submitted[e.data["enrollment_id"]].add(e.id)
        elif e.type == CentralPrintReady.ce_type():
            ready[e.data["enrollment_id"]].add(e.id)
            # The photo and signature travel sealed for the print room, never in clear.
            assert e.data["sealed_images"] and "photo_jpeg_b64" not in e.data["card"]
        assert e.key == e.data["nik"]
        order[e.key].append((e.type.split(".")[-2], e.data["enrollment_id"]))
    assert len(submitted) == 500 and all(len(ids) == 1 for ids in submitted.values())
    assert len(ready) == 500 and all(len(ids) == 1 for ids in ready.values())
    for nik in again:
        # Per resident, on one partition: each recording submitted before its verdict, and
        # the first recording before the retake.
        seen = [x for x in order[nik] if x[0] in ("submitted", "print_ready")]
        first = [eid for kind, eid in seen if kind == "submitted"]
        assert first[0].startswith("rek-0") and first[1].startswith("rek-ulang")
        for eid in first:
            assert seen.index(("submitted", eid)) < seen.index(("print_ready", eid))


async def test_centre_dropping_every_connection_opens_the_circuit_until_it_recovers(
    infra, centre_api, centre_keys, sync_settings, start_sync, auth_header
):
    await centre_api.put("/control/faults", json={"down": True})
    events = [recording(n, f"rek-{i:04d}", centre_keys[1])
              for i, n in enumerate(niks(20, start=701))]
    topic = sync_settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, sync_settings.topic("central")])
    await publish(infra.kafka, topic, [CloudEvent.wrap(e, "enrollment") for e in events])
    db = await asyncpg.connect(sync_settings.database_url)
    try:
        async with start_sync() as (_, client):
            async def circuit_open() -> bool:
                status = (await client.get("/sync/status", headers=auth_header("viewer"))).json()
                return status["circuit"]["state"] == "OPEN"

            await eventually(circuit_open, timeout=30, what="circuit open")
            counters = (await centre_api.get("/control/counters")).json()
            assert counters["fault_down"] >= 3 and counters["stored"] == 0
            await centre_api.post("/control/reset", json={})

            async def all_ready() -> bool:
                return await db.fetchval("SELECT count(*) FROM submissions "
                                         "WHERE state = 'PRINT_READY_RECORD'") == 20

            await eventually(all_ready, timeout=30, what="20 verdicts after recovery")
    finally:
        await db.close()
    assert (await centre_api.get("/control/counters")).json()["accepted"] == 20
