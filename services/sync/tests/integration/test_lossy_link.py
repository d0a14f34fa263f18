"""A lossy link to the centre (connections cut at random mid-transfer): the sync makes its
batches and verdict queries smaller until they get through, and grows them back; nothing
lost, nothing twice."""

from __future__ import annotations

from urllib.parse import urlsplit

import asyncpg
import pytest

from ektp_central_sim.testing import niks, recording
from ektp_shared.envelope import CloudEvent
from ektp_shared.testing.faultproxy import FaultProxy
from ektp_shared.testing.kafka import create_topics, publish
from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

RECORDINGS = 300


async def test_batches_shrink_until_they_get_through_a_lossy_link(
    infra, centre, centre_api, centre_keys, sync_settings, start_sync
):
    up = urlsplit(centre.url)
    proxy = await FaultProxy(up.hostname or "127.0.0.1", up.port or 80, seed=15).start()
    # Each 16 KB piece at 5% risk, each packet with a card photo of 20 KB: a batch of 100
    # (some 170 pieces) or the answer to a query of 500 verdicts (megabytes) practically
    # never arrives whole; a batch of a few, most of the time.
    proxy.set(reset_share=0.05)
    events = [recording(n, f"rek-{i:04d}", centre_keys[1], photo_bytes=20_000)
              for i, n in enumerate(niks(RECORDINGS, start=5001))]
    topic = sync_settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, sync_settings.topic("central")])
    await publish(infra.kafka, topic, [CloudEvent.wrap(e, "enrollment") for e in events])

    db = await asyncpg.connect(sync_settings.database_url)
    try:
        async with start_sync(central_url=proxy.url, submit_batch_size=100,
                              breaker_failures=5, breaker_reset_seconds=2.0, verdict_batch_size=500,
                              verdict_poll_seconds=0.5):
            async def all_decided() -> bool:
                n = await db.fetchval(
                    "SELECT count(*) FROM submissions WHERE state = 'PRINT_READY_RECORD'")
                return n == RECORDINGS

            await eventually(all_decided, timeout=120,
                             what="300 recordings and their verdicts through the lossy link")
    finally:
        await db.close()
        await proxy.stop()

    assert proxy.stats.resets > 0
    # What the link carried, against the sealed packets themselves: about 1.4 times (what
    # was cut off, sent again in smaller batches). Whole batches of 100 sent again until
    # one got through never got all 300 through in 2 minutes.
    sealed = sum(len(e.sealed_packet) for e in events)
    assert proxy.stats.bytes_up < 3 * sealed, (proxy.stats, sealed)
    received = (await centre_api.get("/control/received", params={"limit": 1000})).json()
    assert len({r["enrollment_id"] for r in received}) == len(received) == RECORDINGS
    counters = (await centre_api.get("/control/counters")).json()
    assert counters["stored"] == RECORDINGS
