"""The centre's answers, through the real broker: each recording's state follows them,
never backwards, every answer kept in its history, and a refused one may be recorded
again with a supervisor's permission."""

from __future__ import annotations

import datetime as dt

import pytest
from enrollment_testdata import recording

from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    CardData,
    CentralDuplicate,
    CentralFailed,
    CentralPrintReady,
    CentralRosterEntry,
    CentralSubmitted,
    EnrollmentRecorded,
)
from ektp_shared.testing.kafka import publish, read_events
from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]
WORKERS = True
NOW = dt.datetime.now(dt.UTC)


async def record(office, headers, serial: int) -> dict:
    r = await office.client.post("/enrollments", json=recording(serial=serial), headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


async def send(office, *events) -> list[CloudEvent]:
    wrapped = [CloudEvent.wrap(e, "sync") for e in events]
    await publish(office.settings.kafka, office.settings.topic("central"), wrapped)
    return wrapped


def print_ready(enrollment_id: str, nik: str) -> CentralPrintReady:
    card = CardData(
        nik=nik, nama="Budi Mokodompit", tempat_lahir="Tutuyan", tanggal_lahir=dt.date(1990, 5, 14),
        jenis_kelamin="LAKI-LAKI", alamat="Jl. Trans Sulawesi", rt="001", rw="002",
        kode_desa="71.10.01.2001", agama="ISLAM", status_perkawinan="KAWIN",
        pekerjaan="PETANI/PEKEBUN", photo_jpeg_b64="AAAA", signature_png_b64="AAAA",
    )
    # The images travel sealed for the print room: enrollment never opens them.
    return CentralPrintReady(enrollment_id=enrollment_id, nik=nik, card=card,
                             sealed_images="c2VhbGVk")


async def status_of(office, headers, enrollment_id: str) -> dict:
    r = await office.client.get(f"/enrollments/{enrollment_id}", headers=headers)
    assert r.status_code == 200
    return r.json()


async def wait_history(office, enrollment_id: str, n: int) -> None:
    async def enough() -> bool:
        return await office.pool.fetchval(
            "SELECT count(*) FROM enrollment_history WHERE enrollment_id = $1::uuid",
            enrollment_id) >= n
    await eventually(enough, timeout=60)


async def test_recordings_are_published_and_follow_the_centre(office, operator):
    rec = await record(office, operator, 201)
    eid, nik = rec["enrollment_id"], rec["nik"]
    published = await read_events(office.settings.kafka,
                                  office.settings.topic("enrollment"), expect=1, timeout=60)
    assert any(e.data["enrollment_id"] == eid and e.type == EnrollmentRecorded.ce_type()
               and e.key == nik for e in published)

    await send(office, CentralSubmitted(enrollment_id=eid, nik=nik, submitted_at=NOW))
    await wait_history(office, eid, 2)
    assert (await status_of(office, operator, eid))["status"] == "SENT_FOR_ENROLLMENT"
    await send(office, print_ready(eid, nik))
    await wait_history(office, eid, 3)
    view = await status_of(office, operator, eid)
    assert view["status"] == "PRINT_READY_RECORD"
    assert [h["status"] for h in view["history"]] == [
        "SUDAH_REKAM", "SENT_FOR_ENROLLMENT", "PRINT_READY_RECORD"]
    listed = await office.client.get("/enrollments", headers=operator,
                                     params={"status": "PRINT_READY_RECORD"})
    assert [i["enrollment_id"] for i in listed.json()["items"]] == [eid]


async def test_a_late_submitted_does_not_move_a_recording_backwards(office, operator):
    rec = await record(office, operator, 202)
    eid, nik = rec["enrollment_id"], rec["nik"]
    await send(office, print_ready(eid, nik),
               CentralSubmitted(enrollment_id=eid, nik=nik, submitted_at=NOW))
    await wait_history(office, eid, 3)
    view = await status_of(office, operator, eid)
    assert view["status"] == "PRINT_READY_RECORD"
    assert [(h["status"], h["applied"]) for h in view["history"]] == [
        ("SUDAH_REKAM", True), ("PRINT_READY_RECORD", True), ("SENT_FOR_ENROLLMENT", False)]


async def test_a_redelivered_verdict_has_no_effect(office, operator):
    rec = await record(office, operator, 203)
    eid, nik = rec["enrollment_id"], rec["nik"]
    event = CloudEvent.wrap(CentralSubmitted(enrollment_id=eid, nik=nik, submitted_at=NOW), "sync")
    await publish(office.settings.kafka, office.settings.topic("central"),
                  [event, event])
    probe = await send(office, CentralDuplicate(enrollment_id=eid, nik=nik,
                                                duplicate_of="7110010101800001"))
    await wait_history(office, eid, 3)
    assert await office.pool.fetchval(
        "SELECT count(*) FROM inbox WHERE ce_id = $1", probe[0].id) == 1
    view = await status_of(office, operator, eid)
    assert [h["status"] for h in view["history"]] == [
        "SUDAH_REKAM", "SENT_FOR_ENROLLMENT", "DUPLICATE_RECORD"]
    assert view["status"] == "DUPLICATE_RECORD" and view["duplicate_of"] == "7110010101800001"


async def test_failures_stay_visible_and_a_final_one_allows_a_supervised_rerecording(
    office, operator, supervisor
):
    rec = await record(office, operator, 204)
    eid, nik = rec["enrollment_id"], rec["nik"]
    await send(office, CentralSubmitted(enrollment_id=eid, nik=nik, submitted_at=NOW),
               CentralFailed(enrollment_id=eid, nik=nik, reason="centre timeout", retryable=True))
    await wait_history(office, eid, 3)
    view = await status_of(office, operator, eid)
    assert view["status"] == "SENT_FOR_ENROLLMENT"
    assert view["last_failure"]["reason"] == "centre timeout"
    assert view["last_failure"]["retryable"] is True

    again = recording(serial=204, seed=9)
    r = await office.client.post("/enrollments", json=again, headers=operator)
    assert r.status_code == 409 and r.json()["existing_enrollment_id"] == eid

    await send(office, CentralFailed(enrollment_id=eid, nik=nik,
                                     reason="sidik jari tidak terbaca", retryable=False))
    await wait_history(office, eid, 4)
    view = await status_of(office, operator, eid)
    assert view["status"] == "ENROLL_FAILURE"
    assert view["last_failure"] == {**view["last_failure"], "reason": "sidik jari tidak terbaca",
                                    "retryable": False}

    r = await office.client.post("/enrollments", json=again, headers=operator)
    assert r.status_code == 409
    assert r.json()["errors"][0]["field"] == "izin_rekam_ulang"
    with_permission = {**again, "izin_rekam_ulang": "sidik jari direkam ulang dengan alat baru"}
    r = await office.client.post("/enrollments", json=with_permission, headers=operator)
    assert r.status_code == 403
    r = await office.client.post("/enrollments", json=with_permission, headers=supervisor)
    assert r.status_code == 201, r.text
    assert r.json()["overrides"]["sebelumnya"] == eid


async def test_roster_entries_from_the_centre_join_the_worklist(office, operator):
    await send(office, CentralRosterEntry(nik="7110015208050007", nama="Nur Mamonto",
                                          kode_desa="71.10.01.2001"))

    async def listed() -> bool:
        r = await office.client.get("/roster", params={"desa": "71.10.01.2001"},
                                    headers=operator)
        return any(i["nik"] == "7110015208050007" for i in r.json()["items"])
    await eventually(listed, timeout=60)
    entry = await office.pool.fetchrow("SELECT * FROM roster WHERE nik = '7110015208050007'")
    assert entry["jenis_kelamin"] == "PEREMPUAN" and entry["status"] == "BELUM_REKAM"
    assert entry["tanggal_lahir"] == dt.date(2005, 8, 12) and entry["source"] == "PUSAT"
