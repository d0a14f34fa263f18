"""The village mode (issue #16) in a real browser (Debian's chromium driven by Playwright),
as an officer works a desa with no network: the device prepared at the office (worklist,
device key registered as a kit), field checks and recordings made offline and kept across
a closed browser, the sync cut halfway and resumed, a refused recording fixed and sent
again, two officers' conflicting outcomes on the supervisor's list, and the kit file of
waiting records imported at the office. Every effect is counted in enrollment, not on the
page. Screenshots at a tablet's 800x1280 in pytest's tmp dir."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from ektp_shared.nik import make_nik

from .conftest import ARGS, CHROMIUM, PASSWORD, another_web
from .screens import check_accessibility
from .test_perekaman_browser import api, complete_the_form, ministry_roster, recorded_total, station

pytestmark = [
    pytest.mark.integration, pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None and not os.environ.get("CI"),
                       reason="needs Debian's chromium (apt-get install chromium)"),
]
DESA = "71.10.01.2001"  # Kayumoyondi, Tutuyan
OTHER_KABUPATEN_DESA = "71.01.01.2001"  # a desa of Bolaang Mongondow, not this office's
TABLET = {"width": 800, "height": 1280}
OUTCOMES = ("DITEMUKAN", "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN")


@pytest.fixture(autouse=True, scope="module")
def patient_expect() -> None:
    """A loaded test machine: the page's answers may take longer than Playwright's 5 s."""
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)


@pytest.fixture(scope="module")
def screens(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots-desa")


def shoot(page, screens: Path, name: str) -> None:
    """The screen as the tablet shows it, after axe-core found nothing serious on it."""
    check_accessibility(page, name)
    page.screenshot(path=str(screens / f"{name}-800x1280.png"), full_page=True)


@pytest.fixture
def tablet(browser, tmp_path) -> Iterator[Any]:
    """A tablet's browser with a profile on disk: closed and opened again, it keeps what the
    officer stored (IndexedDB, the service worker and its cache), as after a flat battery."""
    opened: list[Any] = []

    def launch(*, offline: bool = False, profile: str = "profil") -> Any:
        context = browser.browser_type.launch_persistent_context(
            str(tmp_path / profile), executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport=TABLET, locale="id-ID", offline=offline, accept_downloads=True)
        opened.append(context)
        return context

    yield launch
    for context in opened:
        try:
            context.close()
        except Exception:  # noqa: S110 (closed by the test already)
            pass


def residents(office, first: int, count: int) -> list[tuple[str, str]]:
    """`count` residents of the desa on the ministry's roster: (nik, nama)."""
    born = dt.date(1990, 3, 14)
    people = [(make_nik("711001", born, "LAKI-LAKI" if n % 2 else "PEREMPUAN", first + n),
               f"Warga Desa {first + n}") for n in range(count)]
    ministry_roster(office, *((nik, nama, DESA) for nik, nama in people))
    return people


def sign_in_at(page, url: str, username: str, role: str | None = None) -> None:
    from playwright.sync_api import expect

    page.goto(url + "/masuk")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    if role:
        page.get_by_label(role).check()
        page.get_by_label("Kata sandi").fill(PASSWORD)
        page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("button", name="Keluar")).to_be_visible()


def prepare(page, url: str, username: str, role: str | None = None) -> None:
    """At the office: signed in, the desa's worklist downloaded, the device key registered."""
    from playwright.sync_api import expect

    sign_in_at(page, url, username, role)
    page.goto(url + "/desa/siapkan")
    expect(page.locator("#sesi")).to_contain_text("Masuk sebagai")
    page.get_by_label("Desa yang dikunjungi").select_option(DESA)
    page.get_by_role("button", name="Unduh daftar kerja dan siapkan perangkat").click()
    expect(page.locator("#siap")).to_contain_text("Perangkat siap")
    # The worker has kept the pages once it is active (its install fetched them all).
    assert page.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")


