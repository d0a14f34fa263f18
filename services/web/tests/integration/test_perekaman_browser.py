"""The recording counter's day in a real browser (Debian's chromium driven by Playwright),
clicking and typing as the clerk would: a resident found on the roster is recorded and
followed to the centre, the camera and the signature pad give the photo and the signature,
the services' refusals stand beside their fields with nothing written, a warning is
confirmed before saving, a desa's field check and a mobile kit's file. Each effect is
checked through the services' APIs. Screenshots at 1366x768 and at a tablet's 800x1280."""

from __future__ import annotations

import base64
import datetime as dt
import os
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ektp_shared.nik import make_nik

from .conftest import ARGS, CHROMIUM
from .test_browser import _image, sign_in

pytestmark = [
    pytest.mark.integration, pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None and not os.environ.get("CI"),
                       reason="needs Debian's chromium (apt-get install chromium)"),
]
DESA = "71.10.01.2001"  # Kayumoyondi, Tutuyan
DESA_NAME = "Kayumoyondi"
OFFICE_PC, TABLET = {"width": 1366, "height": 768}, {"width": 800, "height": 1280}
FINGERS = ("R_THUMB", "R_INDEX", "R_MIDDLE", "R_RING", "R_LITTLE",
           "L_THUMB", "L_INDEX", "L_MIDDLE", "L_RING", "L_LITTLE")


