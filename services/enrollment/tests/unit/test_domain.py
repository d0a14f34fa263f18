"""The enrollment rules with no database and no broker."""

from __future__ import annotations

import base64
import datetime as dt

import httpx
import pytest
from enrollment_testdata import recording
from nacl.signing import SigningKey

from ektp_client_enrollment.client import AuthenticatedClient
from ektp_enrollment.domain import kitfile
from ektp_enrollment.domain import status as st
from ektp_enrollment.domain.errors import Refused
from ektp_enrollment.domain.recording import (
    Earlier,
    RecordingRequest,
    allow_new_recording,
    check_recording,
)
from ektp_enrollment.domain.roster import (
    parse_roster_csv,
    pemula_birth_range,
    roster_status_after_check,
)
from ektp_enrollment.entrypoints.cli import split_csv, upload_roster
from ektp_shared.nik import age_on

TODAY = dt.date(2026, 4, 1)


@pytest.mark.parametrize(("current", "new", "moves"), [
    ("SUDAH_REKAM", "SENT_FOR_ENROLLMENT", True),
    ("SENT_FOR_ENROLLMENT", "PRINT_READY_RECORD", True),
    ("SUDAH_REKAM", "PRINT_READY_RECORD", True),
    ("PRINT_READY_RECORD", "SENT_FOR_ENROLLMENT", False),
    ("SENT_FOR_ENROLLMENT", "SENT_FOR_ENROLLMENT", False),
    ("ENROLL_FAILURE", "PRINT_READY_RECORD", False),
    ("DUPLICATE_RECORD", "ENROLL_FAILURE", False),
    ("MENUNGGU_VERIFIKASI", "SUDAH_REKAM", True),
])
def test_verdicts_only_move_forward(current, new, moves):
    assert st.moves_forward(current, new) is moves


def test_one_active_recording_per_nik():
    with pytest.raises(Refused) as refused:
        allow_new_recording([Earlier("a", "SENT_FOR_ENROLLMENT")], rerecord_reason=None,
                            is_supervisor=True)
    assert refused.value.kind == "conflict"
    assert refused.value.extra["existing_enrollment_id"] == "a"
    earlier = [Earlier("a", "ENROLL_FAILURE")]
    with pytest.raises(Refused) as refused:
        allow_new_recording(earlier, rerecord_reason=None, is_supervisor=True)
    assert refused.value.errors[0].field == "izin_rekam_ulang"
    with pytest.raises(Refused) as refused:
        allow_new_recording(earlier, rerecord_reason="alat baru", is_supervisor=False)
    assert refused.value.kind == "forbidden"
    assert allow_new_recording(earlier, rerecord_reason="alat baru", is_supervisor=True) == {
        "rekam_ulang": "alat baru", "sebelumnya": "a"}
    assert allow_new_recording([Earlier("b", "DITOLAK_VERIFIKASI")], rerecord_reason=None,
                               is_supervisor=False) == {}


def test_every_problem_is_reported_at_once():
    body = recording(nik="7110011413900001", kode_desa="71.10.01.9999")
    body["biometrics"]["fingerprints"].pop("L_LITTLE")
    with pytest.raises(Refused) as refused:
        check_recording(RecordingRequest.model_validate(body), today=TODAY, is_supervisor=False)
    assert [e.field for e in refused.value.errors] == [
        "nik", "kode_desa", "biometrics.fingerprints.L_LITTLE"]


def test_wajib_ktp_is_judged_on_the_day_of_recording():
    born = dt.date(2009, 4, 2)  # 17 on 2026-04-02
    body = RecordingRequest.model_validate(
        recording(born=born, status_perkawinan="BELUM KAWIN"))
    with pytest.raises(Refused):
        check_recording(body, today=TODAY, is_supervisor=False)
    checked = check_recording(body, today=TODAY + dt.timedelta(days=1), is_supervisor=False)
    assert checked.kode_kecamatan == "71.10.01" and checked.warnings == []


