"""The print room's screens in Debian's chromium, clicking and typing as the printer would;
what happened is checked through printing's API. Printing runs as a real process (PDF
driver, its own database and topics); its cards and blanks come as the centre's and the
store's events. A power cut mid-print (SIGKILL) leaves a card NEEDS_CHECK, as in the office."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from ektp_printing.config import Settings as PrintingSettings
from ektp_shared.kafka import dlq_topic
from ektp_shared.testing.kafka import create_topics, publish
from ektp_shared.testing.processes import ServiceProcess
from ektp_shared.testing.resources import free_port
from ektp_shared.testing.wait import eventually

from .conftest import CHROMIUM, Office, another_web
from .screens import check_accessibility
from .test_browser import sign_in

# The printing tests' residents, cards and store events (beside those tests, not a package).
sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "printing" / "tests"))
from printing_samples import blanks_issued, nik_for, print_ready, serials, submitted

pytestmark = [pytest.mark.integration, pytest.mark.browser,
              pytest.mark.skipif(not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
                                 reason="needs Debian's chromium")]


@dataclass
class PrintRoom:
    web: str
    printing: str
    token: str
    to_check: str  # the job the power cut left NEEDS_CHECK
    printed_nik: str  # the card that came out before it

    def get(self, path: str, **params: Any) -> Any:
        r = httpx.get(self.printing + path, params=params or None, timeout=30,
                      headers={"Authorization": f"Bearer {self.token}"})
        assert r.status_code == 200, r.text
        return r.json()


def _printing(port: int, dsn: str, prefix: str, spool: Path, log: Path) -> ServiceProcess:
    env = {"EKTP_SERVICE_NAME": "printing", "EKTP_HTTP_PORT": str(port),
           "EKTP_DATABASE_URL": dsn, "EKTP_TOPIC_PREFIX": prefix,
           "EKTP_SPOOL_DIR": str(spool), "EKTP_PRINT_SECONDS": "3",
           "EKTP_ENGINE_POLL_SECONDS": "0.1", "EKTP_LOG_JSON": "false"}
    return ServiceProcess(
        ["-m", "uvicorn", "--factory", "ektp_printing.entrypoints.api:build_app",
         "--host", "127.0.0.1", "--port", str(port), "--no-access-log"], env, log)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def print_room(office: Office, infra, create_database, print_room_keys,
                     tmp_path_factory) -> AsyncIterator[PrintRoom]:
    work = tmp_path_factory.mktemp("print_room")
    prefix = f"webcetak{uuid.uuid4().hex[:6]}."
    topic = PrintingSettings(topic_prefix=prefix).topic
    topics = [topic(p) for p in ("central", "inventory", "printing")]
    # Before printing starts: a consumer sees a topic made later only minutes later.
    await create_topics(infra.kafka, topics + [dlq_topic(t) for t in topics])
    dsn = await create_database("printing")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {"EKTP_KAFKA_BOOTSTRAP": infra.kafka_bootstrap}
    first = _printing(port, dsn, prefix, work / "spool", work / "printing1.log")
    first.env.update(env)
    first.start()
    second = None
    try:
        await asyncio.to_thread(first.wait_http, url + "/readyz", 90)
        async with httpx.AsyncClient(base_url=url, timeout=30, headers={
                "Authorization": f"Bearer {office.admin_token}"}) as api:
            # One printer prints (one card after the other); the other waits to be set up.
            for name, status, reason in (("Printer 1", "ONLINE", ""),
                                         ("Printer 2", "OFFLINE", "belum dipasang")):
                r = await api.post("/printers", json={
                    "name": name, "model": "Evolis Primacy 2", "driver": "pdf",
                    "location": "Ruang cetak", "status": status, "reason": reason})
                assert r.status_code == 201, r.text
            await publish(infra.kafka, topic("inventory"), [blanks_issued(serials(1, 4))])
            await publish(infra.kafka, topic("central"), [print_ready(0), print_ready(1),
                                                     submitted(nik_for(7))])

            async def one_printed_one_printing() -> bool:
                jobs = (await api.get("/print-jobs")).json()
                return sorted(j["status"] for j in jobs) == ["PRINTED", "PRINTING"]

            await eventually(one_printed_one_printing, timeout=60, what="a card mid-print")
            first.kill9()  # the power goes out
            second = _printing(port, dsn, prefix, work / "spool", work / "printing2.log")
            second.env.update(env)
            second.start()
            await asyncio.to_thread(second.wait_http, url + "/readyz", 90)

            async def needs_check() -> bool:
                # The new engine takes the dead one's lease over, then marks its print.
                r = await api.get("/print-jobs", params={"status": "NEEDS_CHECK"})
                return len(r.json()) == 1

            await eventually(needs_check, timeout=60, what="the cut print NEEDS_CHECK")
            jobs = (await api.get("/print-jobs", params={"status": "NEEDS_CHECK"})).json()
            printed = (await api.get("/print-jobs", params={"status": "PRINTED"})).json()
            assert len(jobs) == 1 and len(printed) == 1
        async with another_web(office, await create_database("web"),
                               EKTP_PRINTING_URL=url) as web:
            yield PrintRoom(web, url, office.admin_token, jobs[0]["id"], printed[0]["nik"])
    finally:
        first.kill9()
        if second is not None:
            second.terminate()


@pytest.fixture(scope="module")
def screens(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots_ruang_cetak")


def test_the_printer_checks_a_card_after_a_power_cut_and_hands_one_over(
        print_room, office, page, screens):
    from playwright.sync_api import expect

    room = print_room
    sign_in(page, Office({**office.urls, "web": room.web}, "", office.workdir), "joko")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Ruang cetak").click()
    expect(page.get_by_role("heading", name="Ruang cetak", exact=True)).to_be_visible()
    expect(page.locator("#tabel-printer")).to_contain_text("Printer 2")
    expect(page.locator("#tabel-antrean")).to_contain_text("NEEDS_CHECK")
    page.screenshot(path=str(screens / "ruang-cetak.png"), full_page=True)

    # A printer breaks: its status, with the reason; printing's refusal beside the field.
    page.get_by_role("link", name="Ubah status Printer 2").click()
    page.get_by_label("Status baru").select_option("BROKEN")
    page.get_by_role("button", name="Simpan status").click()
    expect(page.locator("#alasan-galat")).to_be_visible()
    expect(page.locator(".ringkasan-galat")).to_be_visible()
    page.screenshot(path=str(screens / "printer-status-galat.png"), full_page=True)
    page.get_by_label("Alasan").click()
    page.keyboard.type("pita macet")
    page.get_by_role("button", name="Simpan status").click()
    expect(page.get_by_role("heading", name="Ruang cetak", exact=True)).to_be_visible()
    broken = next(p for p in room.get("/printers") if p["name"] == "Printer 2")
    assert (broken["status"], broken["reason"]) == ("BROKEN", "pita macet")

    # The card the power cut interrupted: the printer looks, and it came out good.
    page.locator(f"#periksa-{room.to_check}").click()
    expect(page.get_by_role("heading", name="Periksa kartu")).to_be_visible()
    expect(page.locator("#tanpa-pratinjau")).to_be_visible()  # the cut print left no image
    # Checked here, not in the walk: a NEEDS_CHECK job takes a print engine killed mid-print
    # (this module's own printing and web app), which the walk's office does not have.
    check_accessibility(page, "periksa-kartu")
    page.screenshot(path=str(screens / "periksa-kartu.png"), full_page=True)
    page.get_by_role("button", name="Kartu tercetak baik").click()
    expect(page.locator("#status-kartu")).to_have_text("PRINTED")
    page.screenshot(path=str(screens / "periksa-selesai.png"), full_page=True)
    assert room.get(f"/print-jobs/{room.to_check}")["status"] == "PRINTED"

    # The card printing rendered, through the web app (the pages' CSP: images from here).
    page.goto(f"{room.web}/ruang-cetak/periksa/"
              f"{room.get('/print-jobs', nik=room.printed_nik)[0]['id']}")
    preview = page.locator("#pratinjau")
    expect(preview).to_be_visible()
    assert preview.evaluate("img => img.complete && img.naturalWidth > 0")
    page.screenshot(path=str(screens / "pratinjau-kartu.png"), full_page=True)

    # The card counter: the resident's wife takes the card.
    nik = room.printed_nik
    page.get_by_role("link", name="Serah terima kartu").click()
    page.get_by_label("NIK").click()
    page.keyboard.type(nik)
    page.get_by_role("button", name="Cari kartu").click()
    expect(page.locator("#tabel-kartu")).to_contain_text("PRINTED")
    page.get_by_label("Nama yang mengambil kartu").fill("Siti Warga")
    page.get_by_label("Hubungan dengan pemilik kartu").fill("ISTRI")
    page.screenshot(path=str(screens / "serah-terima.png"), full_page=True)
    page.get_by_role("button", name="Catat serah terima").click()
    expect(page.get_by_role("heading", name="Kartu diserahkan")).to_be_visible()
    page.screenshot(path=str(screens / "diserahkan.png"), full_page=True)
    (job,) = room.get("/print-jobs", nik=nik)
    assert (job["status"], job["handed_to"], job["relationship"]) == (
        "ISSUED", "Siti Warga", "ISTRI")

    # Handing it over again: printing's refusal, in plain words beside the field.
    page.goto(f"{room.web}/ruang-cetak/serah-terima?nik={nik}")
    page.get_by_label("Nama yang mengambil kartu").fill("Orang Lain")
    page.get_by_role("button", name="Catat serah terima").click()
    expect(page.locator("#penerima-galat")).to_contain_text(
        f"e-KTP NIK {nik} (blangko ")
    expect(page.locator("#penerima-galat")).to_contain_text("sudah diserahkan kepada Siti Warga")
    page.screenshot(path=str(screens / "serah-terima-ditolak.png"), full_page=True)

    # A Suket: not for a resident who has a card (printing's refusal beside the NIK), then
    # for one whose recording went to the centre and who waits for a card, and its PDF.
    page.get_by_role("link", name="Surat keterangan").click()
    page.get_by_label("NIK").fill(nik)
    page.get_by_role("button", name="Terbitkan surat keterangan").click()
    expect(page.locator("#nik-galat")).to_contain_text(
        f"NIK {nik} sudah punya e-KTP tercetak; serahkan kartunya")
    page.get_by_label("NIK").fill(nik_for(7))
    page.get_by_label("Nama").fill("Warga Boltim 7")
    page.get_by_role("button", name="Terbitkan surat keterangan").click()
    expect(page.get_by_role("heading", name="Surat keterangan terbit")).to_be_visible()
    page.screenshot(path=str(screens / "suket.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh PDF").click()
    saved = screens / "suket.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
