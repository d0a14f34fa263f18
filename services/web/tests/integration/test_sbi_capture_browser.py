"""The operator captures fingers, irises and the face from an SBI device on the clerk's PC (the
simulated one, a real process on a port of 4501-4600), and enrollment checks each score: a
good capture is recorded with its scores, a low finger is refused beside that finger."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from PIL import Image, ImageDraw

from ektp_sbi_sim.testing import running_device
from ektp_shared.nik import make_nik

from .conftest import CHROMIUM, PASSWORD, another_web

pytestmark = [
    pytest.mark.integration, pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None and not os.environ.get("CI"),
                       reason="needs Debian's chromium (apt-get install chromium)"),
]
BORN = dt.date(1988, 3, 9)
DESA = "71.10.01.2001"


@pytest.fixture(scope="module")
def device() -> Any:
    with running_device() as url:
        yield url


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def web(office, create_database, device) -> Any:
    """The office's web app told where the clerk's device is (EKTP_SBI_URL)."""
    async with another_web(office, await create_database("web"), EKTP_SBI_URL=device) as url:
        yield url


@pytest.fixture(scope="module")
def signature(tmp_path_factory) -> Path:
    img = Image.new("L", (300, 100), 255)
    ImageDraw.Draw(img).line([(10, 70), (80, 20), (150, 80), (290, 30)], fill=0, width=3)
    out = io.BytesIO()
    img.save(out, "PNG")
    path = tmp_path_factory.mktemp("ttd") / "ttd.png"
    path.write_bytes(out.getvalue())
    return path


def person(device: str, **state: Any) -> None:
    """Who is in front of the simulated device (its scores, its unreadable fingers)."""
    assert httpx.put(f"{device}/simulator", json=state, timeout=10).status_code == 200


def recordings_of(office, nik: str) -> int:
    r = httpx.get(office.urls["enrollment"] + "/enrollments", params={"nik": nik}, timeout=30,
                  headers={"Authorization": f"Bearer {office.admin_token}"})
    assert r.status_code == 200, r.text
    return int(r.json()["total"])


def open_recording(page, web: str, nik: str, signature: Path) -> None:
    page.goto(web + "/masuk")
    page.get_by_label("Nama pengguna").fill("rina")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(web + "/perekaman/rekam")
    page.get_by_label("NIK").fill(nik)
    page.get_by_label("Nama lengkap").fill("Yusuf Paputungan")
    page.get_by_label("Tempat lahir").fill("Tutuyan")
    page.get_by_label("Tanggal", exact=True).fill(str(BORN.day))
    page.get_by_label("Bulan").fill(str(BORN.month))
    page.get_by_label("Tahun").fill(str(BORN.year))
    page.get_by_label("Jenis kelamin").select_option("LAKI-LAKI")
    page.get_by_label("Agama").select_option("ISLAM")
    page.get_by_label("Status perkawinan").select_option("KAWIN")
    page.get_by_label("Pekerjaan").fill("NELAYAN/PERIKANAN")
    page.get_by_label("Alamat").fill("Dusun I")
    page.get_by_label("RT", exact=True).fill("3")
    page.get_by_label("RW", exact=True).fill("1")
    page.get_by_label("Kode desa").select_option(DESA)
    page.get_by_label("Tanda tangan", exact=True).set_input_files(signature)


def capture(page, button: str) -> None:
    from playwright.sync_api import expect

    page.get_by_role("button", name=button).click()
    expect(page.locator("#alat-keadaan")).to_have_text(
        "Selesai mengambil. Periksa kualitas setiap bagian di tabel.")


def test_the_page_may_reach_the_device_and_the_device_answers_its_preflight(web, device):
    csp = httpx.get(web + "/masuk", timeout=10).headers["content-security-policy"]
    assert f"connect-src 'self' {device};" in csp
    r = httpx.options(f"{device}/capture", timeout=10, headers={
        "Origin": web, "Access-Control-Request-Method": "RCAPTURE",
        "Access-Control-Request-Private-Network": "true"})
    assert r.headers["access-control-allow-private-network"] == "true"
    assert r.headers["access-control-allow-origin"] == web


def test_the_operator_records_from_the_device_with_a_missing_finger_excused(
        office, web, device, page, signature, tmp_path):
    from playwright.sync_api import expect

    person(device, default_quality=82, quality={"R_INDEX": 64}, missing=["L_LITTLE"])
    nik = make_nik("711001", BORN, "LAKI-LAKI", 41)
    open_recording(page, web, nik, signature)
    expect(page.locator("#alat-keadaan")).to_have_text(
        "Alat siap: sidik jari, iris, kamera wajah.")
    capture(page, "Ambil foto dari alat")
    capture(page, "Ambil sidik jari dari alat")
    capture(page, "Ambil iris dari alat")
    expect(page.locator("#hasil-jari_R_INDEX")).to_have_text("Diambil, kualitas 64")
    expect(page.locator("#hasil-jari_L_LITTLE")).to_contain_text("Tidak terbaca")
    # The clerk writes why, and captures again: the device leaves that finger out.
    page.locator("#alasan_jari_L_LITTLE").fill("amputasi")
    capture(page, "Ambil sidik jari dari alat")
    expect(page.locator("#hasil-jari_L_LITTLE")).to_have_text("Dikecualikan: tidak diambil")
    page.screenshot(path=str(tmp_path / "perekaman-alat.png"), full_page=True)
    page.get_by_role("button", name="Simpan perekaman").click()
    expect(page.get_by_role("heading", name="Perekaman tersimpan")).to_be_visible()
    enrollment_id = page.locator("#nomor-perekaman").inner_text()
    r = httpx.get(office.urls["enrollment"] + f"/enrollments/{enrollment_id}", timeout=30,
                  headers={"Authorization": f"Bearer {office.admin_token}"})
    summary = r.json()["biometric_summary"]
    assert summary["finger_exceptions"] == {"L_LITTLE": "amputasi"}
    scores = summary["quality_scores"]
    assert scores["fingerprints"]["R_INDEX"] == 64
    assert set(scores["fingerprints"]) == set(summary["fingers_recorded"])
    assert len(scores["fingerprints"]) == 9
    assert scores["irises"] == {"R_IRIS": 82, "L_IRIS": 82}
    assert scores["photo"] == 90
    assert summary["photo"]["width"] == 360


def test_a_low_finger_from_the_device_is_refused_beside_it_and_nothing_is_written(
        office, web, device, page, signature):
    from playwright.sync_api import expect

    person(device, quality={"L_MIDDLE": 22})
    nik = make_nik("711001", BORN, "LAKI-LAKI", 42)
    open_recording(page, web, nik, signature)
    expect(page.locator("#alat-keadaan")).to_contain_text("Alat siap")
    for button in ("Ambil foto dari alat", "Ambil sidik jari dari alat", "Ambil iris dari alat"):
        capture(page, button)
    # The page says so at once ...
    expect(page.locator("#hasil-jari_L_MIDDLE")).to_have_text(
        "Kualitas 22 di bawah ambang 40: ulangi pengambilan")
    # ... and enrollment refuses it if the clerk saves anyway.
    page.get_by_role("button", name="Simpan perekaman").click()
    expect(page.locator("#jari_L_MIDDLE-galat")).to_contain_text(
        "Kualitas sidik jari L_MIDDLE 22 di bawah ambang 40: ulangi pengambilan")
    expect(page.locator(".ringkasan-galat")).to_contain_text("L_MIDDLE 22 di bawah ambang 40")
    assert recordings_of(office, nik) == 0
    # Captured again, better this time: recorded (the photo and irises were kept).
    person(device, quality={"L_MIDDLE": 71})
    capture(page, "Ambil sidik jari dari alat")
    expect(page.locator("#hasil-jari_L_MIDDLE")).to_have_text("Diambil, kualitas 71")
    page.get_by_label("Tanda tangan", exact=True).set_input_files(signature)
    page.get_by_role("button", name="Simpan perekaman").click()
    expect(page.get_by_role("heading", name="Perekaman tersimpan")).to_be_visible()
    assert recordings_of(office, nik) == 1
