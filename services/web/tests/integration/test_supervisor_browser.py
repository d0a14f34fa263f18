"""The supervisor's screens in a real browser, as hendra (signed in as supervisor) works
them: a FAILED submission retried until the centre has it, a stock count approved, a user
disabled while signed in elsewhere, the audit search by username and by NIK. The effects
are checked through the services' APIs. Screenshots at 1366x768 in pytest's tmp dir."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import httpx

from ektp_shared.nik import make_nik

# The browser fixtures are test_browser's (one chromium per module); pytest finds them by
# name here, so ruff sees the test arguments as redefinitions.
# ruff: noqa: F811
from .conftest import PASSWORD
from .test_browser import (  # noqa: F401
    BORN,
    fill_recording,
    pytestmark,
    screens,
    sign_in,
    station_files,
)

__all__ = ["pytestmark"]


def call(office, service: str, method: str, path: str, token: str | None = None,
         **kwargs: Any) -> Any:
    # Playwright's sync API runs its own loop in this thread: plain blocking calls here.
    r = httpx.request(method, office.urls[service] + path, timeout=30,
                      headers={"Authorization": f"Bearer {token or office.admin_token}"},
                      **kwargs)
    assert r.status_code < 300, f"{method} {path}: {r.status_code} {r.text}"
    return r.json()


def state_of(office, enrollment_id: str) -> str | None:
    # None until sync has read the recording from its topic.
    r = httpx.get(f"{office.urls['sync']}/submissions/{enrollment_id}", timeout=30,
                  headers={"Authorization": f"Bearer {office.admin_token}"})
    return str(r.json()["state"]) if r.status_code == 200 else None


def token_of(office, username: str) -> str:
    r = httpx.post(office.urls["accounts"] + "/sign-in", timeout=30,
                   json={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return str(r.json()["access_token"])


def until(check: Callable[[], Any], what: str, timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def sign_in_as_supervisor(page, office) -> None:
    from playwright.sync_api import expect

    sign_in(page, office, "hendra")
    page.get_by_label("Supervisor").check()
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Hendra · Supervisor")).to_be_visible()
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Supervisor").click()
    expect(page.get_by_role("heading", name="Supervisor", exact=True)).to_be_visible()


def record_as_rina(browser, office, files, nik: str) -> str:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    try:
        page = context.new_page()
        sign_in(page, office, "rina")
        fill_recording(page, office, files, nik=nik, photo="foto.jpg")
        page.get_by_role("button", name="Simpan perekaman").click()
        expect(page.get_by_role("heading", name="Perekaman tersimpan")).to_be_visible()
        return page.locator("#nomor-perekaman").inner_text()
    finally:
        context.close()


def test_the_supervisor_retries_a_failed_submission_and_it_reaches_the_centre(
        office, browser, page, screens, station_files):
    from playwright.sync_api import expect

    nik = make_nik("711001", BORN, "LAKI-LAKI", 41)
    # The centre refuses every item of a batch: after its attempts it waits in the queue.
    call(office, "central-sim", "PUT", "/control/faults", json={"partial_batch_share": 1.0})
    try:
        enrollment_id = record_as_rina(browser, office, station_files, nik)
        until(lambda: state_of(office, enrollment_id) == "FAILED",
              "the refused recording in the operator queue")
    finally:
        call(office, "central-sim", "PUT", "/control/faults", json={})

    sign_in_as_supervisor(page, office)
    page.screenshot(path=str(screens / "supervisor.png"))
    page.get_by_role("navigation", name="Supervisor").get_by_role(
        "link", name="Antrean gagal kirim").click()
    row = page.locator(f"#kirim-{enrollment_id}")
    expect(row).to_contain_text(nik)
    reason = call(office, "sync", "GET", f"/submissions/{enrollment_id}")["failure_reason"]
    expect(row).to_contain_text(reason)
    page.screenshot(path=str(screens / "supervisor-antrean.png"))
    row.get_by_role("link", name="Tutup").click()
    expect(page.get_by_role("heading", name="Tutup pengiriman")).to_be_visible()
    page.get_by_role("button", name="Tutup pengiriman").click()  # no reason: refused here
    expect(page.locator(".ringkasan-galat")).to_contain_text("Tulis alasannya")
    expect(page.locator("#alasan-galat")).to_be_visible()
    page.screenshot(path=str(screens / "supervisor-tutup-galat.png"))
    assert call(office, "sync", "GET", f"/submissions/{enrollment_id}")["state"] == "FAILED"
    page.get_by_role("link", name="Batal, kembali").click()

    page.get_by_role("button", name=f"Kirim ulang {nik}").click()
    expect(page.get_by_role("heading", name="Dikirim ulang")).to_be_visible()
    until(lambda: any(r["enrollment_id"] == enrollment_id for r in call(
        office, "central-sim", "GET", "/control/received")), "the centre to have it")
    assert call(office, "sync", "GET", f"/submissions/{enrollment_id}")["state"] in (
        "PENDING", "SENT_FOR_ENROLLMENT", "PRINT_READY_RECORD")
    retried = call(office, "sync", "GET", "/audit", params={"target": nik})["items"]
    assert any(r["action"].endswith("retry") and r["actor"] == "hendra" for r in retried), \
        retried


def test_the_supervisor_approves_a_stock_count(office, page, screens):
    from playwright.sync_api import expect

    sari = token_of(office, "sari")
    serials = [f"BLK007{n:04d}" for n in range(1, 11)]
    call(office, "inventory", "POST", "/receipts", sari, json={
        "letter_number": "470/SPV/DUKCAPIL", "letter_date": "2026-12-02", "quantity": 10,
        "ranges": [{"first": serials[0], "last": serials[-1]}]})
    # What the store holds besides these (other tests' blanks): a count that saw all but
    # one of ours, so approving it writes off that one only.
    probe = call(office, "inventory", "POST", "/stock-counts", sari,
                 json={"location": "store", "serials": serials})
    if probe["status"] == "PENDING_APPROVAL":
        call(office, "inventory", "POST", f"/stock-counts/{probe['id']}/reject",
             json={"note": "hitungan percobaan"})
    others = probe["discrepancy"]["missing"]
    counted = call(office, "inventory", "POST", "/stock-counts", sari, json={
        "location": "store", "serials": others + serials[:-1]})
    assert counted["status"] == "PENDING_APPROVAL", counted
    assert counted["discrepancy"]["missing"] == [serials[-1]]

    sign_in_as_supervisor(page, office)
    page.get_by_role("navigation", name="Supervisor").get_by_role(
        "link", name="Persetujuan").click()
    row = page.locator(f"#opname-{counted['id']}")
    expect(row).to_contain_text(serials[-1])  # the discrepancy, before approving
    expect(row).to_contain_text("sari")
    page.screenshot(path=str(screens / "supervisor-persetujuan.png"))
    row.get_by_role("button", name=f"Setujui hitungan {counted['id']}").click()
    expect(page.get_by_role("heading", name="Hitungan disetujui")).to_be_visible()
    page.screenshot(path=str(screens / "supervisor-disetujui.png"))
    decided = call(office, "inventory", "GET", f"/stock-counts/{counted['id']}")
    assert decided["status"] == "APPROVED" and decided["decided_by"] == "hendra"
    assert call(office, "inventory", "GET", f"/blanks/{serials[-1]}")["state"] == "ADJUSTED"
    assert call(office, "inventory", "GET", f"/blanks/{serials[0]}")["state"] == "IN_STORE"


def test_a_user_disabled_by_the_supervisor_is_out_at_the_next_page(office, browser, page,
                                                                    screens):
    from playwright.sync_api import expect

    elsewhere = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    try:
        dewi = elsewhere.new_page()
        sign_in(dewi, office, "dewi")
        expect(dewi.get_by_role("heading", name="Selamat bekerja, Dewi")).to_be_visible()

        sign_in_as_supervisor(page, office)
        page.get_by_role("navigation", name="Supervisor").get_by_role(
            "link", name="Akun petugas").click()
        expect(page.locator("#keadaan-dewi")).to_have_text("Aktif")
        page.screenshot(path=str(screens / "supervisor-akun.png"))
        page.get_by_role("button", name="Nonaktifkan dewi").click()
        expect(page.get_by_role("heading", name="Akun dinonaktifkan")).to_be_visible()
        assert call(office, "accounts", "GET", "/users/dewi")["status"] == "DISABLED"

        dewi.goto(office.urls["web"] + "/perekaman")
        expect(dewi).to_have_url(re.compile(re.escape(office.urls["web"] + "/masuk")))
        expect(dewi.get_by_role("status")).to_contain_text("berakhir")
        expect(dewi.get_by_role("heading", name="Masuk")).to_be_visible()

        page.get_by_role("link", name="Kembali").click()
        expect(page.locator("#keadaan-dewi")).to_have_text("Nonaktif")
        page.get_by_role("link", name="Ubah peran dewi").click()
        expect(page.get_by_label("Operator perekaman")).to_be_checked()
        page.screenshot(path=str(screens / "supervisor-peran.png"))
        page.get_by_role("link", name="Batal, kembali").click()
        page.get_by_role("link", name="Buat akun baru").click()
        page.get_by_role("button", name="Buat akun").click()  # nothing typed
        expect(page.locator(".ringkasan-galat")).to_contain_text("Pilih paling sedikit")
        page.screenshot(path=str(screens / "supervisor-akun-baru-galat.png"))
    finally:
        elsewhere.close()
        call(office, "accounts", "PATCH", "/users/dewi", json={"status": "ACTIVE"})


def test_the_audit_search_finds_what_rina_did_by_username_and_by_nik(
        office, browser, page, screens, station_files):
    from playwright.sync_api import expect

    nik = make_nik("711001", BORN, "LAKI-LAKI", 42)
    record_as_rina(browser, office, station_files, nik)

    sign_in_as_supervisor(page, office)
    page.get_by_role("navigation", name="Supervisor").get_by_role(
        "link", name="Jejak audit").click()
    page.get_by_label("Nama pengguna petugas").check()
    page.get_by_label("NIK atau nama pengguna").click()
    page.keyboard.type("rina")
    page.get_by_role("button", name="Cari").click()
    table = page.locator("#audit")
    expect(table).to_contain_text("enrollment.create")
    # In the office's words, the code beside it for matching with a log.
    expect(table.locator("tr", has_text="enrollment.create").first).to_contain_text(
        "Merekam penduduk")
    # The result page's follow-up reads sync too (submission.view): the recording is enrollment's.
    expect(table.locator("tr", has_text="enrollment.create").filter(has_text=nik).first
           ).to_contain_text("layanan perekaman")
    expect(page.locator("#layanan-mati")).to_have_count(0)
    page.screenshot(path=str(screens / "supervisor-audit-pengguna.png"), full_page=True)

    page.get_by_label("NIK penduduk").check()
    page.get_by_label("NIK atau nama pengguna").fill("")
    page.get_by_label("NIK atau nama pengguna").click()
    page.keyboard.type(nik)
    page.get_by_role("button", name="Cari").click()
    first = table.locator("tbody tr").first
    expect(table.locator("tr", has_text="enrollment.create")).to_contain_text("rina")
    expect(first).to_be_visible()
    page.screenshot(path=str(screens / "supervisor-audit-nik.png"), full_page=True)

    page.get_by_label("NIK atau nama pengguna").fill("")
    page.get_by_label("NIK atau nama pengguna").click()
    page.keyboard.type("12345")
    page.get_by_role("button", name="Cari").click()
    expect(page.locator("#cari-galat")).to_have_text("Galat: NIK harus 16 angka")
    # The search is itself in the audit trail.
    searched = call(office, "enrollment", "GET", "/audit",
                    params={"actor": "hendra"})["items"]
    assert any(r["action"] == "audit.search" and r["target"] == nik for r in searched)
