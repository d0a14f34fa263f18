"""What the latest field check says about a resident counts at recording: MENINGGAL is
refused unless a supervisor says why; PINDAH is recorded with a warning. An override with
an empty reason is no override, whichever it is."""

from __future__ import annotations

import pytest
from enrollment_testdata import nik_for, recording, years_ago

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

DESA = "71.10.01.2001"


def refused_fields(response) -> dict[str, str]:
    assert response.headers["content-type"].startswith("application/problem+json")
    return {e["field"]: e["message"] for e in response.json()["errors"]}


async def checked(office, operator, nik: str, outcome: str) -> None:
    await office.client.post("/roster/import", content=f"nik,nama,kode_desa\n{nik},Warga,{DESA}\n"
                             .encode(), headers={**operator, "Content-Type": "text/csv"})
    r = await office.client.post("/field-checks", headers=operator,
                                 json={"nik": nik, "outcome": outcome, "note": "kata tetangga"})
    assert r.status_code == 201, r.text


async def test_a_resident_a_field_check_found_dead_is_refused_naming_the_check(
    office, operator, supervisor
):
    body = recording(serial=501)
    await checked(office, operator, body["nik"], "MENINGGAL")
    check_id = str(await office.pool.fetchval(
        "SELECT id FROM field_checks WHERE nik = $1", body["nik"]))

    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 409, r.text
    assert r.json()["field_check_id"] == check_id
    message = refused_fields(r)["izin_meninggal"]
    assert "MENINGGAL" in message and "petugas rina" in message
    # A supervisor without a reason is refused the same way.
    r = await office.client.post("/enrollments", json=body, headers=supervisor)
    assert r.status_code == 409
    assert await office.pool.fetchval(
        "SELECT count(*) FROM enrollments WHERE nik = $1", body["nik"]) == 0

    # Only a supervisor may say why; then it is recorded and the reason kept.
    body["izin_meninggal"] = "datang sendiri membawa KK; laporan tetangga keliru"
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 403
    assert refused_fields(r) == {"izin_meninggal": "hanya supervisor yang boleh memberi izin ini"}
    r = await office.client.post("/enrollments", json=body, headers=supervisor)
    assert r.status_code == 201, r.text
    assert r.json()["overrides"] == {"meninggal": body["izin_meninggal"],
                                     "pemeriksaan_lapangan": check_id}
    assert any("MENINGGAL" in w for w in r.json()["warnings"])
    audit = await office.pool.fetchval(
        "SELECT detail FROM audit_log WHERE action = 'enrollment.create' AND target = $1",
        body["nik"])
    assert audit["overrides"]["meninggal"] == body["izin_meninggal"]


async def test_a_resident_found_moved_is_recorded_with_a_warning(office, operator):
    body = recording(serial=502)
    await checked(office, operator, body["nik"], "PINDAH")
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 201, r.text
    assert [w for w in r.json()["warnings"] if "PINDAH" in w], r.json()["warnings"]
    assert r.json()["overrides"] == {}


async def test_only_the_latest_check_counts(office, operator):
    body = recording(serial=503)
    await checked(office, operator, body["nik"], "MENINGGAL")
    await checked(office, operator, body["nik"], "DITEMUKAN")
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 201, r.text
    assert r.json()["warnings"] == []


@pytest.mark.parametrize("blank", ["", "   "])
async def test_a_supervisor_override_with_an_empty_reason_is_refused(
    office, supervisor, blank
):
    young = years_ago(16, days=40)
    serial = 510 + len(blank)
    body = recording(born=young, serial=serial, status_perkawinan="BELUM KAWIN",
                     izin_wajib_ktp=blank)
    r = await office.client.post("/enrollments", json=body, headers=supervisor)
    assert r.status_code == 422, r.text
    assert refused_fields(r)["izin_wajib_ktp"] == "alasan izin tidak boleh kosong"
    assert await office.pool.fetchval(
        "SELECT count(*) FROM enrollments WHERE nik = $1", nik_for(young, serial=serial)) == 0


async def test_an_empty_reason_to_record_the_dead_is_refused(office, operator, supervisor):
    body = recording(serial=520, izin_meninggal="  ")
    await checked(office, operator, body["nik"], "MENINGGAL")
    r = await office.client.post("/enrollments", json=body, headers=supervisor)
    assert r.status_code == 422, r.text
    assert refused_fields(r) == {"izin_meninggal": "alasan izin tidak boleh kosong"}
