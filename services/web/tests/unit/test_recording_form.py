"""The recording form and enrollment's request, both ways (no service, no database)."""

import base64

from ektp_web.domain import recording_form as rf
from ektp_web.domain.menus import may_open, menu_for


def test_problem_paths_name_the_form_fields():
    assert rf.form_field_of("nik") == "nik"
    assert rf.form_field_of("body.tanggal_lahir") == "tanggal_lahir"
    assert rf.form_field_of("biometrics.photo_jpeg_b64") == "foto"
    assert rf.form_field_of("biometrics.signature_png_b64") == "tanda_tangan"
    assert rf.form_field_of("biometrics.fingerprints.R_THUMB") == "jari_R_THUMB"
    assert rf.form_field_of("biometrics.finger_exceptions.L_LITTLE") == "alasan_jari_L_LITTLE"
    assert rf.form_field_of("biometrics.irises.L_IRIS") == "iris_L_IRIS"
    assert rf.form_field_of("body") is None
    assert rf.form_field_of("something.else") is None
    assert all(f in rf.LABELS for f in rf.FORM_ORDER)


def test_a_finger_is_a_file_or_the_reason_it_is_missing():
    body = rf.request_body(
        {"nik": "7110011708900001", "alasan_jari_L_LITTLE": " amputasi ", "izin_wajib_ktp": ""},
        {"foto": b"jpeg", "jari_R_THUMB": b"template"})
    bio = body["biometrics"]
    assert isinstance(bio, dict)
    assert bio["photo_jpeg_b64"] == base64.b64encode(b"jpeg").decode()
    assert bio["fingerprints"] == {"R_THUMB": base64.b64encode(b"template").decode()}
    assert bio["finger_exceptions"] == {"L_LITTLE": "amputasi"}
    assert "izin_wajib_ktp" not in body  # an empty override is no override
    assert body["nik"] == "7110011708900001"


def test_the_error_summary_follows_the_page_and_each_field_shows_one_message():
    errors = rf.FormErrors()
    errors.add("foto", "foto harus berformat JPEG, bukan PNG")
    errors.add("nik", "NIK harus 16 digit, bukan 13")
    errors.add("nik", "a second message")
    errors.add(None, "Invalid request")
    assert errors.summary() == [("nik", "NIK harus 16 digit, bukan 13"),
                                ("foto", "Foto harus berformat JPEG, bukan PNG"),
                                (None, "Invalid request")]


def test_each_role_sees_its_own_screens():
    # The dasbor is every role's (its figures name nobody).
    assert [s.path for s in menu_for("operator")] == ["/perekaman", "/dasbor"]
    assert [s.path for s in menu_for("printer")] == ["/ruang-cetak", "/dasbor"]
    assert len(menu_for("supervisor")) == len(menu_for("admin")) == 5
    assert "/supervisor" not in [s.path for s in menu_for("storekeeper")]
    assert [s.path for s in menu_for("viewer")] == ["/dasbor"]
    assert not may_open("operator", "printer")


def test_the_birth_date_is_three_numbers_that_make_a_date():
    assert rf.birth_date("17", "8", "1990") == "1990-08-17"
    assert rf.birth_date("", " ", "") == ""
    for day, month, year in (("31", "2", "1990"), ("1", "1", "90"), ("x", "1", "1990")):
        try:
            rf.birth_date(day, month, year)
        except ValueError as exc:
            assert str(exc).startswith("Tanggal lahir")
        else:
            raise AssertionError((day, month, year))
