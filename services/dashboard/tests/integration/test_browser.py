"""The office's page in a real browser (Debian's chromium driven by Playwright): it loads,
takes a token, shows progress, searches a NIK and shows the resident's timeline."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Callable

import pytest
from dashboard_samples import (
    ago,
    card_printed,
    nik,
    print_ready,
    printer_status,
    received,
    recorded,
    roster,
    submitted,
)

from ektp_shared.config import repo_root

pytestmark = [pytest.mark.integration, pytest.mark.browser,
              pytest.mark.asyncio(loop_scope="session")]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = repo_root() / ".run" / "screenshots"


def drive(url: str, token: str, search: str, more_events: Callable[[], None]) -> dict[str, str]:
    from playwright.sync_api import expect, sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1700}, locale="id-ID")
            page.goto(url + "/")
            expect(page.locator("#masuk")).to_be_visible()
            page.fill("#token-input", token)
            page.click("#token-save")
            expect(page.locator("#ubin-target b")).to_have_text("3", timeout=15000)
            expect(page.locator("#grafik-kecamatan svg")).to_be_visible()
            page.fill("#nik-input", search)
            page.click("#nik-search")
            timeline = page.locator("#timeline")
            expect(timeline).to_be_visible(timeout=15000)
            expect(timeline.locator("tr")).to_have_count(6)  # header + 5 steps
            status = page.locator("#status-penduduk").inner_text()
            steps = timeline.inner_text()
            page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)
            page.fill("#nik-input", "123")
            page.click("#nik-search")
            wrong = page.locator("#galat-cari").inner_text()
            size = (SCREENSHOTS / "dashboard.png").stat().st_size
            # It refreshes by itself: one more resident on the roster shows without a reload.
            more_events()
            expect(page.locator("#ubin-target b")).to_have_text("4", timeout=20000)
            return {"status": status, "steps": steps, "wrong": wrong,
                    "printers": page.locator("#printer").inner_text(),
                    "sync": page.locator("#sinkron").inner_text(), "size": str(size)}
        finally:
            browser.close()


# Outside CI a developer without Debian's chromium may skip it; CI installs chromium (.ci/run)
# and there a missing browser must fail, not skip.
@pytest.mark.skipif(shutil.which(CHROMIUM) is None and not os.environ.get("CI"),
                    reason="needs Debian's chromium (apt-get install chromium)")
async def test_the_page_finds_a_resident_and_shows_the_timeline(served_dashboard, make_token):
    n = nik(50)
    await served_dashboard.send("central", [roster(n, at=ago(120)), roster(nik(51)),
                                            roster(nik(52)), submitted(n, at=ago(90)),
                                            print_ready(n, at=ago(50))])
    await served_dashboard.send("enrollment", [recorded(n, at=ago(100)), recorded(nik(51))])
    await served_dashboard.send("printing", [printer_status("P1", "ONLINE"),
                                             printer_status("P4", "BROKEN", "rusak berat"),
                                             card_printed(n, "BLK7", at=ago(3))])
    await served_dashboard.send("inventory", [received([f"BLK{i}" for i in range(20)])])
    token = make_token(user="rina", role="operator")
    await served_dashboard.wait_for(token, lambda b: b["kabupaten"]["printed"] == 1
                                    and b["printers"]["by_status"]["BROKEN"] == 1)

    loop = asyncio.get_running_loop()

    def one_more_on_the_roster() -> None:  # called from the browser's thread
        asyncio.run_coroutine_threadsafe(
            served_dashboard.send("central", [roster(nik(53))]), loop).result(30)

    seen = await asyncio.to_thread(drive, served_dashboard.url, token, n,
                                   one_more_on_the_roster)

    assert "KTP tercetak" in seen["status"] and n in seen["status"]
    for label in ("Masuk daftar wajib KTP", "Perekaman", "Dikirim ke pusat", "Siap cetak",
                  "KTP dicetak"):
        assert label in seen["steps"]
    assert "NIK harus 16 digit" in seen["wrong"]
    assert "BROKEN" in seen["printers"] and "rusak berat" in seen["printers"]
    assert "tidak tersedia" in seen["sync"]
    assert int(seen["size"]) > 10_000
