"""A recording at the office: sealed for the centre, never kept in clear, recorded once
however often the clerk's station retries, and visible by id or (audited) by NIK."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest
from enrollment_testdata import recording
from nacl.public import PrivateKey

from ektp_shared.events import EnrollmentRecorded
from ektp_shared.sealed_packet import SealError, load_private_key, open_sealed

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_a_recording_is_sealed_for_the_centre_only(office, operator, centre_keys):
    body = recording(serial=101)
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 201, r.text
    answer = r.json()
    assert answer["status"] == "SUDAH_REKAM"
    sealed = await office.pool.fetchval(
        "SELECT sealed_packet FROM enrollments WHERE nik = $1", body["nik"])

    packet = open_sealed(sealed, load_private_key(centre_keys[0]))
    assert packet.enrollment_id == answer["enrollment_id"]
    assert packet.nik == body["nik"]
    assert packet.photo_jpeg_b64 == body["biometrics"]["photo_jpeg_b64"]
    assert packet.fingerprints == body["biometrics"]["fingerprints"]
    assert packet.irises == body["biometrics"]["irises"]
    with pytest.raises(SealError):
        open_sealed(sealed, PrivateKey.generate())


async def test_clear_biometrics_are_never_stored(office, operator):
    body = recording(serial=102)
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 201
    b = body["biometrics"]
    secrets = [b["photo_jpeg_b64"][:80], b["signature_png_b64"][:80],
               *(v[:40] for v in b["fingerprints"].values()),
               *(v[:40] for v in b["irises"].values())]
    # Every table, every column, as text: none holds a clear image or template.
    tables = [r["tablename"] for r in await office.pool.fetch(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    for table in tables:
        dump = await office.pool.fetchval(
            f"SELECT coalesce(string_agg(t::text, ''), '') FROM \"{table}\" t")
        for s in secrets:
            assert s not in dump, f"clear biometrics in table {table}"


async def test_the_event_carries_demographics_and_the_sealed_packet(office, operator):
    body = recording(serial=103, nama="Hasna Damopolii", sex="PEREMPUAN",
                     nik="7110015405900103", born=dt.date(1990, 5, 14))
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 201, r.text
    row = await office.pool.fetchrow(
        "SELECT topic, key, ce_type, payload FROM outbox WHERE key = $1", body["nik"])
    assert row["topic"] == office.settings.topic("enrollment")
    assert row["ce_type"] == EnrollmentRecorded.ce_type()
    event = EnrollmentRecorded.model_validate(json.loads(row["payload"]))
    assert event.enrollment_id == r.json()["enrollment_id"]
    assert event.demographics.nama == "Hasna Damopolii"
    assert (event.kode_provinsi, event.kode_kabupaten, event.kode_kecamatan, event.kode_desa) == (
        "71", "71.10", "71.10.01", "71.10.01.2001")
    assert event.demographics.rt == "001"
    assert event.recorded_by == "rina"
    assert body["biometrics"]["photo_jpeg_b64"][:80] not in row["payload"].decode()


async def test_twenty_concurrent_identical_posts_record_once(office, operator):
    body = recording(serial=104)
    responses = await asyncio.gather(*(
        office.client.post("/enrollments", json=body, headers=operator) for _ in range(20)))
    codes = sorted(r.status_code for r in responses)
    assert codes == [201] + [409] * 19
    created = next(r for r in responses if r.status_code == 201).json()["enrollment_id"]
    for r in responses:
        if r.status_code == 409:
            assert r.json()["existing_enrollment_id"] == created
            assert r.json()["errors"] == [{"field": "nik", "message": (
                "NIK ini sudah direkam; perekaman ganda tidak diterima")}]
    assert await office.pool.fetchval(
        "SELECT count(*) FROM enrollments WHERE nik = $1", body["nik"]) == 1
    assert await office.pool.fetchval(
        "SELECT count(*) FROM outbox WHERE key = $1", body["nik"]) == 1


async def test_the_same_idempotency_key_returns_the_first_answer(office, operator):
    body = recording(serial=105)
    headers = {**operator, "Idempotency-Key": "stasiun-3-000105"}
    responses = await asyncio.gather(*(
        office.client.post("/enrollments", json=body, headers=headers) for _ in range(20)))
    assert {r.status_code for r in responses} == {201}
    assert len({r.json()["enrollment_id"] for r in responses}) == 1
    assert len({json.dumps(r.json(), sort_keys=True) for r in responses}) == 1
    assert await office.pool.fetchval(
        "SELECT count(*) FROM enrollments WHERE nik = $1", body["nik"]) == 1
    again = await office.client.post("/enrollments", json=body, headers=headers)
    assert again.status_code == 201 and again.json() == responses[0].json()
    other = await office.client.post("/enrollments", json=recording(serial=106), headers=headers)
    assert other.status_code == 422 and other.json()["type"].endswith("idempotency-key-reused")


async def test_a_second_recording_of_a_nik_is_409_with_the_first_id(office, operator):
    first = await office.client.post("/enrollments", json=recording(serial=107), headers=operator)
    second = await office.client.post("/enrollments", json=recording(serial=107, seed=2),
                                      headers=operator)
    assert second.status_code == 409
    assert second.json()["existing_enrollment_id"] == first.json()["enrollment_id"]


async def test_lookup_by_id_and_by_nik_is_audited_and_for_operators(
    office, operator, auth_header
):
    body = recording(serial=108)
    created = (await office.client.post("/enrollments", json=body, headers=operator)).json()
    r = await office.client.get(f"/enrollments/{created['enrollment_id']}", headers=operator)
    assert r.status_code == 200
    view = r.json()
    assert view["status"] == "SUDAH_REKAM" and view["nik"] == body["nik"]
    assert view["demographics"]["nama"] == body["nama"]
    assert "sealed_packet" not in view and "photo_jpeg_b64" not in r.text
    assert [h["status"] for h in view["history"]] == ["SUDAH_REKAM"]

    r = await office.client.get("/enrollments", params={"nik": body["nik"]}, headers=operator)
    assert r.json()["total"] == 1
    actions = [row["action"] for row in await office.pool.fetch(
        "SELECT action FROM audit_log WHERE target = $1 ORDER BY id", body["nik"])]
    assert actions == ["enrollment.create", "enrollment.view", "enrollment.lookup_nik"]

    viewer = auth_header("viewer", "dashboard")
    assert (await office.client.get("/enrollments", params={"nik": body["nik"]},
                                    headers=viewer)).status_code == 403
    assert (await office.client.get(f"/enrollments/{created['enrollment_id']}",
                                    headers=viewer)).status_code == 403
    listing = (await office.client.get("/enrollments", params={"status": "SUDAH_REKAM"},
                                       headers=viewer)).json()
    assert listing["total"] >= 1
    assert all("*" in item["nik"] and "nama" not in item for item in listing["items"])


async def test_list_filters_by_status_and_desa(office, operator):
    await office.client.post("/enrollments", headers=operator,
                             json=recording(serial=109, kode_desa="71.10.02.2001"))
    r = await office.client.get("/enrollments", headers=operator,
                                params={"status": "SUDAH_REKAM", "desa": "71.10.02.2001"})
    assert r.status_code == 200
    assert [i["kode_desa"] for i in r.json()["items"]] == ["71.10.02.2001"]
    bad = await office.client.get("/enrollments", headers=operator, params={"status": "SELESAI"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "status"
    bad = await office.client.get("/enrollments", headers=operator, params={"desa": "99"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "desa"
    missing = await office.client.get("/enrollments/not-an-id", headers=operator)
    assert missing.status_code == 404


async def test_a_check_before_saving_tells_the_warnings_and_writes_nothing(office, operator):
    body = recording(serial=141)
    body["tanggal_lahir"] = "1990-05-15"  # the NIK says the 14th: a warning, not a refusal
    r = await office.client.post("/enrollments/check", json=body, headers=operator)
    assert r.status_code == 200, r.text
    assert len(r.json()["warnings"]) == 1 and "tanggal lahir" in r.json()["warnings"][0]
    assert await office.pool.fetchval(
        "SELECT count(*) FROM enrollments WHERE nik = $1", body["nik"]) == 0
    assert await office.pool.fetchval(
        "SELECT count(*) FROM audit_log WHERE action = 'enrollment.check' AND target = $1",
        body["nik"]) == 1
    bad = {**body, "nik": "71100115059"}
    r = await office.client.post("/enrollments/check", json=bad, headers=operator)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "nik"
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 201
    r = await office.client.post("/enrollments/check", json=body, headers=operator)
    assert r.status_code == 409  # recorded already: said before the clerk saves again
