"""A mobile kit's day in a village with no link, imported at the office: signed by the
kit, imported once however often it is sent, bad lines reported and good ones kept. And
the supervisor's review, when the office switches it on."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from enrollment_testdata import recording
from nacl.signing import SigningKey

from ektp_enrollment.domain.kitfile import sign_kit_file

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]
SETTINGS = {"supervisor_review": True}

KIT_KEY = SigningKey.generate()
RECORDED_AT = dt.datetime(2026, 3, 2, 2, 30, tzinfo=dt.UTC)


def kit_records() -> list[dict]:
    good = [recording(serial=400 + n, seed=n) for n in range(3)]
    bad_nik = recording(serial=404, nik="7110011413900404")
    no_thumb = recording(serial=405)
    del no_thumb["biometrics"]["fingerprints"]["R_THUMB"]
    records = [{"record_id": f"R{n}", "recorded_at": RECORDED_AT.isoformat(),
                "operator": "dedi", "data": d}
               for n, d in enumerate([*good, bad_nik, no_thumb])]
    records.insert(2, {"record_id": "broken", "data": "not a recording"})
    return records


async def test_a_kit_file_is_verified_and_imported_once(office, operator, supervisor,
                                                        auth_header):
    public = base64.b64encode(bytes(KIT_KEY.verify_key)).decode()
    r = await office.client.post("/kits", headers=auth_header("viewer", "tamu"),
                                 json={"kit_id": "KIT-NUANGAN-1", "public_key": public})
    assert r.status_code == 403
    # The officer registers the tablet they take out; a retry of the same is no conflict.
    for expected in (201, 200):
        r = await office.client.post("/kits", headers=operator, json={
            "kit_id": "KIT-NUANGAN-1", "public_key": public, "label": "Kecamatan Nuangan"})
        assert r.status_code == expected, r.text
    other = base64.b64encode(bytes(SigningKey.generate().verify_key)).decode()
    r = await office.client.post("/kits", headers=supervisor,
                                 json={"kit_id": "KIT-NUANGAN-1", "public_key": other})
    assert r.status_code == 409 and r.json()["errors"][0]["field"] == "kit_id"
    bad_key = await office.client.post("/kits", headers=supervisor,
                                       json={"kit_id": "KIT-X", "public_key": "abc"})
    assert bad_key.status_code == 422 and bad_key.json()["errors"][0]["field"] == "public_key"

    raw = sign_kit_file("KIT-NUANGAN-1", kit_records(), KIT_KEY)
    r = await office.client.post("/enrollments/import", content=raw, headers=operator)
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["counts"] == {"imported": 3, "already_imported": 0, "rejected": 3}
    assert [i["line"] for i in answer["imported"]] == [2, 3, 5]
    rejected = {x["line"]: x for x in answer["rejected"]}
    assert set(rejected) == {4, 6, 7}
    assert rejected[6]["errors"] == [{"field": "data.nik",
                                      "message": "bulan lahir 13 tidak ada (harus 01 sampai 12)"}]
    assert rejected[7]["errors"][0]["field"] == "data.biometrics.fingerprints.R_THUMB"
    assert rejected[4]["record_id"] is None
    assert await office.pool.fetchval(
        "SELECT count(*) FROM enrollments WHERE source = 'KIT'") == 3
    row = await office.pool.fetchrow(
        "SELECT recorded_at, recorded_by, source_ref FROM enrollments WHERE source_ref = $1",
        "KIT-NUANGAN-1:R0")
    assert row["recorded_at"] == RECORDED_AT and row["recorded_by"] == "dedi@KIT-NUANGAN-1"

    again = await office.client.post("/enrollments/import", content=raw, headers=operator)
    assert again.json()["counts"] == {"imported": 0, "already_imported": 3, "rejected": 3}
    assert await office.pool.fetchval(
        "SELECT count(*) FROM enrollments WHERE source = 'KIT'") == 3


async def test_an_altered_or_unknown_kit_file_is_refused_whole(office, operator):
    raw = sign_kit_file("KIT-NUANGAN-1", kit_records()[:1], KIT_KEY)
    tampered = raw.replace(b"Budi Mokodompit", b"Budi Mokodompot")
    r = await office.client.post("/enrollments/import", content=tampered, headers=operator)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "file"
    assert "tanda tangan berkas tidak cocok" in r.json()["errors"][0]["message"]
    stranger = sign_kit_file("KIT-LAIN", kit_records()[:1], SigningKey.generate())
    r = await office.client.post("/enrollments/import", content=stranger, headers=operator)
    assert r.status_code == 422 and "belum terdaftar" in r.json()["detail"]
    forged = sign_kit_file("KIT-NUANGAN-1", kit_records()[:1], SigningKey.generate())
    r = await office.client.post("/enrollments/import", content=forged, headers=operator)
    assert r.status_code == 422
    for junk in (b"", b"hello", b'{"format": "x"}\n{"signature": "AAAA"}\n', b"\xff" * 50):
        r = await office.client.post("/enrollments/import", content=junk, headers=operator)
        assert r.status_code == 422, (junk, r.text)


async def test_with_review_on_a_recording_waits_for_the_supervisor(
    office, operator, supervisor
):
    body = recording(serial=410)
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 201 and r.json()["status"] == "MENUNGGU_VERIFIKASI"
    eid = r.json()["enrollment_id"]
    assert await office.pool.fetchval("SELECT count(*) FROM outbox WHERE key = $1",
                                      body["nik"]) == 0
    assert (await office.client.post(f"/enrollments/{eid}/review", headers=operator,
                                     json={"approve": True})).status_code == 403
    r = await office.client.post(f"/enrollments/{eid}/review", headers=supervisor,
                                 json={"approve": True, "note": "foto jelas"})
    assert r.status_code == 200 and r.json()["status"] == "SUDAH_REKAM"
    assert await office.pool.fetchval("SELECT count(*) FROM outbox WHERE key = $1",
                                      body["nik"]) == 1
    twice = await office.client.post(f"/enrollments/{eid}/review", headers=supervisor,
                                     json={"approve": True})
    assert twice.status_code == 409


async def test_a_refused_review_frees_the_nik_for_a_new_recording(office, operator, supervisor):
    body = recording(serial=411)
    eid = (await office.client.post("/enrollments", json=body, headers=operator)).json()[
        "enrollment_id"]
    r = await office.client.post(f"/enrollments/{eid}/review", headers=supervisor,
                                 json={"approve": False, "note": "foto buram"})
    assert r.json()["status"] == "DITOLAK_VERIFIKASI"
    r = await office.client.post("/enrollments", json=recording(serial=411, seed=5),
                                 headers=operator)
    assert r.status_code == 201
    assert await office.pool.fetchval("SELECT count(*) FROM outbox WHERE key = $1",
                                      body["nik"]) == 0
