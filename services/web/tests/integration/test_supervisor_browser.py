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
import pytest

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


# --- the rest of the supervisor's actions, on one signed-in page (one sign-in for all) ----


@pytest.fixture(scope="module")
def hendra(office, browser):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    page = context.new_page()
    sign_in_as_supervisor(page, office)
    expect(page.get_by_role("heading", name="Supervisor", exact=True)).to_be_visible()
    yield page
    context.close()


def open_section(page, office, name: str) -> None:
    page.goto(office.urls["web"] + "/supervisor")
    page.get_by_role("navigation", name="Supervisor").get_by_role("link", name=name).click()


def give_reason(page, reason: str, button: str) -> None:
    page.get_by_label("Alasan").click()
    page.keyboard.type(reason)
    page.get_by_role("button", name=button).click()


def test_the_supervisor_closes_a_failed_submission_with_a_reason(
        office, browser, hendra, station_files):
    from playwright.sync_api import expect

    nik = make_nik("711001", BORN, "LAKI-LAKI", 43)
    call(office, "central-sim", "PUT", "/control/faults", json={"partial_batch_share": 1.0})
    try:
        enrollment_id = record_as_rina(browser, office, station_files, nik)
        until(lambda: state_of(office, enrollment_id) == "FAILED", "the operator queue")
    finally:
        call(office, "central-sim", "PUT", "/control/faults", json={})

    open_section(hendra, office, "Antrean gagal kirim")
    hendra.locator(f"#kirim-{enrollment_id}").get_by_role("link", name="Tutup").click()
    give_reason(hendra, "penduduk pindah ke luar daerah", "Tutup pengiriman")
    expect(hendra.locator("#pesan-selesai")).to_have_text(
        f"Pengiriman {enrollment_id} ditutup.")
    assert call(office, "sync", "GET", f"/submissions/{enrollment_id}")["state"] == "CANCELLED"
    closed = call(office, "sync", "GET", "/audit", params={"target": nik})["items"]
    assert any(r["action"] == "submission.cancel" and r["actor"] == "hendra"
               and r["detail"]["reason"] == "penduduk pindah ke luar daerah"
               for r in closed), closed
    hendra.get_by_role("link", name="Kembali").click()
    expect(hendra.locator(f"#kirim-{enrollment_id}")).to_have_count(0)


def test_the_supervisor_rejects_a_stock_count_with_a_reason(office, hendra):
    from playwright.sync_api import expect

    sari = token_of(office, "sari")
    serials = [f"BLK008{n:04d}" for n in range(1, 6)]
    call(office, "inventory", "POST", "/receipts", sari, json={
        "letter_number": "470/TOLAK/DUKCAPIL", "letter_date": "2026-12-02", "quantity": 5,
        "ranges": [{"first": serials[0], "last": serials[-1]}]})
    # Four of the five seen: a shortfall, so the count waits for the supervisor.
    counted = call(office, "inventory", "POST", "/stock-counts", sari,
                   json={"location": "store", "serials": serials[:-1]})
    assert counted["status"] == "PENDING_APPROVAL", counted

    open_section(hendra, office, "Persetujuan")
    hendra.locator(f"#opname-{counted['id']}").get_by_role(
        "link", name=f"Tolak hitungan {counted['id']}").click()
    give_reason(hendra, "rak belakang belum dihitung", "Tolak hitungan")
    expect(hendra.locator("#pesan-selesai")).to_have_text(
        f"Hitungan nomor {counted['id']} ditolak.")
    decided = call(office, "inventory", "GET", f"/stock-counts/{counted['id']}")
    assert decided["status"] == "REJECTED" and decided["decided_by"] == "hendra", decided
    assert decided["decision_note"] == "rak belakang belum dihitung", decided
    # Rejected: nothing written off.
    assert call(office, "inventory", "GET", f"/blanks/{serials[-1]}")["state"] == "IN_STORE"


