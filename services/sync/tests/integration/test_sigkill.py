"""The sync process killed with SIGKILL in the middle of a batch: no loss, no duplicate."""

from __future__ import annotations

import asyncio
import sys
from collections import Counter

import asyncpg
import pytest

from ektp_central_sim.testing import free_port, niks, recording
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import CentralPrintReady, CentralSubmitted
from ektp_shared.testing.kafka import create_topics, publish, read_events
from ektp_shared.testing.processes import ServiceProcess
from ektp_shared.testing.wait import eventually
from ektp_sync.testing import env_of

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


def sync_process(settings, log) -> tuple[ServiceProcess, str]:
    port = free_port()
    proc = ServiceProcess(
        ["-m", "uvicorn", "--factory", "ektp_sync.entrypoints.api:build_app",
         "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
        env_of(settings), log,
    )
    return proc, f"http://127.0.0.1:{port}/healthz"


async def test_sigkill_mid_batch_loses_nothing_and_sends_nothing_twice(
    infra, centre_api, centre_keys, sync_settings, tmp_path
):
    settings = sync_settings.model_copy(update={"submit_batch_size": 10,
                                                "central_timeout": 5.0})
    # The centre does each batch's work, then holds its answer for 0.4 s: the window in
    # which the centre has the batch and the sync has not yet written that down.
    await centre_api.put("/control/faults", json={"timeout_share": 1.0, "timeout_seconds": 0.4})
    events = [recording(n, f"rek-{i:04d}", centre_keys[1])
              for i, n in enumerate(niks(300, start=3001))]
    topic = settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, settings.topic("central")])
    await publish(infra.kafka, topic, [CloudEvent.wrap(e, "enrollment") for e in events])

    db = await asyncpg.connect(settings.database_url)
    first, health = sync_process(settings, tmp_path / "sync-1.log")
    try:
        first.start()
        await asyncio.to_thread(first.wait_http, health, 60)

        async def all_queued() -> bool:
            return await db.fetchval("SELECT count(*) FROM submissions") == 300

        await eventually(all_queued, timeout=60, what="300 queued")

        async def batch_in_flight() -> bool:
            accepted = (await centre_api.get("/control/counters")).json()["accepted"]
            recorded = await db.fetchval(
                "SELECT count(*) FROM submissions WHERE state <> 'PENDING'")
            return 30 <= accepted and accepted > recorded

        await eventually(batch_in_flight, timeout=60, interval=0.02,
                         what="a batch taken by the centre and not yet recorded by sync")
        first.kill9()
    finally:
        first.kill9()
    pending = await db.fetchval("SELECT count(*) FROM submissions WHERE state = 'PENDING'")
    assert 0 < pending < 300, "the kill came mid-run"
    at_kill = (await centre_api.get("/control/counters")).json()
    assert at_kill["accepted"] > 300 - pending, "the centre holds a batch sync did not record"

    await centre_api.post("/control/reset", json={})
    second, health = sync_process(settings, tmp_path / "sync-2.log")
    try:
        second.start()
        await asyncio.to_thread(second.wait_http, health, 60)

        async def all_ready() -> bool:
            return await db.fetchval("SELECT count(*) FROM submissions "
                                     "WHERE state = 'PRINT_READY_RECORD'") == 300

        await eventually(all_ready, timeout=90, what="all 300 print-ready after restart")
        # Read while the second process runs: its relay first waits out the killed leader's
        # lease (up to its send timeout), then publishes.
        published = await read_events(infra.kafka, settings.topic("central"),
                                      expect=600, timeout=60)
    finally:
        second.terminate()
        await db.close()
        sys.stderr.write(second.tail(5))

    counters = (await centre_api.get("/control/counters")).json()
    assert counters["accepted"] == 300 and counters["stored"] == 300, counters
    assert counters["repeats"] >= 1, "the batch in flight was sent again and recognised"

    # The relay may publish a row twice across a kill, always with the same ce_id.
    unique = {e.id: e for e in published}.values()
    submitted = Counter(e.data["enrollment_id"] for e in unique
                        if e.type == CentralSubmitted.ce_type())
    ready = Counter(e.data["enrollment_id"] for e in unique
                    if e.type == CentralPrintReady.ce_type())
    assert len(submitted) == 300 and set(submitted.values()) == {1}
    assert len(ready) == 300 and set(ready.values()) == {1}
