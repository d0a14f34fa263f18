"""A province on one Kafka cluster: two offices (Boltim 71.10 and Kota Kotamobagu 71.74), each
with its own dashboard and database, configured by EKTP_KABUPATEN alone, and the provincial
dashboard (the same service, EKTP_DASHBOARD_MODE=province) reading both offices' topics.
Its figures for each kabupaten are that office's own dashboard's, its total their sum."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import sys
import uuid
from typing import Any

import httpx
import pytest
from dashboard_samples import card_printed, job_queued, print_ready, recorded, roster, submitted

from ektp_dashboard.config import Settings
from ektp_dashboard.province import province_total
from ektp_shared.config import TokenSettings
from ektp_shared.envelope import CloudEvent
from ektp_shared.kafka import dlq_topic
from ektp_shared.kafka_provision import topic_name
from ektp_shared.nik import make_nik
from ektp_shared.office import topic_tag
from ektp_shared.runtime import PRODUCERS
from ektp_shared.testing.kafka import create_topics, publish
from ektp_shared.testing.processes import ServiceProcess
from ektp_shared.testing.resources import free_port
from ektp_shared.testing.wait import eventually
from ektp_shared.wilayah import kabupaten

pytestmark = [pytest.mark.integration, pytest.mark.browser,
              pytest.mark.asyncio(loop_scope="session")]

BOLTIM, KOTA = "71.10", "71.74"
# residents on the roster, of whom recorded, of whom printed: different in each office
SIZES = {BOLTIM: (5, 4, 2), KOTA: (3, 3, 1)}


def office_events(kode: str) -> dict[str, list[CloudEvent]]:
    """One office's day: its roster, recordings, verdicts and prints, in its own desa."""
    desa = sorted(kabupaten(kode).desa)
    on_roster, recorded_n, printed_n = SIZES[kode]
    kec = desa[0].rsplit(".", 1)[0].replace(".", "")
    niks = [make_nik(kec, dt.date(1990, 1 + i, 1 + i), "PEREMPUAN", 1 + i)
            for i in range(on_roster)]
    central = [roster(n, desa[i % len(desa)]) for i, n in enumerate(niks)]
    enrollment = []
    for i, n in enumerate(niks[:recorded_n]):
        enrollment.append(recorded(n, desa[i % len(desa)]))
        central += [submitted(n), print_ready(n)]
    printing = []
    for i, n in enumerate(niks[:printed_n]):
        printing += [job_queued(n), card_printed(n, f"{kode}-BLANK-{i}")]
    return {"central": central, "enrollment": enrollment, "printing": printing}


CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def province_page(url: str, token: str) -> dict[str, str]:
    """The province's page in a real browser: the token typed in, the table it shows."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
            page.goto(url + "/")
            page.fill("#token-input", token)
            page.click("#token-save")
            expect(page.locator("#kabupaten tr")).to_have_count(4, timeout=15000)
            return {"title": page.title(),
                    "boltim": page.locator(f'#kabupaten tr[data-kode="{BOLTIM}"]').inner_text(),
                    "kota": page.locator(f'#kabupaten tr[data-kode="{KOTA}"]').inner_text(),
                    "total": page.locator("#total").inner_text(),
                    "target": page.locator("#ubin-target b").inner_text()}
        finally:
            browser.close()


def dashboard_process(env: dict[str, str], port: int, log: Any) -> ServiceProcess:
    return ServiceProcess(
        ["-m", "uvicorn", "--factory", "ektp_dashboard.entrypoints.api:build_app",
         "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
        {"EKTP_HTTP_PORT": str(port), **env}, log).start()


@pytest.mark.timeout(240)
async def test_the_province_shows_each_office_as_its_own_dashboard_and_their_sum(
        infra, topic_prefix, create_database, jwt_keys, auth_header, tmp_path):
    base = f"{topic_prefix}prov{uuid.uuid4().hex[:6]}."
    common = {
        "EKTP_KAFKA_BOOTSTRAP": infra.kafka_bootstrap, "EKTP_TOPIC_BASE": base,
        "EKTP_LOG_JSON": "false", "EKTP_JWT_PUBLIC_KEY_FILE": str(jwt_keys[1]),
        # One sign-in for the test's token (each office would otherwise trust its own issuer).
        "EKTP_JWT_ISSUER": TokenSettings().jwt_issuer,
        "EKTP_SYNC_URL": "http://127.0.0.1:9", "EKTP_INVENTORY_URL": "http://127.0.0.1:9",
        "EKTP_PRINTING_URL": "http://127.0.0.1:9", "EKTP_ENROLLMENT_URL": "http://127.0.0.1:9",
    }
    for kode in (BOLTIM, KOTA):
        topics = [topic_name(p, base + topic_tag(kode)) for p in PRODUCERS]
        await create_topics(infra.kafka, topics + [dlq_topic(t) for t in topics])

    procs: dict[str, ServiceProcess] = {}
    urls: dict[str, str] = {}
    try:
        for kode in (BOLTIM, KOTA):
            port = free_port()
            # Configured by its code alone: its topics are <base>71-74.ektp.*.events.
            procs[kode] = dashboard_process(
                {**common, "EKTP_KABUPATEN": kode,
                 "EKTP_DATABASE_URL": await create_database("dashboard")},
                port, tmp_path / f"dashboard-{kode}.log")
            urls[kode] = f"http://127.0.0.1:{port}"
        port = free_port()
        procs["province"] = dashboard_process(
            {**common, "EKTP_KABUPATEN": KOTA, "EKTP_DASHBOARD_MODE": "province",
             "EKTP_PROVINCE_OFFICES": f"{BOLTIM},{KOTA}",
             "EKTP_DATABASE_URL": await create_database("dashboard")},
            port, tmp_path / "dashboard-province.log")
        urls["province"] = f"http://127.0.0.1:{port}"
        for name, proc in procs.items():
            proc.wait_http(urls[name] + "/readyz", timeout=90)

        for kode in (BOLTIM, KOTA):
            prefix = base + topic_tag(kode)
            settings = Settings(kafka_bootstrap=infra.kafka_bootstrap, topic_prefix=prefix)
            for producer, events in office_events(kode).items():
                await publish(settings.kafka, settings.topic(producer), events)

        headers = auth_header("viewer")
        async with httpx.AsyncClient(headers=headers, timeout=10) as http:
            async def office(kode: str) -> dict[str, Any]:
                r = await http.get(urls[kode] + "/progress", params={"live": "false"})
                assert r.status_code == 200, r.text
                body: dict[str, Any] = r.json()
                return body

            async def province() -> dict[str, Any]:
                r = await http.get(urls["province"] + "/province")
                assert r.status_code == 200, r.text
                body: dict[str, Any] = r.json()
                return body

            async def all_applied() -> bool:
                offices = [await office(k) for k in (BOLTIM, KOTA)]
                prov = await province()
                wanted = [SIZES[k][2] for k in (BOLTIM, KOTA)]
                return ([o["kabupaten"]["printed"] for o in offices] == wanted
                        and [k["figures"]["printed"] for k in prov["kabupaten"]] == wanted)

            await eventually(all_applied, 90, "both offices and the province to apply")
            offices = {k: await office(k) for k in (BOLTIM, KOTA)}
            prov = await province()

            # An office's own dashboard: its kabupaten, its desa (nobody "elsewhere").
            for kode, body in offices.items():
                assert body["kabupaten"]["kode"] == kode
                assert body["kabupaten"]["target"] == SIZES[kode][0]
                assert body["lainnya"]["residents"] == 0

            assert prov["provinsi"]["kode"] == "71"
            assert [k["kode"] for k in prov["kabupaten"]] == [BOLTIM, KOTA]
            for entry in prov["kabupaten"]:
                own = offices[entry["kode"]]
                assert entry["nama"] == own["kabupaten"]["nama"]
                # The very figures, rates and forecast the office's dashboard shows.
                assert entry["figures"] == own["kabupaten"]
                assert entry["rates"] == own["rates"]
                assert entry["forecast"] == own["forecast"]
                assert entry["events_applied"] == own["events_applied"]

            # The province: the offices' own figures summed.
            total = prov["total"]
            for name in ("residents", "target", "recorded", "sent", "print_ready", "printed",
                         "lacking"):
                assert total[name] == sum(o["kabupaten"][name] for o in offices.values()), name
            assert total["target"] == 8 and total["recorded"] == 7 and total["printed"] == 3
            for status, n in total["by_status"].items():
                assert n == sum(o["kabupaten"]["by_status"][status] for o in offices.values())
            assert total == province_total(prov["kabupaten"])

            # The province's page shows the same, kabupaten by kabupaten.
            if shutil.which(CHROMIUM) is not None or os.environ.get("CI"):
                seen = await asyncio.to_thread(province_page, urls["province"],
                                               headers["Authorization"].removeprefix("Bearer "))
                assert "Sulawesi Utara" in seen["title"]
                assert seen["boltim"].startswith("Kabupaten Bolaang Mongondow Timur (71.10)")
                assert seen["kota"].startswith("Kota Kotamobagu (71.74)")
                assert seen["target"] == "8"
                assert seen["total"].split("\t")[1:6] == [
                    str(total[n]) for n in ("target", "recorded", "printed", "issued", "lacking")]

            # The province holds no office's residents of its own: it says where to look.
            r = await http.get(urls["province"] + "/progress")
            assert r.status_code == 404 and "/province" in r.json()["detail"]

            # An office's dashboard is no province's.
            r = await http.get(urls[BOLTIM] + "/province")
            assert r.status_code == 404
            assert r.headers["content-type"].startswith("application/problem+json")
    finally:
        for proc in procs.values():
            proc.terminate()
        if sys.exc_info()[0] is not None:
            for name, proc in procs.items():
                print(f"--- {name}\n{proc.tail()}")
