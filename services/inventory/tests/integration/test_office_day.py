"""The office's day end to end, over the real broker and database: 7,000 received, 3,000
issued, 2,900 printed, 100 spoiled, 50 destroyed, and every report agrees. Redelivered
events change nothing; impossible ones land on the storekeeper's exceptions list."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from zoneinfo import ZoneInfo

import httpx
import pypdfium2 as pdfium
import pytest

from ektp_inventory.adapters.documents import COLUMNS
from ektp_inventory.entrypoints.api import build_app
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    InventoryDestroyed,
    InventoryIssued,
    InventoryReceived,
    InventoryStockLow,
    PrintingBlanksLow,
    PrintingBlankSpoiled,
    PrintingCardPrinted,
)
from ektp_shared.testing.kafka import create_topics, publish, read_events
from ektp_shared.testing.wait import eventually, outbox_sent

from .conftest import make_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


def serial(i: int) -> str:
    return f"BLK{i:06d}"


def printed(i: int) -> CloudEvent:
    return CloudEvent.wrap(PrintingCardPrinted(
        job_id=f"job-{i}", nik=f"711001450190{i % 10000:04d}", blank_serial=serial(i),
        printer_id="P1"), "printing")


def spoiled(i: int) -> CloudEvent:
    return CloudEvent.wrap(PrintingBlankSpoiled(
        job_id=f"job-{i}", blank_serial=serial(i), reason="PRINT_FAIL"), "printing")


@pytest.fixture
async def office(infra, topic_prefix, create_database, jwt_keys):
    prefix = f"{topic_prefix}day{uuid.uuid4().hex[:4]}."
    settings = make_settings(infra, await create_database("inventory_day"), prefix,
                             max_per_issue=1000, low_stock_threshold=5000,
                             stock_check_seconds=1.0)
    await create_topics(infra.kafka, [settings.topic(t) for t in
                                                ("printing", "central", "inventory")])
    app = build_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://inventory") as c:
            c.app = app  # type: ignore[attr-defined]
            c.settings = settings  # type: ignore[attr-defined]
            yield c


async def test_seven_thousand_blanks_one_day_every_report_agrees(office, auth_header, infra):
    sk, settings = auth_header("storekeeper", "siti"), office.settings
    pool, consumer = office.app.state.pool, office.app.state.runtime.consumer
    printing_topic = settings.topic("printing")

    r = await office.post("/receipts", headers=sk, json={
        "letter_number": "470/1120/DUKCAPIL", "letter_date": "2025-11-03", "quantity": 7000,
        "ranges": [{"first": serial(1), "last": serial(7000)}]})
    assert r.status_code == 201, r.text
    for n in range(3):
        r = await office.post("/issues", headers=sk, json={"quantity": 1000,
                                                           "reference": f"ISS-{n}"})
        assert r.status_code == 201, r.text

    events = [printed(i) for i in range(1, 2901)] + [spoiled(i) for i in range(2901, 3001)]
    await publish(infra.kafka, printing_topic, events)

    async def all_applied() -> bool:
        return await pool.fetchval("SELECT count(*) FROM blanks WHERE state IN "
                                   "('USED', 'SPOILED')") == 3000
    await eventually(all_applied, timeout=150)

    # The same events again (Kafka redelivers): nothing changes, nothing is listed.
    applied_before = consumer.state.applied
    await publish(infra.kafka, printing_topic, events[:40] + events[-10:])

    async def duplicates_seen() -> bool:
        return consumer.state.duplicates >= 50
    await eventually(duplicates_seen, timeout=90)
    assert consumer.state.applied == applied_before
    assert await pool.fetchval("SELECT count(*) FROM ledger_exceptions") == 0

    # A second report of a printed blank (a new event id) and a serial never received:
    # both go to the exceptions list, once each even when redelivered, and count nothing.
    odd = [printed(1), CloudEvent.wrap(PrintingCardPrinted(
        job_id="job-x", nik="7110014501900001", blank_serial="LAIN000001", printer_id="P2"),
        "printing")]
    await publish(infra.kafka, printing_topic, odd + odd)

    async def listed() -> bool:
        items = (await office.get("/exceptions", headers=sk)).json()["items"]
        return len(items) == 2 and consumer.state.duplicates >= 52
    await eventually(listed, timeout=90)
    items = (await office.get("/exceptions", headers=sk)).json()["items"]
    assert {(i["serial"], i["state_found"]) for i in items} == {
        (serial(1), "USED"), ("LAIN000001", None)}

    r = await office.post("/destructions", headers=sk, json={
        "destroyed_on": "2025-11-03", "reference": "BAP-001",
        "witnesses": [{"nama": "Rahmat Mokodompit", "jabatan": "Kabid PIAK"},
                      {"nama": "Sri Paputungan", "jabatan": "Operator"}],
        "ranges": [{"first": serial(2901), "last": serial(2950)}]})
    assert r.status_code == 201, r.text
    one_witness = await office.post("/destructions", headers=sk, json={
        "destroyed_on": "2025-11-03", "witnesses": [{"nama": "Sri"}, {"nama": "sri"}],
        "serials": [serial(2960)]})
    assert one_witness.status_code == 422 and one_witness.json()["field"] == "witnesses"
    pdf = await office.get("/destructions/BAP-001/berita-acara.pdf", headers=sk)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    stock = (await office.get("/stock", headers=sk)).json()
    assert stock["by_state"] == {"IN_STORE": 4000, "ISSUED": 0, "USED": 2900, "SPOILED": 50,
                                 "DESTROYED": 50, "RETURNED": 0, "ADJUSTED": 0}
    assert stock["received"] == 7000 and stock["invariant_holds"]

    today = dt.datetime.now(ZoneInfo(settings.office_timezone)).date()
    q = f"/reports/reconciliation?from={today - dt.timedelta(days=1)}&to={today}"
    report = (await office.get(q, headers=sk)).json()
    yesterday, day = report["days"]
    assert yesterday["opening"] == yesterday["closing"] == 0
    assert {k: day[k] for k in ("opening", "received", "issued", "used", "spoiled",
                                "destroyed", "returned_to_ministry", "closing")} == {
        "opening": 0, "received": 7000, "issued": 3000, "used": 2900, "spoiled": 100,
        "destroyed": 50, "returned_to_ministry": 0, "closing": 4050}
    by_state = stock["by_state"]
    assert day["closing"] == by_state["IN_STORE"] + by_state["ISSUED"] + by_state["SPOILED"]
    # The CSV and the PDF say every figure of the report, row by row, and nothing else.
    t = report["totals"]
    expected = [[str(d[c]) for c in COLUMNS] for d in report["days"]]
    expected.append(["total", str(t["opening"]), *(str(t[c]) for c in COLUMNS[2:-1]),
                     str(t["closing"])])
    assert expected[-1][COLUMNS.index("used")] == "2900"
    assert expected[-1][COLUMNS.index("closing")] == "4050"
    got = list(csv.reader(io.StringIO((await office.get(q + "&format=csv", headers=sk)).text)))
    assert got == [list(COLUMNS), *expected]
    pdf = await office.get(q + "&format=pdf", headers=sk)
    assert pdf.content.startswith(b"%PDF")
    doc = pdfium.PdfDocument(pdf.content)
    lines = "".join(page.get_textpage().get_text_range() for page in doc).splitlines()
    first_cells = {r[0] for r in expected[:-1]} | {"Jumlah"}
    table = [line.split() for line in lines if line.split()[:1] and line.split()[0] in first_cells]
    assert table == [*expected[:-1], ["Jumlah", *expected[-1][1:]]]

    # The print room runs low: an automatic issue, bounded, and only once per event.
    low = CloudEvent.wrap(PrintingBlanksLow(on_hand=0, wanted=300), "printing")
    await publish(infra.kafka, printing_topic, [low, low])

    async def auto_issued() -> bool:
        return await pool.fetchval("SELECT count(*) FROM blanks WHERE state = 'ISSUED'") == 300
    await eventually(auto_issued, timeout=90)
    assert await pool.fetchval("SELECT count(*) FROM issues WHERE automatic") == 1

    # What the other services learn, from the inventory topic.
    await outbox_sent(pool, timeout=90)
    total = await pool.fetchval("SELECT count(*) FROM outbox")
    seen = await read_events(infra.kafka, settings.topic("inventory"), expect=total)
    by_type: dict[str, list[CloudEvent]] = {}
    for e in seen:
        by_type.setdefault(e.type, []).append(e)
    received = [s for e in by_type[InventoryReceived.ce_type()] for s in e.data["serials"]]
    issued = [s for e in by_type[InventoryIssued.ce_type()] for s in e.data["serials"]]
    assert len(received) == len(set(received)) == 7000
    assert len(issued) == 3300
    assert sum(len(e.data["serials"]) for e in by_type[InventoryDestroyed.ce_type()]) == 50
    # 4,000 in store is under the threshold of 5,000: the stock watch warned.
    alert = by_type[InventoryStockLow.ce_type()][0].payload()
    assert isinstance(alert, InventoryStockLow) and alert.in_store < 5000

    drift = await pool.fetchval(
        """SELECT count(*) FROM blanks b JOIN LATERAL (
               SELECT to_state FROM movements m WHERE m.serial = b.serial
               ORDER BY id DESC LIMIT 1) last ON true WHERE last.to_state <> b.state""")
    assert drift == 0