def test_the_pemula_range_includes_those_17_exactly_on_the_day():
    election = dt.date(2029, 2, 14)
    after, upto = pemula_birth_range(TODAY, election)
    for born, expected in [(dt.date(2012, 2, 14), True), (dt.date(2012, 2, 15), False),
                           (dt.date(2009, 4, 1), False), (dt.date(2009, 4, 2), True)]:
        inside = after < born <= upto
        assert inside is expected, born
        assert inside is (age_on(born, TODAY) < 17 <= age_on(born, election))
    _, leap_upto = pemula_birth_range(TODAY, dt.date(2028, 2, 29))
    assert leap_upto == dt.date(2011, 2, 28)


def test_roster_rows_are_checked_one_by_one():
    text = ("NIK;Nama;Kode_Desa;Jenis_Kelamin\n"
            "7110014501900001;Siti;7110012001;P\n"
            "7110014501900001;Siti lagi;71.10.01.2001;P\n"
            "7110011405900002;;71.10.01.2001;\n"
            "7110011405900003;Budi;71.10.01.2001;X\n"
            "7110011405900004;Budi;71.10.01.2001;L;extra\n")
    good, bad = parse_roster_csv(text, today=TODAY)
    assert [(g.nik, g.kode_desa, g.jenis_kelamin, g.tanggal_lahir) for g in good] == [
        ("7110014501900001", "71.10.01.2001", "PEREMPUAN", dt.date(1990, 1, 5))]
    assert [(b.line, b.error) for b in bad] == [
        (3, "NIK sama dengan baris 2"), (4, "nama kosong"),
        (5, "jenis_kelamin 'X' tidak dikenal (L atau P)"),
        (6, "jumlah kolom lebih banyak dari judul")]


def test_a_field_check_closes_or_keeps_a_roster_entry():
    assert roster_status_after_check("BELUM_REKAM", "DITEMUKAN") == "BELUM_REKAM"
    assert roster_status_after_check("BELUM_REKAM", "MENINGGAL") == "MENINGGAL"
    assert roster_status_after_check("SUDAH_REKAM", "PINDAH") == "SUDAH_REKAM"


def test_a_kit_file_verifies_only_with_its_own_key():
    key = SigningKey.generate()
    raw = kitfile.sign_kit_file("KIT-1", [{"record_id": "1"}, {"record_id": "2"}], key)
    kit = kitfile.read_kit_file(raw)
    assert kit.kit_id == "KIT-1" and [n for n, _ in kit.lines] == [2, 3]
    kitfile.verify_kit_file(kit, kitfile.parse_public_key(
        base64.b64encode(bytes(key.verify_key)).decode()))
    other = base64.b64encode(bytes(SigningKey.generate().verify_key)).decode()
    with pytest.raises(Refused):
        kitfile.verify_kit_file(kit, other)
    with pytest.raises(Refused):
        kitfile.verify_kit_file(kitfile.read_kit_file(raw.replace(b'"2"', b'"3"')),
                                kitfile.parse_public_key(base64.b64encode(
                                    bytes(key.verify_key)).decode()))


def test_the_cli_sends_the_roster_in_chunks_and_keeps_file_line_numbers():
    rows = [f"71100114059{n:05d},Warga {n},71.10.01.2001" for n in range(1, 8)]
    text = "nik,nama,kode_desa\n" + "\n".join(rows) + "\n"
    assert [offset for offset, _ in split_csv(text, 3)] == [0, 3, 6]
    seen = []

    def office(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["line_offset"])
        body = request.content.decode().splitlines()
        seen.append((offset, body[0], len(body) - 1, request.headers["Idempotency-Key"]))
        bad = [{"line": offset + 2, "nik": body[1].split(",")[0], "error": "contoh"}]
        return httpx.Response(200, json={"accepted": len(body) - 2, "new": len(body) - 2,
                                         "updated": 0, "rejected": 1, "bad_rows": bad})

    progress = []
    client = AuthenticatedClient(base_url="http://office", token="t",
                                 httpx_args={"transport": httpx.MockTransport(office)})
    totals = upload_roster(client, text, 3, progress.append)
    assert [(o, h, n) for o, h, n, _ in seen] == [
        (0, "nik,nama,kode_desa", 3), (3, "nik,nama,kode_desa", 3), (6, "nik,nama,kode_desa", 1)]
    assert len({k for *_, k in seen}) == 3
    assert progress == [3, 3, 1]
    assert [b.line for b in totals.bad_rows] == [2, 5, 8]
    assert (totals.accepted, totals.rejected) == (4, 3)
