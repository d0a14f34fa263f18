"""Duplicates and failures reach their events and the supervisor's operator queue."""

from __future__ import annotations

import asyncpg
import pytest

from ektp_central_sim.testing import niks, recording
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import CentralDuplicate, CentralFailed
from ektp_shared.sealed_packet import generate_centre_keypair
from ektp_shared.testing.kafka import create_topics, publish, read_events
from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_duplicates_and_failures_reach_events_and_the_operator_queue(
    infra, centre_api, centre_keys, sync_settings, start_sync, auth_header, tmp_path
):
    generate_centre_keypair(tmp_path / "other.key", tmp_path / "other.pub")
    budi, palsu, rusak, tanpa_jari = niks(4, start=2001)
    events = [
        recording(budi, "rek-budi", centre_keys[1]),
        # The same fingers under another NIK: the centre says DUPLICATE_RECORD of budi.
        recording(palsu, "rek-palsu", centre_keys[1], fingers_of=budi),
        # Sealed for a key that is not the centre's: rejected for good.
        recording(rusak, "rek-rusak", tmp_path / "other.pub"),
        # No fingerprint at all: the centre answers ENROLL_FAILURE.
        recording(tanpa_jari, "rek-tanpa-jari", centre_keys[1], no_fingers=True),
    ]
    topic = sync_settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, sync_settings.topic("central")])
    supervisor, operator = auth_header("supervisor", "kabid"), auth_header("operator", "rina")

    db = await asyncpg.connect(sync_settings.database_url)
    try:
        async with start_sync() as (_, client):
            # Budi first: the centre must have seen his fingers before the impostor's.
            await publish(infra.kafka, topic, [CloudEvent.wrap(events[0], "enrollment")])

            async def budi_at_centre() -> bool:
                return await db.fetchval("SELECT state FROM submissions WHERE "
                                         "enrollment_id = 'rek-budi'") == "PRINT_READY_RECORD"

            await eventually(budi_at_centre, timeout=60, what="budi print-ready")
            await publish(infra.kafka, topic,
                          [CloudEvent.wrap(e, "enrollment") for e in events[1:]])

            async def settled() -> bool:
                n = await db.fetchval("SELECT count(*) FROM submissions WHERE state IN "
                                      "('DUPLICATE_RECORD', 'FAILED', 'PRINT_READY_RECORD')")
                return n == 4

            await eventually(settled, timeout=60, what="four verdicts")
            queue = (await client.get("/submissions", params={"state": "FAILED"},
                                      headers=operator)).json()["items"]
            failed = {i["enrollment_id"]: i for i in queue}
            assert set(failed) == {"rek-rusak", "rek-tanpa-jari"}
            assert "tidak dapat dibuka" in failed["rek-rusak"]["failure_reason"]
            assert failed["rek-rusak"]["retryable"] is False
            assert failed["rek-tanpa-jari"]["failure_reason"].startswith("ENROLL_FAILURE")
            dup = (await client.get("/submissions/rek-palsu", headers=operator)).json()
            assert dup["state"] == "DUPLICATE_RECORD" and dup["duplicate_of"] == budi

            # Only a supervisor acts on the queue.
            r = await client.post("/submissions/rek-rusak/cancel", json={"reason": "rekam ulang"},
                                  headers=operator)
            assert r.status_code == 403
            r = await client.post("/submissions/rek-rusak/cancel",
                                  json={"reason": "rekam ulang"},
                                  headers={**supervisor, "Idempotency-Key": "batal-1"})
            assert r.status_code == 200 and r.json()["state"] == "CANCELLED"
            again = await client.post("/submissions/rek-rusak/cancel",
                                      json={"reason": "rekam ulang"},
                                      headers={**supervisor, "Idempotency-Key": "batal-1"})
            assert again.status_code == 200 and again.json() == r.json()
            r = await client.post("/submissions/rek-budi/retry", headers=supervisor)
            assert r.status_code == 409 and "hanya yang FAILED" in r.json()["detail"]
            r = await client.post("/submissions/tidak-ada/retry", headers=supervisor)
            assert r.status_code == 404
            r = await client.get("/submissions", params={"state": "GAGAL"}, headers=operator)
            assert r.status_code == 422 and "state" in r.json()["detail"]
            # found by `make fuzz`: a cursor past bigint answered 500
            r = await client.get("/submissions", params={"after": 2**63}, headers=operator)
            assert r.status_code == 422 and r.json()["errors"][0]["field"] == "after"
            r = await client.post("/submissions/rek-rusak/cancel", json={"reason": ""},
                                  headers=supervisor)
            assert r.status_code == 422 and "reason" in r.json()["detail"]
            audit = await db.fetch("SELECT actor, role, action, target FROM audit_log "
                                   "WHERE action = 'submission.cancel'")
            assert [(a["actor"], a["role"], a["target"]) for a in audit] == [
                ("kabid", "supervisor", rusak)]
            assert await db.fetchval(
                "SELECT count(*) FROM audit_log WHERE action = 'submissions.list'") >= 1
            # Decided submissions keep no sealed biometrics; FAILED ones keep them for a retry.
            kept = {r["enrollment_id"]: "sealed_packet" in r["packet"] for r in await db.fetch(
                "SELECT enrollment_id, packet::text AS packet FROM submissions")}
            assert kept == {"rek-budi": False, "rek-palsu": False, "rek-rusak": False,
                            "rek-tanpa-jari": True}
            # Read while sync runs: its relay may not have sent the last rows yet.
            published = await read_events(infra.kafka, sync_settings.topic("central"),
                                          expect=7, timeout=30)
    finally:
        await db.close()

    dups = [e.data for e in published if e.type == CentralDuplicate.ce_type()]
    assert dups == [{"enrollment_id": "rek-palsu", "nik": palsu, "duplicate_of": budi}]
    fails = {e.data["enrollment_id"]: e.data for e in published
             if e.type == CentralFailed.ce_type()}
    assert set(fails) == {"rek-rusak", "rek-tanpa-jari"}
    assert fails["rek-rusak"]["retryable"] is False