def test_the_supervisor_releases_a_recording_that_waits_for_review(
        office, browser, hendra, station_files):
    from playwright.sync_api import expect

    from ektp_shared.testing.processes import ServiceProcess

    # Review is an office's choice (EKTP_SUPERVISOR_REVIEW): enrollment restarted with it
    # on for rina's recording, then back as the other tests have it.
    def restart(**extra: str) -> None:
        old = office.processes["enrollment"]
        old.terminate()
        env = {k: v for k, v in old.env.items() if k != "EKTP_SUPERVISOR_REVIEW"}
        new = ServiceProcess(old.args, {**env, **extra}, old.log_path).start()
        new.wait_http(office.urls["enrollment"] + "/readyz", 120)
        office.processes["enrollment"] = new

    nik = make_nik("711001", BORN, "LAKI-LAKI", 44)
    restart(EKTP_SUPERVISOR_REVIEW="true")
    try:
        enrollment_id = record_as_rina(browser, office, station_files, nik)
    finally:
        restart()
    recorded = call(office, "enrollment", "GET", f"/enrollments/{enrollment_id}")
    assert recorded["status"] == "MENUNGGU_VERIFIKASI", recorded

    open_section(hendra, office, "Persetujuan")
    row = hendra.locator(f"#rekaman-{enrollment_id}")
    expect(row).to_contain_text(nik)
    expect(row).to_contain_text("rina")
    row.get_by_role("button", name=f"Setujui rekaman {nik}").click()
    expect(hendra.get_by_role("heading", name="Rekaman disetujui")).to_be_visible()
    released = call(office, "enrollment", "GET", f"/enrollments/{enrollment_id}")
    assert released["status"] != "MENUNGGU_VERIFIKASI", released
    # Released, it goes to the centre as any other recording.
    until(lambda: state_of(office, enrollment_id), "sync to have the released recording")
    reviewed = call(office, "enrollment", "GET", "/audit", params={"target": nik})["items"]
    assert any(r["action"] == "enrollment.review" and r["actor"] == "hendra"
               and r["detail"]["approve"] for r in reviewed), reviewed


def a_clerk_of_its_own(office, username: str) -> None:
    r = httpx.post(office.urls["accounts"] + "/users", timeout=30,
                   headers={"Authorization": f"Bearer {office.admin_token}"},
                   json={"username": username, "name": username.title(), "roles": ["operator"],
                         "password": PASSWORD})
    assert r.status_code == 201, r.text


def test_the_supervisor_unlocks_an_account_locked_by_wrong_passwords(office, hendra):
    from playwright.sync_api import expect

    a_clerk_of_its_own(office, "terkunci")
    for _ in range(5):
        r = httpx.post(office.urls["accounts"] + "/sign-in", timeout=30,
                       json={"username": "terkunci", "password": "salah-salah-salah"})
        assert r.status_code in (401, 423), r.text
    assert call(office, "accounts", "GET", "/users/terkunci")["locked"] is True

    open_section(hendra, office, "Akun petugas")
    expect(hendra.locator("#keadaan-terkunci")).to_have_text("Aktif, terkunci")
    hendra.get_by_role("button", name="Buka kunci terkunci").click()
    expect(hendra.get_by_role("heading", name="Kunci dibuka")).to_be_visible()
    assert call(office, "accounts", "GET", "/users/terkunci")["locked"] is False
    r = httpx.post(office.urls["accounts"] + "/sign-in", timeout=30,
                   json={"username": "terkunci", "password": PASSWORD})
    assert r.status_code == 200, r.text
    hendra.get_by_role("link", name="Kembali").click()
    expect(hendra.locator("#keadaan-terkunci")).to_have_text("Aktif")


def test_a_password_reset_by_the_supervisor_leads_to_the_password_page(office, browser,
                                                                       hendra):
    from playwright.sync_api import expect

    a_clerk_of_its_own(office, "lupasandi")
    open_section(hendra, office, "Akun petugas")
    hendra.get_by_role("button", name="Reset kata sandi lupasandi").click()
    expect(hendra.get_by_role("heading", name="Kata sandi direset")).to_be_visible()
    temporary = hendra.locator("#sandi-sementara").inner_text()
    assert temporary and temporary != PASSWORD
    r = httpx.post(office.urls["accounts"] + "/sign-in", timeout=30,
                   json={"username": "lupasandi", "password": PASSWORD})
    assert r.status_code == 401, r.text  # the old one no longer opens it

    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    try:
        clerk = context.new_page()
        sign_in(clerk, office, "lupasandi", temporary)
        expect(clerk).to_have_url(office.urls["web"] + "/akun/kata-sandi")
        expect(clerk.locator("#wajib-ganti")).to_contain_text("kata sandi sementara")
    finally:
        context.close()


def test_the_supervisor_creates_an_account_on_the_screen(office, hendra):
    from playwright.sync_api import expect

    open_section(hendra, office, "Akun petugas")
    hendra.get_by_role("link", name="Buat akun baru").click()
    for label, text in (("Nama pengguna", "siti.r"), ("Nama lengkap", "Siti Rahmawati"),
                        ("Kata sandi pertama", "sandi-pertama-2026")):
        hendra.get_by_label(label, exact=True).click()
        hendra.keyboard.type(text)
    hendra.get_by_label("Petugas gudang").check()
    hendra.get_by_role("button", name="Buat akun").click()
    expect(hendra.get_by_role("heading", name="Akun dibuat")).to_be_visible()
    made = call(office, "accounts", "GET", "/users/siti.r")
    assert made["name"] == "Siti Rahmawati" and made["roles"] == ["storekeeper"], made
    assert made["must_change_password"] is True
    r = httpx.post(office.urls["accounts"] + "/sign-in", timeout=30,
                   json={"username": "siti.r", "password": "sandi-pertama-2026"})
    assert r.status_code == 200, r.text