def check(page, nik: str, nama: str, outcome: str, note: str = "") -> None:
    from playwright.sync_api import expect

    row = page.locator(f"#baris-{nik}")
    row.get_by_label("Hasil").select_option(outcome)
    if note:
        row.get_by_label("Catatan").fill(note)
    row.get_by_role("button", name="Catat").click()
    expect(page.locator("#dicatat")).to_contain_text(f"{nama}:")


def record(page, url: str, nik: str, files: dict[str, Path], screens: Path | None = None) -> None:
    from playwright.sync_api import expect

    page.goto(url + f"/desa/rekam?nik={nik}")
    expect(page.get_by_label("NIK")).to_have_value(nik)  # from the worklist on the device
    if screens:
        page.get_by_role("button", name="Simpan di perangkat").click()  # nothing filled in
        expect(page.locator("#ringkasan-galat")).to_be_visible()
        expect(page.locator("#foto-galat")).to_contain_text("foto")
        shoot(page, screens, "desa-rekam-galat")
    complete_the_form(page, files)
    if screens:
        shoot(page, screens, "desa-rekam")
    page.get_by_role("button", name="Simpan di perangkat").click()
    expect(page.locator("#disimpan")).to_contain_text(nik)


def waiting_on_the_page(page) -> int:
    return int(page.locator("#jumlah-menunggu").inner_text())


def work_offline(page, url: str, people: list[tuple[str, str]], checks: int, recordings: int,
                 tmp_path: Path, screens: Path | None = None) -> None:
    """`checks` field checks, then `recordings` recordings of the next residents."""
    page.goto(url + "/desa/daftar")
    for n, (nik, nama) in enumerate(people[:checks]):
        check(page, nik, nama, OUTCOMES[n % len(OUTCOMES)], note=f"kunjungan {n}")
    for n, (nik, _) in enumerate(people[checks:checks + recordings]):
        record(page, url, nik, station(tmp_path / nik, int(nik[-4:])),
               screens if n == 0 else None)


