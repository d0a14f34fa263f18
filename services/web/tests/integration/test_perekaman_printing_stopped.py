"""With printing stopped (the web app's printing URL a closed port), the recording counter
still records from its screens, and the print room's screen says printing is unavailable.
A module of its own: the web app beside the office's starts (an async fixture) before this
module's browser does (Playwright's sync API holds the thread's loop while it runs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest_asyncio

from ektp_shared.nik import make_nik
from ektp_shared.testing.resources import free_ports

from .conftest import PASSWORD, Office, another_web
from .test_browser import sign_in
from .test_perekaman_browser import (
    DESA,
    OFFICE_PC,
    api,
    complete_the_form,
    find_on_the_roster,
    ministry_roster,
    pytestmark,  # noqa: F401 (the same marks: integration, browser, chromium present)
    shoot,
    station,
)
from .test_perekaman_browser import screens as screens


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def web_without_printing(office, create_database) -> AsyncIterator[str]:
    (closed,) = free_ports(1)
    async with another_web(office, await create_database("web"),
                           EKTP_PRINTING_URL=f"http://127.0.0.1:{closed}") as url:
        yield url


def test_with_printing_stopped_the_counter_records_and_the_print_room_says_so(
        web_without_printing, office, browser, screens, tmp_path):
    from playwright.sync_api import expect

    born = dt.date(1988, 9, 14)
    nik = make_nik("711001", born, "LAKI-LAKI", 351)
    ministry_roster(office, (nik, "Arifin Manoppo", DESA))
    files = station(tmp_path, 351)
    stopped = Office({**office.urls, "web": web_without_printing}, office.admin_token,
                     office.workdir)
    context = browser.new_context(viewport=OFFICE_PC, locale="id-ID")
    page = context.new_page()
    try:
        sign_in(page, stopped, "hendra")
        page.get_by_label("Supervisor").check()
        page.get_by_label("Kata sandi").fill(PASSWORD)
        page.get_by_role("button", name="Masuk").click()
        find_on_the_roster(page, stopped, "Arifin Manoppo")
        page.locator("#tabel-roster").get_by_role("link", name="Rekam").click()
        complete_the_form(page, files)
        page.get_by_role("button", name="Simpan perekaman").click()
        expect(page.get_by_role("heading", name="Perekaman tersimpan")).to_be_visible()
        enrollment_id = page.locator("#nomor-perekaman").inner_text()
        page.get_by_role("navigation", name="Menu").get_by_role("link",
                                                                name="Ruang cetak").click()
        expect(page.get_by_text("layanan pencetakan tidak tersedia")).to_be_visible()
        shoot(page, screens, "ruang-cetak-mati")
    finally:
        context.close()
    assert api(office, "GET", "enrollment", f"/enrollments/{enrollment_id}")["nik"] == nik
