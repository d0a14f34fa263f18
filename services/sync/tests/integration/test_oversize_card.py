"""Card data from the centre too large for one Kafka message becomes a FAILED submission in
the operator queue with the reason; it holds back nothing: the other card goes on to the
print room, and the sync's outbox has no event it cannot send."""

from __future__ import annotations

import base64
import random

import asyncpg
import pytest

from ektp_central_sim.config import Settings as CentreSettings
from ektp_central_sim.testing import niks, recording
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import CentralFailed, CentralPrintReady
from ektp_shared.limits import MAX_EVENT_BYTES
from ektp_shared.testing.kafka import create_topics, publish, read_events
from ektp_shared.testing.wait import eventually, outbox_sent

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

# Sealed for the print room (base64 twice), 1.3 MB of images weigh about 2.3 MB on the topic.
CENTRE_PHOTO = base64.b64encode(random.Random(5).randbytes(1_300_000)).decode()


@pytest.fixture
async def centre_settings(infra, create_database, centre_keys, jwt_keys, prefix) -> CentreSettings:
    """The centre keeps its verdicts for a moment: time to change the card it will send."""
    return CentreSettings(database_url=await create_database("centre"),
                          kafka_bootstrap=infra.kafka_bootstrap, topic_prefix=prefix,
                          verdict_delay_seconds=3, log_json=False, log_level="WARNING")


async def test_card_data_over_the_event_limit_is_failed_with_the_reason_in_the_queue(
    infra, centre_settings, centre_keys, sync_settings, start_sync, auth_header
):
    besar, biasa = niks(2, start=3001)
    topic = sync_settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, sync_settings.topic("central")])
    centre_db = await asyncpg.connect(centre_settings.database_url)
    db = await asyncpg.connect(sync_settings.database_url)
    try:
        async with start_sync() as (_, client):
            await publish(infra.kafka, topic, [
                CloudEvent.wrap(recording(besar, "rek-besar", centre_keys[1]), "enrollment"),
                CloudEvent.wrap(recording(biasa, "rek-biasa", centre_keys[1]), "enrollment")])

            async def at_the_centre() -> bool:
                return await centre_db.fetchval(
                    "SELECT count(*) FROM sim_submissions") == 2

            await eventually(at_the_centre, timeout=30, what="both at the centre")
            # The centre answers with a photo far larger than the one it was sent.
            changed = await centre_db.execute(
                """UPDATE sim_submissions
                   SET card = jsonb_set(card, '{photo_jpeg_b64}', to_jsonb($1::text))
                   WHERE enrollment_id = 'rek-besar' AND verdict_due_at > now()""",
                CENTRE_PHOTO)
            assert changed == "UPDATE 1", "the verdict came before the card was changed"

            async def decided() -> bool:
                states = dict(await db.fetch("SELECT enrollment_id, state FROM submissions"))
                return states == {"rek-besar": "FAILED", "rek-biasa": "PRINT_READY_RECORD"}

            await eventually(decided, timeout=60, what="one failed, one print-ready")
            queue = (await client.get("/submissions", params={"state": "FAILED"},
                                      headers=auth_header("operator", "rina"))).json()["items"]
            assert [i["enrollment_id"] for i in queue] == ["rek-besar"]
            reason = queue[0]["failure_reason"]
            assert reason.startswith("ENROLL_FAILURE: data kartu dari pusat terlalu besar")
            assert f"maksimal 2 MiB = {MAX_EVENT_BYTES} byte" in reason
            assert f"foto {len(CENTRE_PHOTO)}" in reason
            assert queue[0]["retryable"] is False

            await outbox_sent(db, what="the sync's outbox sent")
            assert await db.fetchval("SELECT count(*) FROM outbox WHERE held_at IS NOT NULL") == 0
    finally:
        await db.close()
        await centre_db.close()

    published = await read_events(infra.kafka, sync_settings.topic("central"),
                                  expect=4, timeout=30)
    by_type = {(e.type, e.data["enrollment_id"]) for e in published}
    assert (CentralPrintReady.ce_type(), "rek-biasa") in by_type
    assert (CentralFailed.ce_type(), "rek-besar") in by_type
    assert (CentralPrintReady.ce_type(), "rek-besar") not in by_type