def in_enrollment(office, sql: str, *args: Any) -> list[Any]:
    """Rows of enrollment's own database (the test reads what the service holds; there is
    no API listing field checks by NIK). In a thread of its own: Playwright's sync API
    keeps this thread's event loop."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import asyncpg

    async def fetch() -> list[Any]:
        conn = await asyncpg.connect(office.databases["enrollment"])
        try:
            return list(await conn.fetch(sql, *args))
        finally:
            await conn.close()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, fetch()).result()


def enrollment_counts(office, people: list[tuple[str, str]]) -> dict[str, int]:
    """Per NIK, the field checks and recordings enrollment holds (its database, not the
    page)."""
    niks = [nik for nik, _ in people]
    counts = dict.fromkeys(niks, 0)
    for table in ("field_checks", "enrollments"):
        for row in in_enrollment(
                office, f"SELECT nik, count(*) AS n FROM {table} WHERE nik = ANY($1) "
                "GROUP BY nik", niks):
            counts[row["nik"]] += row["n"]
    return counts


def from_kit(office, kit_id: str) -> dict[str, int]:
    """What enrollment holds that came from the kit (source_ref ``kit_id:record_id``)."""
    return {table: in_enrollment(office, f"SELECT count(*) AS n FROM {table} "
                                 "WHERE source_ref LIKE $1", kit_id + ":%")[0]["n"]
            for table in ("field_checks", "enrollments")}


def test_the_work_of_a_day_offline_survives_closing_the_browser(office, tablet, screens,
                                                                 tmp_path):
    from playwright.sync_api import expect

    people = residents(office, 1000, 25)
    url = office.urls["web"]
    context = tablet()
    page = context.new_page()
    prepare(page, url, "rina")
    shoot(page, screens, "desa-siapkan")

    context.set_offline(True)
    opened = page.goto(url + "/desa/daftar")
    assert opened is not None and opened.from_service_worker  # no network: the kept page
    expect(page.locator("#jaringan")).to_have_text("Tanpa jaringan")
    work_offline(page, url, people, 20, 5, tmp_path, screens)
    expect(page.locator("#jumlah-menunggu")).to_have_text("25")
    expect(page.locator("#sejak")).to_contain_text("Menunggu sejak")
    shoot(page, screens, "desa-ringkasan-menunggu")
    context.close()

    # The browser opened again, still with no network: everything is still on the device.
    context = tablet(offline=True)
    page = context.new_page()
    page.goto(url + "/desa/")
    expect(page.locator("#jumlah-menunggu")).to_have_text("25")
    expect(page.locator("#daftar-menunggu > li")).to_have_count(25)
    stored = page.evaluate("ektpDesa.waiting().then(l => l.map(r => [r.record_id, r.kind]))")
    assert len({rid for rid, _ in stored}) == 25
    assert sorted(kind for _, kind in stored) == ["field_check"] * 20 + ["recording"] * 5
    page.goto(url + "/desa/daftar")
    expect(page.locator(f"#baris-{people[0][0]}")).to_contain_text("menunggu dikirim")
    shoot(page, screens, "desa-daftar-kerja")
    # Nothing reached the office.
    assert enrollment_counts(office, people) == {nik: 0 for nik, _ in people}


def test_the_signature_covers_the_record_as_enrollment_reads_it(office, tablet, tmp_path):
    """The page's canonical JSON is Python's json.dumps(sort_keys, no spaces, no ASCII
    escapes); the signature verifies with the kit's public key over those bytes."""
    import base64

    from nacl.signing import VerifyKey

    people = residents(office, 1100, 1)
    context = tablet()
    page = context.new_page()
    prepare(page, office.urls["web"], "rina")
    context.set_offline(True)
    page.goto(office.urls["web"] + "/desa/daftar")
    check(page, people[0][0], people[0][1], "PINDAH", note="pindah ke Kotamobagu \u00e9 \"x\"")
    (stored,) = page.evaluate("ektpDesa.waiting()")
    public_key = page.evaluate("ektpDesa.device().then(d => d.public_key)")
    signed = {k: stored[k] for k in ("record_id", "kind", "recorded_at", "operator", "data")}
    body = json.dumps(signed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert page.evaluate("r => ektpDesa.canonical(r)", signed) == body
    VerifyKey(base64.b64decode(public_key)).verify(body.encode(),
                                                   base64.b64decode(stored["signature"]))
    tricky = {"z": [1, {"b": "\u0001\t\n\"\\/", "a": "\u2028 \U0001f600 \u00e9"}], "a": None,
              "m": {"y": True, "x": -17, "\u00e9": ""}}
    assert page.evaluate("r => ektpDesa.canonical(r)", tricky) == json.dumps(
        tricky, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert stored["data"] == {"nik": people[0][0], "outcome": "PINDAH",
                              "note": "pindah ke Kotamobagu \u00e9 \"x\""}


@pytest_asyncio.fixture(scope="module", loop_scope="session", autouse=True)
async def web_in_batches_of_10(office, create_database) -> AsyncIterator[str]:
    """Another web app of the office (its own origin, so its own device storage) whose sync
    sends 10 records a request. Autouse, so it starts before the module's browser: once
    Playwright's sync API runs its loop in this thread, an async fixture cannot start."""
    async with another_web(office, await create_database("web"),
                           EKTP_VILLAGE_BATCH_SIZE="10") as url:
        yield url


def test_a_sync_cut_halfway_and_resumed_reaches_enrollment_exactly_once(
        office, tablet, web_in_batches_of_10, screens, tmp_path):
    """Batches of 10: the first answered; the second reaches enrollment, which is stopped
    before its answer gets back; the rest wait. Resumed: every record once."""
    from playwright.sync_api import expect

    people = residents(office, 1200, 25)
    url = web_in_batches_of_10
    context = tablet()
    page = context.new_page()
    prepare(page, url, "rina")
    context.set_offline(True)
    page.goto(url + "/desa/daftar")
    work_offline(page, url, people, 20, 5, tmp_path)
    page.goto(url + "/desa/")
    expect(page.locator("#jumlah-menunggu")).to_have_text("25")

    enrollment = office.processes["enrollment"]
    calls: list[int] = []

    def cut(route) -> None:
        calls.append(len(json.loads(route.request.post_data or "{}").get("records", [])))
        if len(calls) == 1:
            route.fulfill(response=route.fetch())
            return
        route.fetch()  # enrollment takes the batch ...
        enrollment.terminate()  # ... and stops before its answer gets back
        route.abort("internetdisconnected")

    context.route("**/desa/api/kirim", cut)
    context.set_offline(False)  # the `online` event starts the sync by itself
    expect(page.locator("#status-kirim")).to_contain_text("Jaringan terputus",
                                                          timeout=60_000)
    # The first two batches as cut; another trigger (a second `online`, the retry timer) may
    # send the cut batch again while enrollment is down: it reaches nobody.
    assert calls[:2] == [10, 10] and all(n == 10 for n in calls), calls
    expect(page.locator("#jumlah-menunggu")).to_have_text("15")
    shoot(page, screens, "desa-kirim-terputus")
    context.unroute("**/desa/api/kirim")

    enrollment.start()
    enrollment.wait_http(office.urls["enrollment"] + "/readyz", 120)
    page.get_by_role("button", name="Kirim sekarang").click()
    expect(page.locator("#jumlah-menunggu")).to_have_text("0", timeout=60_000)
    expect(page.locator("#daftar-terkirim > li")).to_have_count(25)
    shoot(page, screens, "desa-terkirim")
    counts = enrollment_counts(office, people)
    assert counts == {nik: 1 for nik, _ in people}, counts
    kit_id = page.evaluate("ektpDesa.device().then(d => d.kit_id)")
    assert from_kit(office, kit_id) == {"field_checks": 20, "enrollments": 5}


def test_a_refused_recording_stays_on_the_device_is_fixed_and_accepted_once(
        office, tablet, screens, tmp_path):
    from playwright.sync_api import expect

    ((nik, _),) = residents(office, 1300, 1)
    url = office.urls["web"]
    context = tablet()
    page = context.new_page()
    prepare(page, url, "rina")
    context.set_offline(True)
    page.goto(url + f"/desa/rekam?nik={nik}")
    # A desa list gone stale on the device: a code outside this office's kabupaten.
    page.evaluate("""d => { const o = document.createElement('option'); o.value = d;
        o.textContent = 'Desa lama'; document.getElementById('kode_desa').append(o); }""",
                  OTHER_KABUPATEN_DESA)
    complete_the_form(page, station(tmp_path / "r", 1300))
    page.get_by_label("Kode desa").select_option(OTHER_KABUPATEN_DESA)
    page.get_by_role("button", name="Simpan di perangkat").click()
    expect(page.locator("#disimpan")).to_contain_text(nik)

    context.set_offline(False)
    page.get_by_role("button", name="Kirim sekarang").click()
    refused = page.locator("#daftar-ditolak > li")
    expect(refused).to_have_count(1, timeout=30_000)
    expect(refused.first).to_contain_text("Kode desa")
    shoot(page, screens, "desa-ditolak")
    assert recorded_total(office, nik) == 0

    refused.first.get_by_role("link", name="Perbaiki").click()
    expect(page.locator("#ringkasan-galat")).to_be_visible()
    expect(page.locator("#kode_desa-galat")).to_be_visible()  # the message beside the field
    shoot(page, screens, "desa-perbaiki")
    page.get_by_label("Kode desa").select_option(DESA)
    page.get_by_role("button", name="Simpan di perangkat").click()
    expect(page.locator("#daftar-ditolak > li")).to_have_count(0)
    page.get_by_role("button", name="Kirim sekarang").click()
    expect(page.locator("#jumlah-menunggu")).to_have_text("0", timeout=30_000)
    expect(page.locator(f"#daftar-terkirim > li[data-nik='{nik}']")).to_have_count(1)
    page.get_by_role("button", name="Kirim sekarang").click()  # nothing sent twice
    expect(page.locator("#status-kirim")).to_contain_text("Tidak ada catatan")
    assert recorded_total(office, nik) == 1


def test_two_officers_conflicting_outcomes_reach_the_supervisors_list(
        office, tablet, browser, screens, tmp_path):
    from playwright.sync_api import expect

    ((nik, nama),) = residents(office, 1400, 1)
    url = office.urls["web"]
    for officer, outcome in (("rina", "DITEMUKAN"), ("dewi", "MENINGGAL")):
        context = tablet(profile=officer)
        page = context.new_page()
        prepare(page, url, officer)
        context.set_offline(True)
        page.goto(url + "/desa/daftar")
        check(page, nik, nama, outcome)
        context.set_offline(False)
        page.goto(url + "/desa/")
        page.get_by_role("button", name="Kirim sekarang").click()
        expect(page.locator("#jumlah-menunggu")).to_have_text("0", timeout=30_000)
        context.close()

    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    page = context.new_page()
    try:
        sign_in_at(page, url, "hendra", role="Supervisor")
        page.goto(url + "/supervisor/konflik")
        conflict = page.locator("section.konflik", has_text=nik)
        expect(conflict).to_have_count(1)
        expect(conflict).to_contain_text("berbeda")
        check_accessibility(page, "supervisor-konflik")
        page.screenshot(path=str(screens / "supervisor-konflik-1366x768.png"), full_page=True)
        conflict.get_by_role("button", name="Simpan keputusan").click()  # nothing chosen
        expect(page.locator("#ringkasan-galat")).to_be_visible()
        conflict = page.locator("section.konflik", has_text=nik)
        conflict.get_by_role("radio").first.check()
        conflict.get_by_label("Alasan").fill("dicek ulang oleh kepala desa")
        conflict.get_by_role("button", name="Simpan keputusan").click()
        expect(page.locator("#diputuskan")).to_be_visible()
        expect(page.locator("section.konflik", has_text=nik)).to_have_count(0)
    finally:
        context.close()
    decided = api(office, "GET", "enrollment", "/field-checks/conflicts",
                  params={"status": "DECIDED"})["items"]
    assert [c["decided_by"] for c in decided if c["nik"] == nik] == ["hendra"]


def test_the_kit_file_of_waiting_records_imports_at_the_office(office, tablet,
                                                               screens, tmp_path):
    from playwright.sync_api import expect

    people = residents(office, 1500, 3)
    url = office.urls["web"]
    context = tablet()
    page = context.new_page()
    prepare(page, url, "rina")
    context.set_offline(True)
    page.goto(url + "/desa/daftar")
    check(page, people[0][0], people[0][1], "PINDAH", note="pindah ke Kotamobagu")
    for nik, _ in people[1:]:
        record(page, url, nik, station(tmp_path / nik, int(nik[-4:])))
    waiting = page.evaluate("ektpDesa.waiting()")
    kit_id = page.evaluate("ektpDesa.device().then(d => d.kit_id)")
    with page.expect_download() as got:
        page.get_by_role("button", name="Unduh berkas kit").click()
    kit_file = tmp_path / "kit.ndjson"
    got.value.save_as(kit_file)
    lines = kit_file.read_bytes().splitlines()
    assert json.loads(lines[0])["format"] == "ektp-kit/1" and len(lines) == 5
    # Each line the record as the device keeps and signs it (the sync sends the same).
    fields = ("record_id", "kind", "recorded_at", "operator", "data", "signature")
    assert sorted((json.loads(line) for line in lines[1:4]), key=lambda r: r["record_id"]) == \
        sorted(({k: r[k] for k in fields} for r in waiting), key=lambda r: r["record_id"])

    # Back at the office: the file through the office's import page.
    context.set_offline(False)
    context.route("**/desa/api/kirim", lambda route: route.abort())  # the sync not this time
    page.goto(url + "/perekaman/impor-kit")
    page.get_by_label("Berkas dari kit").set_input_files(kit_file)
    page.get_by_role("button", name="Impor berkas").click()
    expect(page.locator("#jumlah")).to_have_text("3 direkam, 0 sudah pernah diimpor, 0 ditolak.")
    expect(page.locator("#tabel-laporan tbody tr")).to_have_count(3)
    expect(page.locator("#tabel-laporan tbody tr", has_text="Cek lapangan")).to_have_count(1)
    page.screenshot(path=str(screens / "impor-kit-dari-tablet-800x1280.png"), full_page=True)
    assert enrollment_counts(office, people) == {nik: 1 for nik, _ in people}
    assert from_kit(office, kit_id) == {"field_checks": 1, "enrollments": 2}

    # The same records by sync afterwards: the office knows them from the file.
    context.unroute("**/desa/api/kirim")
    page.goto(url + "/desa/")
    page.get_by_role("button", name="Kirim sekarang").click()
    expect(page.locator("#jumlah-menunggu")).to_have_text("0", timeout=30_000)
    expect(page.locator("#daftar-terkirim > li")).to_have_count(3)
    assert enrollment_counts(office, people) == {nik: 1 for nik, _ in people}


def test_the_page_puts_each_answer_on_its_record(office, tablet, screens, tmp_path):
    """The page's side of the sync, the office's answers given by the test (route): each
    record's status lands on it, a record without an answer stays waiting."""
    from playwright.sync_api import expect

    people = residents(office, 1600, 5)
    url = office.urls["web"]
    context = tablet()
    page = context.new_page()
    prepare(page, url, "rina")
    context.set_offline(True)
    page.goto(url + "/desa/daftar")
    for n, (nik, nama) in enumerate(people):
        check(page, nik, nama, OUTCOMES[n % 4])
    answers = ["accepted", "already_accepted", "refused", "held"]  # the fifth: no answer

    def office_answers(route) -> None:
        if route.request.url.endswith("/desa/api/kit"):
            route.fulfill(status=201, json={"kit_id": "x"})
            return
        sent = json.loads(route.request.post_data or "{}")["records"]
        assert route.request.headers["x-csrf-token"]
        route.fulfill(json={"kit_id": "x", "results": [
            {"record_id": r["record_id"], "kind": r["kind"], "status": status, "warnings": [],
             "errors": [{"field": "data.outcome", "message": "hasil tidak dikenal"}]
             if status == "refused" else [],
             **({"conflict": {"id": 7, "kind": "OUTCOME_DIFFERS"}} if status == "held" else {})}
            for r, status in zip(sent, answers, strict=False)], "counts": {}})

    context.route("**/desa/api/kit", office_answers)
    context.route("**/desa/api/kirim", office_answers)
    context.set_offline(False)
    page.goto(url + "/desa/")
    page.get_by_role("button", name="Kirim sekarang").click()
    expect(page.locator("#daftar-terkirim > li")).to_have_count(2)
    expect(page.locator("#daftar-ditolak > li")).to_have_count(1)
    expect(page.locator("#daftar-ditolak > li")).to_contain_text("Hasil cek: hasil tidak dikenal")
    expect(page.locator("#daftar-ditahan > li")).to_contain_text("Hasil berbeda")
    expect(page.locator("#jumlah-menunggu")).to_have_text("1")
    expect(page.locator("#daftar-menunggu > li")).to_contain_text(people[4][1])
    shoot(page, screens, "desa-jawaban")
    # Discarded: gone from the device.
    refused = page.locator("#daftar-ditolak > li")
    refused.get_by_role("button", name="Buang").click()
    refused.get_by_role("button", name="Ya, buang catatan ini").click()
    expect(page.locator("#daftar-ditolak > li")).to_have_count(0)
    assert len(page.evaluate("ektpDesa.records()")) == 4
