"""Every role's own screens: the dashboard behind the office's sign-in (no token to paste),
and the password page, which a new or reset account must pass before any other screen.
What changed is checked at accounts and the dashboard, not only on the page."""

from __future__ import annotations

import os
import shutil

import httpx
import pytest

from .conftest import CHROMIUM, PASSWORD
from .screens import check_accessibility, output_dir, screenshot
from .test_browser import sign_in

pytestmark = [
    pytest.mark.integration, pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None and not os.environ.get("CI"),
                       reason="needs Debian's chromium (apt-get install chromium)"),
]
NEW_PASSWORD = "tinta-biru-kantor-2026"


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    return output_dir(tmp_path_factory.mktemp("screenshots"))


def _admin(office, method: str, path: str, **kw):
    return httpx.request(method, office.urls["accounts"] + path, timeout=30,
                         headers={"Authorization": f"Bearer {office.admin_token}"}, **kw)


def test_the_head_of_office_sees_the_dashboard_with_the_office_sign_in(office, page, shots):
    from playwright.sync_api import expect

    progress = httpx.get(office.urls["dashboard"] + "/progress", params={"live": "false"},
                         headers={"Authorization": f"Bearer {office.admin_token}"}, timeout=30)
    assert progress.status_code == 200, progress.text
    target = progress.json()["kabupaten"]["target"]
    sign_in(page, office, "kepala")
    menu = page.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("link", name="Perekaman")).to_have_count(0)
    menu.get_by_role("link", name="Dasbor").click()
    expect(page.get_by_role("heading", name="Dasbor e-KTP")).to_be_visible()
    # The dashboard's own figure, shown in the office's page: no token was typed anywhere.
    expect(page.locator("#ubin-target .ubin-angka")).to_have_text(f"{target:,}".replace(",", "."))
    expect(page.get_by_role("heading", name="Progres per kecamatan")).to_be_visible()
    assert page.locator("input[type=password]").count() == 0
    check_accessibility(page, "dasbor")
    screenshot(page, shots, "dasbor-kepala")
    # The page's refresh goes through the web app with the session's cookie.
    fragment = page.request.get(office.urls["web"] + "/dasbor/isi")
    assert fragment.status == 200 and 'id="ubin-target"' in fragment.text()


def test_a_new_account_must_change_its_password_before_any_screen(office, page, shots):
    from playwright.sync_api import expect

    r = _admin(office, "POST", "/users", json={
        "username": "baru", "name": "Dewi Baru", "roles": ["printer"], "password": PASSWORD})
    assert r.status_code == 201 and r.json()["must_change_password"], r.text
    web = office.urls["web"]
    sign_in(page, office, "baru")
    expect(page).to_have_url(web + "/akun/kata-sandi")
    expect(page.locator("#wajib-ganti")).to_contain_text("kata sandi sementara")
    check_accessibility(page, "kata-sandi wajib")
    screenshot(page, shots, "kata-sandi-wajib")
    for elsewhere in ("/", "/ruang-cetak", "/dasbor"):  # typed in the address bar
        page.goto(web + elsewhere)
        expect(page).to_have_url(web + "/akun/kata-sandi")
    # Mistakes: the messages beside the fields and in the summary, in Indonesian.
    page.get_by_label("Kata sandi sekarang").fill("bukan-yang-ini-123")
    page.get_by_label("Kata sandi baru", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Ketik lagi kata sandi baru").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Ganti kata sandi").click()
    expect(page.locator("#current_password-galat")).to_contain_text("Kata sandi sekarang salah")
    expect(page.locator(".ringkasan-galat")).to_contain_text("Kata sandi sekarang salah")
    page.get_by_label("Kata sandi sekarang").fill(PASSWORD)
    page.get_by_label("Kata sandi baru", exact=True).fill("pendek")
    page.get_by_label("Ketik lagi kata sandi baru").fill("pendek")
    page.get_by_role("button", name="Ganti kata sandi").click()
    expect(page.locator("#new_password-galat")).to_contain_text("paling sedikit 10 karakter")
    check_accessibility(page, "kata-sandi galat")
    screenshot(page, shots, "kata-sandi-galat")
    page.get_by_label("Kata sandi sekarang").fill(PASSWORD)
    page.get_by_label("Kata sandi baru", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Ketik lagi kata sandi baru").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Ganti kata sandi").click()
    expect(page.get_by_role("heading", name="Kata sandi sudah diganti")).to_be_visible()
    page.get_by_role("link", name="Lanjut ke beranda").click()
    expect(page.get_by_role("heading", name="Selamat bekerja, Dewi Baru")).to_be_visible()
    page.goto(web + "/ruang-cetak")
    expect(page).to_have_url(web + "/ruang-cetak")
    assert _admin(office, "GET", "/users/baru").json()["must_change_password"] is False
    # The old password opens nothing any more; the new one does.
    r = httpx.post(office.urls["accounts"] + "/sign-in", timeout=30,
                   json={"username": "baru", "password": PASSWORD})
    assert r.status_code == 401
    r = httpx.post(office.urls["accounts"] + "/sign-in", timeout=30,
                   json={"username": "baru", "password": NEW_PASSWORD})
    assert r.status_code == 200 and r.json()["user"]["must_change_password"] is False


def test_a_password_reset_by_the_supervisor_sends_the_clerk_to_the_password_page(
        office, page):
    from playwright.sync_api import expect

    r = _admin(office, "POST", "/users", json={
        "username": "reset", "name": "Rudi Reset", "roles": ["storekeeper"],
        "password": PASSWORD})
    assert r.status_code == 201, r.text
    token = httpx.post(office.urls["accounts"] + "/sign-in", timeout=30, json={
        "username": "reset", "password": PASSWORD}).json()["access_token"]
    assert httpx.post(office.urls["accounts"] + "/me/password", timeout=30,
                      headers={"Authorization": f"Bearer {token}"},
                      json={"current_password": PASSWORD,
                            "new_password": NEW_PASSWORD}).status_code == 200
    temporary = _admin(office, "POST", "/users/reset/password-reset").json()
    sign_in(page, office, "reset", temporary["temporary_password"])
    expect(page).to_have_url(office.urls["web"] + "/akun/kata-sandi")
    page.goto(office.urls["web"] + "/gudang")
    expect(page).to_have_url(office.urls["web"] + "/akun/kata-sandi")


def test_every_clerk_may_change_the_password_from_the_header(office, page):
    from playwright.sync_api import expect

    sign_in(page, office, "sari")
    page.get_by_role("link", name="Ganti kata sandi").click()
    expect(page.get_by_role("heading", name="Ganti kata sandi")).to_be_visible()
    expect(page.locator("#wajib-ganti")).to_have_count(0)