async def test_items_the_centre_keeps_refusing_wait_in_the_queue_until_a_supervisor_retries(
    infra, centre_api, centre_keys, sync_settings, start_sync, auth_header
):
    await centre_api.put("/control/faults", json={"partial_batch_share": 1.0})
    nik = niks(1, start=2101)[0]
    topic = sync_settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, sync_settings.topic("central")])
    await publish(infra.kafka, topic,
                  [CloudEvent.wrap(recording(nik, "rek-sibuk", centre_keys[1]), "enrollment")])
    supervisor = auth_header("supervisor", "kabid")
    db = await asyncpg.connect(sync_settings.database_url)
    try:
        async with start_sync(max_item_attempts=3) as (_, client):
            async def failed() -> bool:
                return await db.fetchval(
                    "SELECT state FROM submissions WHERE enrollment_id = 'rek-sibuk'") == "FAILED"

            await eventually(failed, timeout=30, what="refused item in the operator queue")
            item = (await client.get("/submissions/rek-sibuk", headers=supervisor)).json()
            assert item["retryable"] is True and item["attempts"] == 3
            await centre_api.post("/control/reset", json={})
            r = await client.post("/submissions/rek-sibuk/retry", headers=supervisor)
            assert r.status_code == 200 and r.json()["state"] == "PENDING"

            async def printed() -> bool:
                return await db.fetchval("SELECT state FROM submissions WHERE "
                                         "enrollment_id = 'rek-sibuk'") == "PRINT_READY_RECORD"

            await eventually(printed, timeout=30, what="retried item print-ready")
            # Read while sync runs: its relay may not have sent the print_ready row yet.
            published = await read_events(infra.kafka, sync_settings.topic("central"),
                                          expect=3, timeout=30)
    finally:
        await db.close()
    kinds = [e.type.split(".")[-2] for e in published]
    assert kinds == ["failed", "submitted", "print_ready"]
    assert published[0].data["retryable"] is True
