"""Every rule of DESIGN.md section 7 as the clerk meets it: the exact message, naming
the field, and nothing written when a recording is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from enrollment_testdata import biometrics, nik_for, recording, years_ago

from ektp_shared.logging import mask_nik

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

BORN = dt.date(1990, 5, 14)


def refused_fields(response) -> dict[str, str]:
    assert response.headers["content-type"].startswith("application/problem+json")
    return {e["field"]: e["message"] for e in response.json()["errors"]}


@pytest.mark.parametrize(("nik", "message"), [
    ("711001140590001", "NIK harus 16 digit, bukan 15"),
    ("71100114059000012", "NIK harus 16 digit, bukan 17"),
    ("71100114O5900001", "NIK hanya boleh berisi angka (16 digit)"),
    ("7110011413900001", "bulan lahir 13 tidak ada (harus 01 sampai 12)"),
    ("7110013102900001", "tanggal 31 Februari tidak ada"),
    ("7110017205900001", "tanggal lahir 72 tidak mungkin (01-31 untuk laki-laki, "
                         "41-71 untuk perempuan)"),
    ("7110013205900001", "tanggal lahir 32 tidak mungkin (01-31 untuk laki-laki, "
                         "41-71 untuk perempuan)"),
    ("9999991405900001", "kode wilayah 99.99.99 bukan kecamatan yang terdaftar"),
    ("7110011405900000", "nomor urut NIK 0000 tidak sah (mulai dari 0001)"),
])
async def test_a_wrong_nik_is_refused_with_the_exact_rule(office, operator, nik, message):
    r = await office.client.post("/enrollments", json=recording(nik), headers=operator)
    assert r.status_code == 422
    assert refused_fields(r) == {"nik": message}
    assert f"nik: {message}" in r.json()["detail"]
    assert await office.pool.fetchval("SELECT count(*) FROM enrollments WHERE nik = $1", nik) == 0


async def test_day_41_to_71_reads_as_a_woman(office, operator):
    born = dt.date(1985, 3, 5)
    nik = "7110014503850001"  # day 45 = the 5th, perempuan
    r = await office.client.post(
        "/enrollments", headers=operator,
        json=recording(nik, born=born, sex="PEREMPUAN", nama="Siti Paputungan"),
    )
    assert r.status_code == 201, r.text
    assert r.json()["warnings"] == []
    man = await office.client.post(
        "/enrollments", headers=operator,
        json=recording("7110017103850002", born=dt.date(1985, 3, 31), sex="LAKI-LAKI"),
    )
    assert man.status_code == 201
    assert man.json()["warnings"] == [
        "NIK menunjukkan jenis kelamin PEREMPUAN, data mencatat LAKI-LAKI: periksa KK/akta; "
        "NIK tetap dipakai"
    ]


async def test_a_nik_issued_outside_boltim_is_accepted(office, operator):
    nik = nik_for(BORN, serial=9, kecamatan="710112")  # first issued in Lolak, Bolaang Mongondow
    r = await office.client.post("/enrollments", json=recording(nik), headers=operator)
    assert r.status_code == 201, r.text


async def test_a_birth_date_that_disagrees_with_the_nik_is_a_warning(office, operator):
    nik = nik_for(BORN, serial=21)
    body = recording(nik, tanggal_lahir="1990-05-15")
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 201
    assert r.json()["warnings"] == [
        "NIK menunjukkan tanggal lahir 14 Mei 1990, data mencatat 15 Mei 1990: periksa "
        "KK/akta; NIK tetap dipakai"
    ]


async def test_a_viewer_sees_warnings_without_the_birth_date_age_sex_or_nik(
    office, operator, supervisor, auth_header,
):
    dated = nik_for(BORN, serial=22)
    woman = "7110017103850003"  # day 71: the NIK says perempuan
    young = years_ago(16, days=30)
    for _nik, body, who in (
        (dated, recording(dated, tanggal_lahir="1990-05-15"), operator),
        (woman, recording(woman, born=dt.date(1985, 3, 31), sex="LAKI-LAKI"), operator),
        (None, recording(born=young, serial=23, status_perkawinan="BELUM KAWIN",
                         izin_wajib_ktp="anak yatim Bapak Mokoagow, untuk BPJS"), supervisor),
    ):
        r = await office.client.post("/enrollments", json=body, headers=who)
        assert r.status_code == 201, r.text
    young_nik = nik_for(young, serial=23)
    seen = await office.client.get("/enrollments", params={"per_page": 200},
                                   headers=auth_header("viewer"))
    assert seen.status_code == 200
    mine = {i["nik"]: i for i in seen.json()["items"]
            if i["nik"] in {mask_nik(n) for n in (dated, woman, young_nik)}}
    assert len(mine) == 3
    text = str(mine)
    for secret in ("14 Mei 1990", "15 Mei 1990", "PEREMPUAN", "LAKI-LAKI", "umur 16",
                   "Mokoagow", dated, woman, young_nik):
        assert secret not in text, secret
    assert mine[mask_nik(dated)]["warnings"] == [
        "NIK menunjukkan tanggal lahir ***, data mencatat ***: periksa KK/akta; NIK tetap dipakai"]
    assert mine[mask_nik(young_nik)]["overrides"] == {"wajib_ktp": "***"}


async def test_sixteen_and_unmarried_is_refused(office, operator):
    born = years_ago(16, days=30)
    body = recording(born=born, serial=31, status_perkawinan="BELUM KAWIN")
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 422
    assert refused_fields(r) == {"tanggal_lahir": (
        "belum wajib KTP: umur 16 tahun dan belum pernah kawin (wajib KTP mulai umur 17 atau "
        "sudah/pernah kawin); supervisor dapat memberi izin_wajib_ktp dengan alasan")}


async def test_sixteen_and_married_is_accepted(office, operator):
    born = years_ago(16, days=30)
    body = recording(born=born, serial=32, status_perkawinan="KAWIN")
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 201, r.text


async def test_seventeen_today_is_wajib_ktp(office, operator):
    body = recording(born=years_ago(17), serial=33, status_perkawinan="BELUM KAWIN")
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 201, r.text


async def test_only_a_supervisor_may_record_someone_not_yet_wajib_ktp(
    office, operator, supervisor
):
    body = recording(born=years_ago(16, days=10), serial=34, status_perkawinan="BELUM KAWIN",
                     izin_wajib_ktp="pemilih pemula: 17 tahun pada hari pemungutan suara")
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 403
    assert refused_fields(r) == {"izin_wajib_ktp": "hanya supervisor yang boleh memberi izin ini"}
    r = await office.client.post("/enrollments", json=body, headers=supervisor)
    assert r.status_code == 201
    assert r.json()["overrides"] == {
        "wajib_ktp": "pemilih pemula: 17 tahun pada hari pemungutan suara"}
    audit = await office.pool.fetchval(
        "SELECT detail FROM audit_log WHERE action = 'enrollment.create' AND target = $1",
        body["nik"])
    assert audit["overrides"]["wajib_ktp"].startswith("pemilih pemula")


async def test_a_desa_outside_boltim_is_refused(office, operator):
    r = await office.client.post(
        "/enrollments", headers=operator, json=recording(serial=41, kode_desa="71.10.01.9999"))
    assert r.status_code == 422
    assert refused_fields(r) == {"kode_desa": "kode desa 71.10.01.9999 bukan desa di Kabupaten "
                                 "Bolaang Mongondow Timur (contoh: 71.10.01.2001)"}


async def test_a_desa_of_another_kabupaten_is_refused_naming_it(office, operator):
    # A real desa of Kota Kotamobagu: its residents record at their own office.
    r = await office.client.post(
        "/enrollments", headers=operator, json=recording(serial=43, kode_desa="71.74.01.1005"))
    assert r.status_code == 422
    assert refused_fields(r) == {"kode_desa": "kode desa 71.74.01.1005 ada di Kota Kotamobagu, "
                                 "bukan di Kabupaten Bolaang Mongondow Timur: kantor ini hanya "
                                 "merekam penduduk wilayahnya"}


async def test_the_undotted_desa_code_is_accepted(office, operator):
    r = await office.client.post(
        "/enrollments", headers=operator, json=recording(serial=42, kode_desa="7110012001"))
    assert r.status_code == 201


async def test_missing_fields_and_bad_values_name_the_field(office, operator):
    body = recording(serial=43, agama="LAINNYA", rt="12345")
    del body["nama"]
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 422
    fields = refused_fields(r)
    assert set(fields) == {"nama", "agama", "rt"}
    assert fields["nama"] == "Field required"


async def test_a_missing_finger_needs_a_recorded_exception(office, operator):
    fingers = biometrics()["fingerprints"]
    del fingers["L_RING"]
    r = await office.client.post("/enrollments", headers=operator, json=recording(
        serial=51, biometrics=biometrics(fingerprints=fingers)))
    assert r.status_code == 422
    assert refused_fields(r) == {"biometrics.fingerprints.L_RING": (
        "sidik jari L_RING tidak ada: rekam, atau catat pengecualian (mis. amputasi) di "
        "finger_exceptions")}
    r = await office.client.post("/enrollments", headers=operator, json=recording(
        serial=51, biometrics=biometrics(fingerprints=fingers,
                                         finger_exceptions={"L_RING": "amputasi"})))
    assert r.status_code == 201, r.text
    summary = r.json()["biometric_summary"]
    assert "L_RING" not in summary["fingers_recorded"]
    assert summary["finger_exceptions"] == {"L_RING": "amputasi"}


async def test_images_of_the_wrong_format_or_size_are_refused(office, operator):
    import base64
    import io

    from enrollment_testdata import photo_jpeg, signature_png
    from PIL import Image

    small = io.BytesIO()
    Image.frombytes("RGB", (200, 200), bytes(range(256)) * 468 + bytes(192)).save(
        small, "JPEG", quality=95)
    bad = biometrics(
        photo_jpeg_b64=base64.b64encode(signature_png() * 3).decode(),  # a PNG, not a JPEG
        signature_png_b64=base64.b64encode(photo_jpeg()).decode(),
    )
    r = await office.client.post("/enrollments", headers=operator,
                                 json=recording(serial=52, biometrics=bad))
    assert r.status_code == 422
    assert refused_fields(r) == {
        "biometrics.photo_jpeg_b64": "foto harus berformat JPEG, bukan PNG",
        "biometrics.signature_png_b64": "tanda tangan harus berformat PNG, bukan JPEG",
    }
    tiny = biometrics(photo_jpeg_b64=base64.b64encode(small.getvalue()).decode(),
                      fingerprints={**biometrics()["fingerprints"], "R_THUMB": "bm90IGJhc2U2NA"})
    r = await office.client.post("/enrollments", headers=operator,
                                 json=recording(serial=53, biometrics=tiny))
    fields = refused_fields(r)
    assert fields["biometrics.photo_jpeg_b64"] == (
        "foto 200x200 piksel terlalu kecil (minimal 240x320)")
    assert fields["biometrics.fingerprints.R_THUMB"] == "sidik jari R_THUMB bukan base64 yang sah"
    truncated = biometrics(photo_jpeg_b64=base64.b64encode(photo_jpeg()[:6000]).decode())
    r = await office.client.post("/enrollments", headers=operator,
                                 json=recording(serial=54, biometrics=truncated))
    assert refused_fields(r) == {"biometrics.photo_jpeg_b64": "foto rusak atau bukan gambar JPEG"}


async def test_garbage_bodies_get_problems_not_500(office, operator):
    for content in (b"", b"{", b"[]", b'{"nik": 7110011405900001}', b"\xff\xfe"):
        r = await office.client.post("/enrollments", content=content,
                                     headers={**operator, "Content-Type": "application/json"})
        assert r.status_code == 422, (content, r.text)
    r = await office.client.post("/enrollments", json=recording(serial=60, biometrics="x"),
                                 headers=operator)
    assert r.status_code == 422


async def test_viewers_and_printers_may_not_record(office, auth_header):
    for role in ("viewer", "printer", "storekeeper"):
        r = await office.client.post("/enrollments", json=recording(serial=61),
                                     headers=auth_header(role))
        assert r.status_code == 403