@pytest.fixture(scope="module")
def screens(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots-perekaman")


def shoot(page, screens: Path, name: str) -> None:
    """The screen as the office PC shows it, and as a tablet in a village does."""
    page.screenshot(path=str(screens / f"{name}-1366x768.png"), full_page=True)
    page.set_viewport_size(TABLET)
    page.screenshot(path=str(screens / f"{name}-800x1280.png"), full_page=True)
    page.set_viewport_size(OFFICE_PC)


def station(folder: Path, seed: int) -> dict[str, Path]:
    """What one resident's capture gave: photo, signature, and fingers and irises of their
    own (the centre takes the same fingers under another NIK for a duplicate)."""
    rnd = random.Random(seed)
    files = {"foto.jpg": _image("JPEG", (300, 400), seed),
             "foto.png": _image("PNG", (300, 400), seed),
             "ttd.png": _image("PNG", (300, 100), seed + 1)}
    for key in (*FINGERS, "R_IRIS", "L_IRIS"):
        files[f"{key}.bin"] = rnd.randbytes(600)
    folder.mkdir(parents=True, exist_ok=True)
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    return {name: folder / name for name in files}


def api(office, method: str, service: str, path: str, **kw: Any) -> Any:
    # Playwright's sync API runs its own loop in this thread: plain blocking calls here.
    r = httpx.request(method, office.urls[service] + path, timeout=30,
                      headers={"Authorization": f"Bearer {office.admin_token}",
                               **kw.pop("headers", {})}, **kw)
    assert r.status_code < 300, f"{method} {service}{path}: {r.status_code} {r.text}"
    return r.json()


def ministry_roster(office, *rows: tuple[str, str, str]) -> None:
    """The ministry's roster CSV, imported as the office does (POST /roster/import)."""
    text = "nik,nama,kode_desa\n" + "".join(f"{n},{nama},{d}\n" for n, nama, d in rows)
    answer = api(office, "POST", "enrollment", "/roster/import", content=text.encode(),
                 headers={"Content-Type": "text/csv"})
    assert answer["rejected"] == 0, answer


def roster_row(office, nik: str) -> dict[str, Any]:
    (row,) = api(office, "GET", "enrollment", "/roster", params={"nik": nik})["items"]
    return row


def recorded_total(office, nik: str) -> int:
    return int(api(office, "GET", "enrollment", "/enrollments", params={"nik": nik})["total"])


def complete_the_form(page, files: dict[str, Path], *, photo: str | None = "foto.jpg",
                      signature: bool = True, skip_finger: str | None = None) -> None:
    """What the roster does not hold, asked and typed at the counter; the capture files."""
    page.get_by_label("Tempat lahir").fill("Tutuyan")
    page.get_by_label("Golongan darah").select_option("O")
    page.get_by_label("Agama").select_option("ISLAM")
    page.get_by_label("Status perkawinan").select_option("KAWIN")
    page.get_by_label("Pekerjaan").fill("PETANI/PEKEBUN")
    page.get_by_label("Alamat").fill("Jl. Trans Sulawesi, Dusun II")
    page.get_by_label("RT", exact=True).fill("3")
    page.get_by_label("RW", exact=True).fill("1")
    if photo:
        page.get_by_label("Foto wajah").set_input_files(files[photo])
    if signature:
        page.get_by_label("Tanda tangan", exact=True).set_input_files(files["ttd.png"])
    for key in FINGERS:
        if key != skip_finger:
            page.locator(f"#jari_{key}").set_input_files(files[f"{key}.bin"])
    page.locator("#iris_R_IRIS").set_input_files(files["R_IRIS.bin"])
    page.locator("#iris_L_IRIS").set_input_files(files["L_IRIS.bin"])


def find_on_the_roster(page, office, nama: str) -> None:
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Perekaman").click()
    page.get_by_label("Nama", exact=True).fill(nama)
    page.get_by_role("button", name="Cari").click()


def test_the_operator_records_a_resident_found_on_the_roster_and_sees_it_reach_the_centre(
        office, page, screens, tmp_path):
    from playwright.sync_api import expect

    born = dt.date(1986, 4, 21)
    nik = make_nik("711001", born, "PEREMPUAN", 311)
    ministry_roster(office, (nik, "Nurhayati Lasabuda", DESA),
                    (make_nik("711001", born, "LAKI-LAKI", 312), "Yusuf Lasabuda", DESA))
    files = station(tmp_path, 311)
    sign_in(page, office, "rina")
    find_on_the_roster(page, office, "nurhayati lasa")
    results = page.locator("#tabel-roster tbody tr")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Nurhayati Lasabuda")
    expect(results.first).to_contain_text(DESA_NAME)
    shoot(page, screens, "perekaman-cari")
    results.first.get_by_role("link", name="Rekam").click()

    # The roster's data is on the form already; the clerk adds the rest.
    expect(page.get_by_label("NIK")).to_have_value(nik)
    expect(page.get_by_label("Nama lengkap")).to_have_value("Nurhayati Lasabuda")
    expect(page.get_by_label("Tahun")).to_have_value("1986")
    expect(page.get_by_label("Jenis kelamin")).to_have_value("PEREMPUAN")
    expect(page.get_by_label("Kode desa")).to_have_value(DESA)
    expect(page.get_by_text("Izin supervisor")).to_have_count(0)  # an operator's form
    complete_the_form(page, files)
    shoot(page, screens, "perekaman-formulir")
    page.get_by_role("button", name="Simpan perekaman").click()

    expect(page.get_by_role("heading", name="Perekaman tersimpan")).to_be_visible()
    enrollment_id = page.locator("#nomor-perekaman").inner_text()
    shoot(page, screens, "perekaman-tersimpan")
    # The page follows the recording by itself (static/perekaman.js) until the verdict.
    expect(page.locator("#kemajuan-teks")).to_have_text("Diterima pusat: siap cetak",
                                                        timeout=60_000)
    shoot(page, screens, "perekaman-sampai-pusat")

    recorded = api(office, "GET", "enrollment", f"/enrollments/{enrollment_id}")
    assert recorded["nik"] == nik and recorded["recorded_by"] == "rina"
    assert recorded["demographics"]["tempat_lahir"] == "Tutuyan"
    assert len(recorded["biometric_summary"]["fingers_recorded"]) == 10
    assert roster_row(office, nik)["status"] == "SUDAH_REKAM"
    received = api(office, "GET", "central-sim", "/control/received", params={"limit": 10000})
    assert enrollment_id in {r["enrollment_id"] for r in received}
    submission = api(office, "GET", "sync", f"/submissions/{enrollment_id}")
    assert submission["state"] == "PRINT_READY_RECORD"


@pytest.fixture(scope="module")
def camera_browser(browser) -> Iterator[Any]:
    """A second chromium (of the same Playwright) whose camera is the fake device (a moving
    test picture), allowed without asking."""
    chromium = browser.browser_type.launch(
        executable_path=CHROMIUM, headless=True,
        args=[*ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"])
    try:
        yield chromium
    finally:
        chromium.close()


def test_the_face_photo_from_the_camera_and_the_signature_drawn_on_the_pad(
        office, camera_browser, screens, tmp_path):
    from playwright.sync_api import expect

    born = dt.date(1979, 11, 2)
    nik = make_nik("711001", born, "LAKI-LAKI", 321)
    ministry_roster(office, (nik, "Herman Paputungan", DESA))
    files = station(tmp_path, 321)
    context = camera_browser.new_context(viewport=OFFICE_PC, locale="id-ID", has_touch=True)
    page = context.new_page()
    try:
        sign_in(page, office, "rina")
        page.goto(office.urls["web"] + f"/perekaman/rekam?nik={nik}")
        complete_the_form(page, files, photo=None, signature=False)
        page.get_by_role("button", name="Nyalakan kamera").click()
        take = page.get_by_role("button", name="Ambil foto")
        expect(take).to_be_enabled()  # once the camera's picture has arrived
        take.click()
        expect(page.locator("#kamera-status")).to_contain_text("Foto diambil")
        # The signature, drawn as a finger would on a tablet (pointer events).
        pad = page.locator("#pad-kanvas")
        pad.scroll_into_view_if_needed()
        box = pad.bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + 30, box["y"] + 100)
        page.mouse.down()
        for i in range(1, 30):
            page.mouse.move(box["x"] + 30 + i * 12, box["y"] + 100 - 40 * ((i % 4) - 1.5) / 1.5)
        page.mouse.up()
        shoot(page, screens, "perekaman-kamera")
        page.get_by_role("button", name="Simpan perekaman").click()
        expect(page.get_by_role("heading", name="Perekaman tersimpan")).to_be_visible()
        enrollment_id = page.locator("#nomor-perekaman").inner_text()
    finally:
        context.close()
    summary = api(office, "GET", "enrollment", f"/enrollments/{enrollment_id}")[
        "biometric_summary"]
    photo, drawn = summary["photo"], summary["signature"]
    assert photo["height"] * 3 == photo["width"] * 4  # the camera's frame, cut to 3:4
    assert drawn["width"] == 500 and drawn["height"] == 180  # the pad's drawing


def test_a_bad_nik_a_missing_finger_and_a_photo_not_jpeg_stand_beside_their_fields(
        office, page, screens, tmp_path):
    from playwright.sync_api import expect

    born = dt.date(1992, 1, 30)
    nik = make_nik("711001", born, "LAKI-LAKI", 331)
    ministry_roster(office, (nik, "Rudi Mokoginta", DESA))
    files = station(tmp_path, 331)
    sign_in(page, office, "rina")
    checks = [
        ("nik", "7110013001920", {}, "16"),
        ("jari_L_LITTLE", nik, {"skip_finger": "L_LITTLE"}, "L_LITTLE tidak ada"),
        ("foto", nik, {"photo": "foto.png"}, "JPEG"),
    ]
    for field, typed, changes, said in checks:
        page.goto(office.urls["web"] + f"/perekaman/rekam?nik={nik}")
        page.get_by_label("NIK").fill(typed)
        complete_the_form(page, files, **changes)
        page.get_by_role("button", name="Simpan perekaman").click()
        message = page.locator(f"#{field}-galat")
        expect(message).to_contain_text(said)
        link = page.locator(f".ringkasan-galat a[href='#{field}']")
        expect(link).to_have_text(message.inner_text().removeprefix("Galat:").strip())
        expect(page.get_by_label("Nama lengkap")).to_have_value("Rudi Mokoginta")  # kept
        shoot(page, screens, f"perekaman-galat-{field}")
        assert recorded_total(office, typed) == 0
    assert roster_row(office, nik)["status"] == "BELUM_REKAM"


def test_a_warning_is_shown_before_saving_and_the_clerk_confirms(office, page, screens,
                                                                  tmp_path):
    from playwright.sync_api import expect

    born = dt.date(1975, 6, 9)
    nik = make_nik("711001", born, "PEREMPUAN", 341)
    ministry_roster(office, (nik, "Sartika Damopolii", DESA))
    files = station(tmp_path, 341)
    sign_in(page, office, "rina")
    page.goto(office.urls["web"] + f"/perekaman/rekam?nik={nik}")
    page.get_by_label("Tanggal", exact=True).fill("10")  # the KK says the 10th; the NIK the 9th
    complete_the_form(page, files)
    page.get_by_role("button", name="Simpan perekaman").click()
    expect(page.get_by_role("heading", name="Periksa sebelum menyimpan")).to_be_visible()
    expect(page.locator("#peringatan")).to_contain_text("NIK menunjukkan tanggal lahir")
    shoot(page, screens, "perekaman-periksa")
    assert recorded_total(office, nik) == 0  # nothing saved until the clerk confirms
    page.get_by_role("button", name="Data sudah benar, simpan perekaman").click()
    expect(page.get_by_role("heading", name="Perekaman tersimpan")).to_be_visible()
    expect(page.locator("#peringatan")).to_contain_text("NIK menunjukkan tanggal lahir")
    enrollment_id = page.locator("#nomor-perekaman").inner_text()
    recorded = api(office, "GET", "enrollment", f"/enrollments/{enrollment_id}")
    assert recorded["demographics"]["tanggal_lahir"] == "1975-06-10"
    assert len(recorded["warnings"]) == 1
    assert len(recorded["biometric_summary"]["fingers_recorded"]) == 10  # files carried


def test_a_field_check_outcome_is_recorded_from_the_desas_worklist(office, page, screens):
    from playwright.sync_api import expect

    born = dt.date(1969, 2, 3)
    moved = make_nik("711001", born, "LAKI-LAKI", 361)
    stays = make_nik("711001", born, "PEREMPUAN", 362)
    ministry_roster(office, (moved, "Abdul Mokodompit", DESA), (stays, "Hasna Mokodompit", DESA))
    sign_in(page, office, "rina")
    page.goto(office.urls["web"] + "/perekaman")
    page.get_by_role("navigation", name="Perekaman").get_by_role("link",
                                                                 name="Cek lapangan").click()
    page.get_by_label("Desa").select_option(DESA)
    page.get_by_role("button", name="Tampilkan daftar").click()
    row = page.locator(f"#baris-{moved}")
    expect(row).to_contain_text("Abdul Mokodompit")
    shoot(page, screens, "cek-lapangan")
    row.get_by_role("button", name="Catat").click()  # no outcome chosen: said beside it
    expect(page.locator(f"#hasil-{moved}-galat")).to_contain_text("Pilih hasil")
    assert roster_row(office, moved)["last_check"] is None
    row = page.locator(f"#baris-{moved}")
    row.get_by_label("Hasil").select_option("PINDAH")
    row.get_by_label("Catatan").fill("pindah ke Kotamobagu, kata kepala dusun")
    row.get_by_role("button", name="Catat").click()
    expect(page.locator("#dicatat")).to_contain_text("Pindah")
    expect(page.locator(f"#baris-{moved}")).to_have_count(0)  # off the worklist
    expect(page.locator(f"#baris-{stays}")).to_have_count(1)
    shoot(page, screens, "cek-lapangan-dicatat")
    row = roster_row(office, moved)
    assert (row["status"], row["last_check"]) == ("PINDAH", "PINDAH")
    assert roster_row(office, stays)["last_check"] is None


def kit_recording(nik: str, nama: str, born: dt.date, sex: str, files: dict[str, Path]
                  ) -> dict[str, Any]:
    def b64(name: str) -> str:
        return base64.b64encode(files[name].read_bytes()).decode()

    return {
        "nik": nik, "nama": nama, "tempat_lahir": "Nuangan", "tanggal_lahir": born.isoformat(),
        "jenis_kelamin": sex, "alamat": "Dusun I", "rt": "1", "rw": "1", "kode_desa": DESA,
        "agama": "ISLAM", "status_perkawinan": "KAWIN", "pekerjaan": "NELAYAN/PERIKANAN",
        "biometrics": {"photo_jpeg_b64": b64("foto.jpg"), "signature_png_b64": b64("ttd.png"),
                       "fingerprints": {k: b64(f"{k}.bin") for k in FINGERS},
                       "irises": {k: b64(f"{k}.bin") for k in ("R_IRIS", "L_IRIS")}},
    }


def test_the_mobile_kits_file_is_imported_with_its_report_line_by_line(
        office, page, screens, tmp_path):
    from nacl.signing import SigningKey
    from playwright.sync_api import expect

    from ektp_enrollment.domain.kitfile import sign_kit_file

    key = SigningKey.generate()
    api(office, "POST", "enrollment", "/kits", json={
        "kit_id": "KIT-TUTUYAN-1", "label": "Kecamatan Tutuyan",
        "public_key": base64.b64encode(bytes(key.verify_key)).decode()})
    born = dt.date(1983, 7, 7)
    good = [make_nik("711001", born, "LAKI-LAKI", 371 + n) for n in range(2)]
    at = dt.datetime.now(dt.UTC).isoformat()
    records = [{"record_id": f"V{n}", "recorded_at": at, "operator": "dedi",
                "data": kit_recording(nik, f"Warga Kit {n}", born, "LAKI-LAKI",
                                      station(tmp_path / f"v{n}", 371 + n))}
               for n, nik in enumerate(good)]
    bad = kit_recording("7110010707830", "Warga Salah", born, "LAKI-LAKI",
                        station(tmp_path / "v9", 379))
    records.insert(1, {"record_id": "V9", "recorded_at": at, "operator": "dedi", "data": bad})
    kit_file = tmp_path / "kit-tutuyan.ndjson"
    kit_file.write_bytes(sign_kit_file("KIT-TUTUYAN-1", records, key))

    sign_in(page, office, "rina")
    page.goto(office.urls["web"] + "/perekaman")
    page.get_by_role("navigation", name="Perekaman").get_by_role("link",
                                                                 name="Impor berkas kit").click()
    page.get_by_role("button", name="Impor berkas").click()  # no file: said beside the field
    expect(page.locator("#berkas-galat")).to_contain_text("Pilih berkas")
    page.get_by_label("Berkas dari kit").set_input_files(kit_file)
    page.get_by_role("button", name="Impor berkas").click()
    expect(page.locator("#jumlah")).to_have_text(
        "2 direkam, 0 sudah pernah diimpor, 1 ditolak.")
    rows = page.locator("#tabel-laporan tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Direkam")
    expect(rows.nth(1)).to_contain_text("Ditolak")
    expect(rows.nth(1)).to_contain_text("16")
    expect(rows.nth(2)).to_contain_text("Direkam")
    shoot(page, screens, "impor-kit")
    for nik in good:
        assert recorded_total(office, nik) == 1
