"""The office's pages in a real browser (Debian's chromium driven by Playwright), clicking
and typing as a clerk would; what was recorded is checked through enrollment's API.
One browser for the module; screenshots at 1366x768 in pytest's tmp dir."""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image, ImageDraw

from ektp_shared.nik import make_nik

from .conftest import CHROMIUM, PASSWORD

# Outside CI a developer without Debian's chromium may skip it; CI installs chromium.
pytestmark = [
    pytest.mark.integration, pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None and not os.environ.get("CI"),
                       reason="needs Debian's chromium (apt-get install chromium)"),
]
BORN = dt.date(1990, 8, 17)
DESA = "71.10.01.2001"  # Kayumoyondi, Tutuyan


def _image(fmt: str, size: tuple[int, int], seed: int) -> bytes:
    rnd = random.Random(seed)
    img = Image.new("RGB", size, (200, 40, 40))
    draw = ImageDraw.Draw(img)
    draw.ellipse((size[0] // 5, size[1] // 8, size[0] * 4 // 5, size[1] * 2 // 3),
                 fill=(224, 180, 150))
    for _ in range(700):  # texture, so the JPEG is photo-sized
        draw.point((rnd.randrange(size[0]), rnd.randrange(size[1])),
                   fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    out = io.BytesIO()
    img.save(out, fmt, **({"quality": 80} if fmt == "JPEG" else {}))
    return out.getvalue()


@pytest.fixture(scope="module")
def station_files(tmp_path_factory) -> dict[str, Path]:
    """What the recording station's devices wrote: photo, signature, templates, irises."""
    folder = tmp_path_factory.mktemp("station")
    files = {"foto.jpg": _image("JPEG", (300, 400), 1),
             "foto.png": _image("PNG", (300, 400), 2),
             "ttd.png": _image("PNG", (300, 100), 3)}
    for n in range(12):
        files[f"bio{n}.bin"] = random.Random(n).randbytes(600)
    paths = {}
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
        paths[name] = folder / name
    return paths


@pytest.fixture(scope="module")
def screens(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def sign_in(page, office, username: str, password: str = PASSWORD) -> None:
    page.goto(office.urls["web"] + "/masuk")
    page.get_by_label("Nama pengguna").click()
    page.keyboard.type(username)
    page.get_by_label("Kata sandi").click()
    page.keyboard.type(password)
    page.get_by_role("button", name="Masuk").click()


def enrollment_get(office, path: str, **params: str) -> Any:
    # Playwright's sync API runs its own loop in this thread: a plain blocking call here.
    r = httpx.get(office.urls["enrollment"] + path, params=params or None, timeout=30,
                  headers={"Authorization": f"Bearer {office.admin_token}"})
    assert r.status_code == 200, r.text
    return r.json()


def test_sign_in_and_sign_out(office, page, screens):
    from playwright.sync_api import expect

    page.goto(office.urls["web"] + "/")
    expect(page).to_have_url(office.urls["web"] + "/masuk")
    page.screenshot(path=str(screens / "masuk.png"))
    sign_in(page, office, "rina")
    expect(page.get_by_role("heading", name="Selamat bekerja, Rina")).to_be_visible()
    menu = page.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("link", name="Perekaman")).to_be_visible()
    expect(menu.get_by_role("link", name="Ruang cetak")).to_have_count(0)
    page.screenshot(path=str(screens / "beranda.png"))
    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_role("status")).to_have_text("Anda telah keluar.")
    page.goto(office.urls["web"] + "/perekaman/rekam")
    expect(page).to_have_url(office.urls["web"] + "/masuk")


def test_a_clerk_with_several_roles_picks_one(office, page, screens):
    from playwright.sync_api import expect

    sign_in(page, office, "hendra")
    expect(page.locator(".ringkasan-galat")).to_contain_text("beberapa peran")
    page.screenshot(path=str(screens / "pilih-peran.png"))
    page.get_by_label("Supervisor").check()
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    menu = page.get_by_role("navigation", name="Menu")
    for screen in ("Perekaman", "Ruang cetak", "Gudang blangko"):
        expect(menu.get_by_role("link", name=screen)).to_be_visible()
    expect(page.get_by_text("Hendra · Supervisor")).to_be_visible()


def test_five_wrong_passwords_lock_the_account(office, page, screens):
    from playwright.sync_api import expect

    for _ in range(4):
        sign_in(page, office, "lupa", "bukan-kata-sandinya")
        expect(page.locator("#password-galat")).to_contain_text(
            "Nama pengguna atau kata sandi salah.")
    page.screenshot(path=str(screens / "salah-sandi.png"))
    sign_in(page, office, "lupa", "bukan-kata-sandinya")
    expect(page.locator("#username-galat")).to_contain_text("Akun ini terkunci")
    expect(page.locator(".ringkasan-galat")).to_contain_text("Akun ini terkunci")
    page.screenshot(path=str(screens / "terkunci.png"))
    sign_in(page, office, "lupa")  # the right password no longer opens it
    expect(page.locator("#username-galat")).to_contain_text("Akun ini terkunci")


def test_an_operator_typing_the_print_rooms_address_is_refused(office, page, screens):
    from playwright.sync_api import expect

    sign_in(page, office, "rina")
    response = page.goto(office.urls["web"] + "/ruang-cetak")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", name="Anda tidak dapat membuka halaman ini")).to_be_visible()
    expect(page.get_by_text("Halaman ini untuk petugas cetak")).to_be_visible()
    page.screenshot(path=str(screens / "ditolak.png"))


def fill_recording(page, office, files: dict[str, Path], *, nik: str, photo: str) -> None:
    page.goto(office.urls["web"] + "/perekaman/rekam")
    page.get_by_label("NIK").click()
    page.keyboard.type(nik)
    page.get_by_label("Nama lengkap").fill("Siti Mokoagow")
    page.get_by_label("Tempat lahir").fill("Tutuyan")
    page.get_by_label("Tanggal", exact=True).fill(str(BORN.day))
    page.get_by_label("Bulan").fill(str(BORN.month))
    page.get_by_label("Tahun").fill(str(BORN.year))
    page.get_by_label("Jenis kelamin").select_option("LAKI-LAKI")
    page.get_by_label("Golongan darah").select_option("O")
    page.get_by_label("Agama").select_option("ISLAM")
    page.get_by_label("Status perkawinan").select_option("KAWIN")
    page.get_by_label("Pekerjaan").fill("PETANI/PEKEBUN")
    page.get_by_label("Alamat").fill("Jl. Trans Sulawesi, Dusun II")
    page.get_by_label("RT", exact=True).fill("1")
    page.get_by_label("RW", exact=True).fill("2")
    page.get_by_label("Kode desa").select_option(DESA)
    page.get_by_label("Foto wajah").set_input_files(files[photo])
    page.get_by_label("Tanda tangan", exact=True).set_input_files(files["ttd.png"])
    fingers = page.locator("input[type=file][id^=jari_]")
    for n in range(9):  # the left little finger is missing: its reason instead
        fingers.nth(n).set_input_files(files[f"bio{n}.bin"])
    page.locator("#alasan_jari_L_LITTLE").fill("amputasi")
    page.locator("#iris_R_IRIS").set_input_files(files["bio10.bin"])
    page.locator("#iris_L_IRIS").set_input_files(files["bio11.bin"])


def test_the_operator_records_a_resident(office, page, screens, station_files):
    from playwright.sync_api import expect

    nik = make_nik("711001", BORN, "LAKI-LAKI", 1)
    sign_in(page, office, "rina")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Perekaman").click()
    fill_recording(page, office, station_files, nik=nik, photo="foto.jpg")
    page.screenshot(path=str(screens / "perekaman.png"))
    page.screenshot(path=str(screens / "perekaman-penuh.png"), full_page=True)
    page.get_by_role("button", name="Simpan perekaman").click()
    expect(page.get_by_role("heading", name="Perekaman tersimpan")).to_be_visible()
    page.screenshot(path=str(screens / "tersimpan.png"))
    enrollment_id = page.locator("#nomor-perekaman").inner_text()
    recorded = enrollment_get(office, f"/enrollments/{enrollment_id}")
    assert recorded["nik"] == nik
    assert recorded["demographics"]["nama"] == "Siti Mokoagow"
    assert recorded["demographics"]["tanggal_lahir"] == BORN.isoformat()
    assert recorded["demographics"]["kode_desa"] == DESA
    summary = recorded["biometric_summary"]
    assert summary["finger_exceptions"] == {"L_LITTLE": "amputasi"}
    assert len(summary["fingers_recorded"]) == 9


def test_a_bad_nik_and_a_photo_not_jpeg_are_shown_beside_their_fields(
        office, page, screens, station_files):
    from playwright.sync_api import expect

    sign_in(page, office, "rina")
    fill_recording(page, office, station_files, nik="7110011708900", photo="foto.jpg")
    page.get_by_role("button", name="Simpan perekaman").click()
    expect(page.locator(".ringkasan-galat")).to_be_visible()
    nik_message = page.locator("#nik-galat")
    expect(nik_message).to_contain_text("16")
    summary_link = page.locator(".ringkasan-galat a[href='#nik']")
    expect(summary_link).to_have_text(nik_message.inner_text().removeprefix("Galat:").strip())
    expect(page.get_by_label("Nama lengkap")).to_have_value("Siti Mokoagow")  # kept
    page.screenshot(path=str(screens / "nik-salah.png"))

    good = make_nik("711001", BORN, "LAKI-LAKI", 2)
    fill_recording(page, office, station_files, nik=good, photo="foto.png")
    page.get_by_role("button", name="Simpan perekaman").click()
    expect(page.locator("#foto-galat")).to_contain_text("JPEG")
    expect(page.locator(".ringkasan-galat a[href='#foto']")).to_be_visible()
    page.screenshot(path=str(screens / "foto-bukan-jpeg.png"))
    for nik in ("7110011708900", good):
        assert enrollment_get(office, "/enrollments", nik=nik)["total"] == 0
