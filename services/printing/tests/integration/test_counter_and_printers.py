"""The print room's counter: a printer breaks, cards are handed over, a Suket is issued."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from printing_samples import (
    blanks_issued,
    blanks_returned,
    nik_for,
    print_ready,
    serials,
    submitted,
)

from ektp_printing.adapters.card_pdf import pdf_text
from ektp_shared.events import PrintingCardIssued, PrintingJobQueued, PrintingSuketIssued
from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_a_broken_printers_queued_jobs_move_to_the_others(start_printing) -> None:
    svc = await start_printing(print_seconds=0.6)
    p1 = await svc.register("Printer 1")
    p2 = await svc.register("Printer 2")
    await svc.send("inventory", [blanks_issued(serials(1, 8))])
    await svc.send("central", [print_ready(i) for i in range(8)])

    async def queued_on_both() -> bool:
        rows = await svc.db.fetch(
            "SELECT printer_id, count(*) AS n FROM print_jobs WHERE status = 'QUEUED'"
            " GROUP BY printer_id")
        return {r["printer_id"]: r["n"] for r in rows}.get(p1, 0) >= 2

    await eventually(queued_on_both, what="jobs queued on printer 1")
    reply = await svc.client.post(f"/printers/{p1}/status", headers=svc.auth("printer"),
                                  json={"status": "OFFLINE", "reason": "pita macet"})
    assert reply.status_code == 200, reply.text
    assert reply.json()["jobs_moved"] >= 2
    assert await svc.scalar(
        "SELECT count(*) FROM print_jobs WHERE printer_id = $1 AND status = 'QUEUED'", p1) == 0

    async def all_printed() -> bool:
        return await svc.scalar("SELECT count(*) FROM print_jobs WHERE status = 'PRINTED'") == 8

    await eventually(all_printed, what="all 8 cards printed")
    printers = {p["id"]: p for p in
                (await svc.client.get("/printers", headers=svc.auth("viewer"))).json()}
    assert printers[p1]["status"] == "OFFLINE" and printers[p1]["breakdowns"] == 1
    assert printers[p1]["cards_printed"] + printers[p2]["cards_printed"] == 8
    assert printers[p2]["cards_printed"] > printers[p1]["cards_printed"]

    detail = (await svc.client.get(f"/printers/{p1}", headers=svc.auth("printer"))).json()
    assert detail["history"][-1]["kind"] == "REGISTERED"
    assert any(h["to_status"] == "OFFLINE" and h["reason"] == "pita macet"
               for h in detail["history"])
    # Broken beyond repair cannot come straight back.
    await svc.client.post(f"/printers/{p1}/status", headers=svc.auth("printer"),
                          json={"status": "BROKEN", "reason": "head rusak"})
    refused = await svc.client.post(f"/printers/{p1}/status", headers=svc.auth("printer"),
                                    json={"status": "ONLINE", "reason": "coba"})
    assert refused.status_code == 409
    assert "can only become IN_REPAIR" in refused.json()["detail"]


async def test_handover_and_suket_at_the_counter(start_printing) -> None:
    svc = await start_printing()
    await svc.register("Printer 1", driver="pdf")
    waiting_nik = nik_for(50)
    await svc.send("central", [submitted(waiting_nik), submitted(nik_for(0))])
    await svc.send("central", [print_ready(0), print_ready(1)])

    async def two_jobs() -> bool:
        return await svc.scalar("SELECT count(*) FROM print_jobs") == 2

    # Events of different NIKs may arrive in any order: the third comes once two are in.
    await eventually(two_jobs, what="two jobs")
    await svc.send("central", [print_ready(3)])
    await svc.send("inventory", [blanks_issued(serials(1, 2))])

    async def two_printed() -> bool:
        return await svc.scalar("SELECT count(*) FROM print_jobs WHERE status = 'PRINTED'") == 2

    await eventually(two_printed, what="two cards printed")
    job = await svc.db.fetchrow("SELECT * FROM print_jobs WHERE nik = $1", nik_for(0))
    preview = await svc.client.get(f"/print-jobs/{job['id']}/preview",
                                   headers=svc.auth("printer"))
    assert preview.status_code == 200 and preview.content.startswith(b"\x89PNG")

    ready = (await svc.client.get("/cards/ready", headers=svc.auth("printer"))).json()
    assert {g["kode_desa"]: g["count"] for g in ready} == {"71.10.01.2001": 1,
                                                           "71.10.01.2002": 1}
    assert ready[0]["desa"] == "Kayumoyondi"

    # The resident's wife takes the card; the clerk's retry changes nothing.
    body = {"handed_to": "Siti Mokodompit", "relationship": "ISTRI"}
    headers = {**svc.auth("printer", "petugas-loket"), "Idempotency-Key": "hand-0001"}
    first = await svc.client.post(f"/cards/{nik_for(0)}/handover", json=body, headers=headers)
    again = await svc.client.post(f"/cards/{nik_for(0)}/handover", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert first.json()["officer"] == "petugas-loket"
    twice = await svc.client.post(f"/cards/{nik_for(0)}/handover", json=body,
                                  headers=svc.auth("printer"))
    assert twice.status_code == 409 and "Siti Mokodompit" in twice.json()["detail"]
    not_printed = await svc.client.post(f"/cards/{nik_for(3)}/handover", json=body,
                                        headers=svc.auth("printer"))
    assert not_printed.status_code == 404
    bad = await svc.client.post("/cards/12345/handover", json=body, headers=svc.auth("printer"))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "nik"
    empty = await svc.client.post(f"/cards/{nik_for(1)}/handover", json={"handed_to": " "},
                                  headers=svc.auth("printer"))
    assert empty.status_code == 422 and "handed_to" in empty.json()["detail"]

    # A Suket for a resident still waiting for the centre: the clerk types the name.
    no_name = await svc.client.post("/suket", json={"nik": waiting_nik},
                                    headers=svc.auth("operator"))
    assert no_name.status_code == 422 and no_name.json()["errors"][0]["field"] == "nama"
    key = {"Idempotency-Key": "suket-0001"}
    issued = await svc.client.post("/suket", json={"nik": waiting_nik, "nama": "Budi Lantong"},
                                   headers={**svc.auth("operator"), **key})
    assert issued.status_code == 201, issued.text
    repeat = await svc.client.post("/suket", json={"nik": waiting_nik, "nama": "Budi Lantong"},
                                   headers={**svc.auth("operator"), **key})
    assert repeat.json() == issued.json()
    suket = issued.json()
    today = dt.date.today()
    assert suket["valid_until"] > (today + dt.timedelta(days=180)).isoformat()
    assert suket["verify_url"].endswith(f"/suket/verify/{suket['number']}")
    check = await svc.client.get(f"/suket/{suket['number']}", headers=svc.auth("viewer"))
    assert check.json()["status"] == "VALID" and check.json()["nama"] == "Budi Lantong"
    forged = await svc.client.get("/suket/SKT-7110-2025-999999-7KQ4M2XA9P",
                                  headers=svc.auth("viewer"))
    assert forged.status_code == 404
    pdf = await svc.client.get(f"/suket/{suket['number']}/pdf", headers=svc.auth("operator"))
    assert pdf.status_code == 200 and suket["number"] in pdf_text(pdf.content)
    # A waiting print-ready resident gets one too; one whose card is printed does not.
    waiting = await svc.client.post("/suket", json={"nik": nik_for(3)},
                                    headers=svc.auth("printer"))
    assert waiting.status_code == 201 and waiting.json()["nama"] == "Warga Boltim 3"
    has_card = await svc.client.post("/suket", json={"nik": nik_for(1)},
                                     headers=svc.auth("printer"))
    assert has_card.status_code == 409 and "hand over the card" in has_card.json()["detail"]
    unknown = await svc.client.post("/suket", json={"nik": nik_for(77)},
                                    headers=svc.auth("printer"))
    assert unknown.status_code == 409

    # printer, blanks_low, 3 jobs queued, 2 printed, 1 handed over, 2 Suket.
    events = await svc.published(expect=1 + 1 + 3 + 2 + 1 + 2)
    types = Counter(e.type for e in events)
    queued = [e for e in events if e.type == PrintingJobQueued.ce_type()]
    assert sorted(e.key for e in queued) == sorted([nik_for(0), nik_for(1), nik_for(3)])
    assert types[PrintingCardIssued.ce_type()] == 1
    assert types[PrintingSuketIssued.ce_type()] == 2
    issued_event = next(e for e in events if e.type == PrintingCardIssued.ce_type())
    assert issued_event.data["relationship"] == "ISTRI"
    assert await svc.scalar("SELECT count(*) FROM audit_log WHERE action = 'card.handover'"
                            " AND target = $1", nik_for(0)) == 1
    assert await svc.scalar("SELECT count(*) FROM audit_log WHERE action = 'suket.verify'") == 1


async def test_blanks_sent_back_to_the_store_leave_the_print_room(start_printing) -> None:
    svc = await start_printing()
    await svc.register("Printer 1", status="OFFLINE")  # nothing prints meanwhile
    await svc.send("inventory", [blanks_issued(serials(1, 3))])
    await svc.send("central", [print_ready(0)])

    async def reserved() -> bool:
        return await svc.scalar("SELECT blank_serial FROM print_jobs") is not None

    await eventually(reserved, what="a blank reserved")
    taken = await svc.scalar("SELECT blank_serial FROM print_jobs")
    await svc.send("inventory", [blanks_returned(serials(1, 3))])

    async def all_returned() -> bool:
        return await svc.scalar("SELECT count(*) FROM blanks WHERE status = 'RETURNED'") == 3

    await eventually(all_returned, what="blanks returned")
    assert taken in serials(1, 3)
    job = await svc.db.fetchrow("SELECT * FROM print_jobs")
    assert (job["status"], job["blank_serial"]) == ("WAITING_FOR_BLANK", None)


async def test_the_api_refuses_strangers_and_bad_input(start_printing) -> None:
    svc = await start_printing(consumer_enabled=False)
    assert (await svc.client.get("/print-room")).status_code == 401
    forbidden = await svc.client.post("/printers", headers=svc.auth("printer"), json={})
    assert forbidden.status_code == 403
    viewer = await svc.client.post("/suket", headers=svc.auth("viewer"),
                                   json={"nik": nik_for(1)})
    assert viewer.status_code == 403
    bad = await svc.client.post("/printers", headers=svc.auth("supervisor"), json={
        "name": "P", "model": "M", "driver": "laser", "location": "L"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "driver"
    cups = await svc.client.post("/printers", headers=svc.auth("supervisor"), json={
        "name": "P", "model": "M", "driver": "cups", "location": "L"})
    assert cups.status_code == 422 and cups.json()["errors"][0]["field"] == "queue"
    await svc.register("Printer 1")
    dup = await svc.client.post("/printers", headers=svc.auth("supervisor"), json={
        "name": "Printer 1", "model": "M", "driver": "pdf", "location": "L"})
    assert dup.status_code == 409
    assert (await svc.client.post("/printers/nope/status", headers=svc.auth("printer"),
                                  json={"status": "OFFLINE", "reason": "x"})).status_code == 404
    no_reason = await svc.client.post("/printers/nope/status", headers=svc.auth("printer"),
                                      json={"status": "OFFLINE", "reason": ""})
    assert no_reason.status_code == 422
    assert (await svc.client.get("/print-jobs?status=LOST",
                                 headers=svc.auth("viewer"))).status_code == 422
    # an offset past bigint answered 500 (found by `make fuzz`); a NUL is refused up front
    far = await svc.client.get("/print-jobs", params={"offset": 2**63},
                               headers=svc.auth("viewer"))
    assert far.status_code == 422 and far.json()["errors"][0]["field"] == "offset"
    nul = await svc.client.post("/printers", headers=svc.auth("supervisor"), json={
        "name": "P\u0000", "model": "M", "driver": "pdf", "location": "L"})
    assert nul.status_code == 422 and nul.json()["errors"][0]["field"] == "name"
    assert await svc.scalar("SELECT count(*) FROM printers WHERE name LIKE 'P%'") == 1
    assert (await svc.client.get("/print-jobs/none", headers=svc.auth("viewer"))).status_code \
        == 404
    check = await svc.client.post("/print-jobs/none/check", headers=svc.auth("printer"),
                                  json={"outcome": "BAGUS"})
    assert check.status_code == 422 and check.json()["errors"][0]["field"] == "outcome"
    assert (await svc.client.post("/print-jobs/none/check", headers=svc.auth("printer"),
                                  json={"outcome": "PRINTED"})).status_code == 404
