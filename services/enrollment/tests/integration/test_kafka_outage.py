"""The office keeps recording while Kafka is down: the recording waits in the outbox and
is published once Kafka is back (on a broker of the test's own, never the shared one)."""

from __future__ import annotations

import pytest
from enrollment_office import enrollment_settings, start_office
from enrollment_testdata import recording

from ektp_shared.events import EnrollmentRecorded
from ektp_shared.testing.kafka import read_events
from ektp_shared.testing.wait import outbox_sent

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_a_recording_made_while_kafka_is_stopped_is_published_when_it_returns(
    infra, private_kafka, topic_prefix, create_database, centre_keys, jwt_keys, operator,
):
    settings = enrollment_settings(
        infra, await create_database("enr_outage"), f"{topic_prefix}outage.", centre_keys,
        jwt_keys,
    )
    settings.kafka_bootstrap = private_kafka.bootstrap
    private_kafka.stop()
    try:
        async for office in start_office(settings, workers=False):
            body = recording(serial=301)
            r = await office.client.post("/enrollments", json=body, headers=operator)
            assert r.status_code == 201, r.text
            enrollment_id = r.json()["enrollment_id"]
            ready = (await office.client.get("/readyz")).json()
            assert ready["status"] == "ready" and ready["kafka"]["outbox_backlog"] == 1
    finally:
        private_kafka.start()

    # The service restarts with its relay once the broker is back, as after a power cut.
    async for office in start_office(settings, workers=True):
        topic = settings.topic("enrollment")
        events = await read_events(private_kafka.kafka, topic, expect=1, timeout=90)
        recorded = [e for e in events if e.type == EnrollmentRecorded.ce_type()]
        assert [e.data["enrollment_id"] for e in recorded] == [enrollment_id]
        assert recorded[0].key == body["nik"]

        await outbox_sent(office.pool)


async def test_a_running_relay_publishes_what_waited_through_an_outage(
    infra, private_kafka, topic_prefix, create_database, centre_keys, jwt_keys, operator,
):
    settings = enrollment_settings(
        infra, await create_database("enr_outage2"), f"{topic_prefix}outage2.", centre_keys,
        jwt_keys,
    )
    settings.kafka_bootstrap = private_kafka.bootstrap
    async for office in start_office(settings, workers=True):
        private_kafka.stop()
        try:
            body = recording(serial=302)
            r = await office.client.post("/enrollments", json=body, headers=operator)
            assert r.status_code == 201, r.text
            assert await office.pool.fetchval(
                "SELECT count(*) FROM outbox WHERE published_at IS NULL") == 1
        finally:
            private_kafka.start()
        events = await read_events(private_kafka.kafka, settings.topic("enrollment"),
                                   expect=1, timeout=120)
        assert [e.data["enrollment_id"] for e in events] == [r.json()["enrollment_id"]]
