"""A walk of every screen (screens.WALK) for the roles that use it, at the office PC's
1366x768 and a village tablet's 800x1280: each opens as meant, passes axe-core with no
serious or critical violation, and leaves a screenshot under the test run's output."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import pytest_asyncio

from ektp_shared.testing.resources import free_ports

from .conftest import CHROMIUM, PASSWORD, STAFF, another_web
from .screens import VIEWPORTS, WALK, Visit, check_accessibility, output_dir, screenshot

pytestmark = [
    pytest.mark.integration, pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None and not os.environ.get("CI"),
                       reason="needs Debian's chromium (apt-get install chromium)"),
]


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def webs(office, create_database) -> AsyncIterator[dict[str, Any]]:
    """The office's web app, one more whose printing and dashboard are down, and a printer
    for the printer's screen. (Asked for before the browser: no asyncio fixture may start
    while Playwright's own loop runs.)"""
    dead = [f"http://127.0.0.1:{port}" for port in free_ports(2)]
    async with httpx.AsyncClient(timeout=30, headers={
            "Authorization": f"Bearer {office.admin_token}"}) as api:
        r = await api.post(office.urls["printing"] + "/printers", json={
            "name": "Printer jalan-jalan", "model": "Evolis Primacy 2", "driver": "pdf",
            "location": "Ruang cetak", "status": "ONLINE", "reason": ""})
        assert r.status_code == 201, r.text
        printer = r.json()["id"]
    async with another_web(office, await create_database("web"), EKTP_PRINTING_URL=dead[0],
                           EKTP_DASHBOARD_URL=dead[1]) as outage:
        yield {"web": office.urls["web"], "outage": outage, "printer": printer}


@pytest.fixture(scope="module")
def signed_in(webs, browser) -> Iterator[dict[tuple[str, str], Any]]:
    """One sign-in per (web app, clerk) for the whole walk, shared by both viewports."""
    states: dict[tuple[str, str], Any] = {}
    for web, who in {(v.web, v.who) for v in WALK if v.who}:
        context = browser.new_context()
        page = context.new_page()
        page.goto(webs[web] + "/masuk")
        page.get_by_label("Nama pengguna").fill(who)
        page.get_by_label("Kata sandi").fill(PASSWORD)
        page.get_by_role("button", name="Masuk").click()
        if len(STAFF[who]) > 1:
            page.get_by_label("Supervisor").check()
            page.get_by_label("Kata sandi").fill(PASSWORD)
            page.get_by_role("button", name="Masuk").click()
        page.wait_for_url(webs[web] + "/")
        states[(web, who)] = context.storage_state()
        context.close()
    yield states


# `make test` walks at the office PC's size (its browser suite stays under 5 minutes);
# `make walk` (EKTP_WALK_EVERY_VIEWPORT=1) adds the tablet.
WALKED = list(VIEWPORTS) if os.environ.get("EKTP_WALK_EVERY_VIEWPORT") else ["pc"]


# Over thirty screens, each checked by axe-core: minutes on a loaded 2-core machine, more
# than the suite's default 300 s per test.
@pytest.mark.timeout(900)
@pytest.mark.parametrize("viewport", WALKED)
def test_every_screen_opens_passes_axe_and_is_photographed(webs, browser, signed_in,
                                                             viewport, tmp_path_factory):
    from playwright.sync_api import expect

    folder = output_dir(tmp_path_factory.mktemp("walk") / viewport)
    contexts: dict[tuple[str, str | None], Any] = {}
    seen: list[str] = []
    refused: list[str] = []
    try:
        for visit in WALK:
            key = (visit.web, visit.who)
            if key not in contexts:
                contexts[key] = browser.new_context(
                    viewport=VIEWPORTS[viewport], locale="id-ID",
                    storage_state=signed_in[key] if visit.who else None)
                _watch(contexts[key].new_page(), refused)
            page = contexts[key].pages[0]
            _open(page, webs, visit)
            expect(page.get_by_role("heading", level=1)).to_contain_text(visit.heading)
            if visit.shows:
                expect(page.locator("main")).to_contain_text(visit.shows)
            assert not refused, f"{visit.name}: the browser refused {refused}"
            check_accessibility(page, f"{visit.name} at {viewport}")
            seen.append(screenshot(page, folder, visit.name).name)
    finally:
        for context in contexts.values():
            context.close()
    print(f"\nscreenshots ({viewport}): {folder}")
    assert len(seen) == len(WALK)


def _watch(page: Any, refused: list[str]) -> None:
    # A script or style the CSP blocks shows as a console error: none on any screen.
    page.on("console", lambda m: refused.append(m.text)
            if m.type == "error" and "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: refused.append(str(e)))


def _open(page: Any, webs: dict[str, Any], visit: Visit) -> None:
    url = webs[visit.web] + visit.path.format(printer=webs["printer"])
    response = page.goto(url)
    assert response is not None and response.status == visit.status, (url, response)
