"""The centre answers 5xx to 20% of calls and times out on 5%: nothing lost, nothing twice."""

from __future__ import annotations

from collections import Counter

import asyncpg
import pytest

from ektp_central_sim.testing import niks, recording
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import CentralPrintReady, CentralSubmitted
from ektp_shared.testing.kafka import create_topics, publish, read_events
from ektp_shared.testing.wait import eventually, outbox_sent

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

BATCH = 10


async def test_flaky_centre_loses_nothing_and_records_nothing_twice(
    infra, centre_api, centre_keys, sync_settings, start_sync
):
    # Timeouts do the work and then hold the answer past the client's 1 s patience: the
    # worst case, where the sync must send again something the centre already has.
    plan = {"error_share": 0.20, "timeout_share": 0.05, "timeout_seconds": 1.5, "seed": 4}
    assert (await centre_api.put("/control/faults", json=plan)).status_code == 200
    events = [recording(n, f"rek-{i:04d}", centre_keys[1])
              for i, n in enumerate(niks(200, start=1001))]
    topic = sync_settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, sync_settings.topic("central")])
    await publish(infra.kafka, topic, [CloudEvent.wrap(e, "enrollment") for e in events])

    db = await asyncpg.connect(sync_settings.database_url)
    try:
        async with start_sync(submit_batch_size=BATCH, breaker_failures=6):
            async def all_decided() -> bool:
                n = await db.fetchval(
                    "SELECT count(*) FROM submissions WHERE state = 'PRINT_READY_RECORD'")
                return n == 200

            await eventually(all_decided, timeout=120, what="200 verdicts through the faults")
            await outbox_sent(db, what="the sync's outbox sent")
        assert await db.fetchval("SELECT count(*) FROM submissions") == 200
    finally:
        await db.close()

    counters = (await centre_api.get("/control/counters")).json()
    assert counters["fault_error"] > 0 and counters["fault_timeout"] > 0, counters
    assert counters["accepted"] == 200 and counters["stored"] == 200, counters
    # Sent again only where the answer was lost: each held answer (a timeout) loses at most
    # one batch of 10, so the centre saw at most 10 resends per timeout. Counted from what
    # the centre holds per recording, not from its counters.
    received = (await centre_api.get("/control/received", params={"limit": 1000})).json()
    assert len(received) == 200
    resends = sum(r["times_received"] - 1 for r in received)
    assert resends <= counters["fault_timeout"] * BATCH, (resends, counters)
    assert counters["repeats"] == resends

    published = await read_events(infra.kafka, sync_settings.topic("central"),
                                  expect=400, timeout=60)
    submitted = Counter(e.data["enrollment_id"] for e in
                        {e.id: e for e in published if e.type == CentralSubmitted.ce_type()
                         }.values())
    ready = Counter(e.data["enrollment_id"] for e in
                    {e.id: e for e in published if e.type == CentralPrintReady.ce_type()
                     }.values())
    assert len(submitted) == 200 and set(submitted.values()) == {1}
    assert len(ready) == 200 and set(ready.values()) == {1}
