"""The print room's day: 3 printers up and 1 broken, 200 cards to print, 150 blanks, 5% faults."""

from __future__ import annotations

from collections import Counter

import pytest
from printing_samples import blanks_issued, print_ready, serials

from ektp_shared.events import (
    PrintingBlanksLow,
    PrintingBlankSpoiled,
    PrintingCardPrinted,
    PrintingJobQueued,
    PrintingPrinterStatus,
)
from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_every_blank_ends_printed_or_spoiled_and_the_rest_wait(start_printing) -> None:
    svc = await start_printing(fault_rate=0.05, fault_seed=11, blanks_low_threshold=20)
    online = [await svc.register(f"Printer {n}") for n in (1, 2, 3)]
    broken = await svc.register("Printer 4", status="BROKEN")

    await svc.send("central", [print_ready(i) for i in range(200)])
    await svc.send("inventory", [blanks_issued(serials(1, 150))])

    async def all_blanks_consumed() -> bool:
        done = await svc.scalar("SELECT count(*) FROM blanks WHERE status IN ('USED','SPOILED')")
        busy = await svc.scalar(
            "SELECT count(*) FROM print_jobs WHERE status IN ('PRINTING', 'QUEUED')")
        return done == 150 and busy == 0

    await eventually(all_blanks_consumed, timeout=90, what="all 150 blanks used")

    jobs = await svc.db.fetch("SELECT * FROM print_jobs")
    by_status = Counter(j["status"] for j in jobs)
    printed, spoiled = by_status["PRINTED"], by_status["SPOILED"]
    assert printed + spoiled == 150
    assert spoiled >= 3, "a 5% fault rate over 150 prints spoils some blanks"
    # No serial used twice, and every used serial is one that arrived.
    used = [j["blank_serial"] for j in jobs if j["status"] in ("PRINTED", "SPOILED")]
    assert len(used) == len(set(used)) == 150
    assert set(used) == set(serials(1, 150))
    # Every spoiled job has exactly one reprint linked to it ...
    reprints = [j for j in jobs if j["reprint_of"] is not None]
    spoiled_ids = {j["id"] for j in jobs if j["status"] == "SPOILED"}
    assert sorted(r["reprint_of"] for r in reprints) == sorted(spoiled_ids)
    # ... printed while blanks lasted: reprints go first, so only the last spoils (at most
    # one per printer, in flight when the blanks ran out) can still be waiting.
    waiting_reprints = [r for r in reprints if r["status"] == "WAITING_FOR_BLANK"]
    assert len(waiting_reprints) <= 3
    # The rest wait for a blank; each resident got at most one good card.
    assert by_status["WAITING_FOR_BLANK"] == 200 - printed
    assert set(by_status) <= {"PRINTED", "SPOILED", "WAITING_FOR_BLANK"}
    niks = Counter(j["nik"] for j in jobs if j["status"] == "PRINTED")
    assert max(niks.values()) == 1
    # The broken printer printed nothing; the work was shared by the other three.
    per_printer = Counter(j["printer_id"] for j in jobs if j["printer_id"])
    assert broken not in per_printer
    assert all(per_printer[p] >= 30 for p in online), per_printer

    # What the rest of the office hears: one event per blank, keyed by its serial.
    # printer statuses, the blanks, blanks_low twice: none on hand at the start, and again
    # when the 150 fell under the threshold of 20; and one job_queued per job (reprints too).
    expected = 4 + 150 + 2 + len(jobs)
    events = await svc.published(expect=expected)
    types = Counter(e.type for e in events)
    assert len(events) == expected
    queued = [e for e in events if e.type == PrintingJobQueued.ce_type()]
    assert sorted(e.data["job_id"] for e in queued) == sorted(j["id"] for j in jobs)
    reprint_of = {j["id"]: j["reprint_of"] for j in jobs}
    assert all(e.data["reprint_of"] == reprint_of[e.data["job_id"]] for e in queued)
    assert all(e.key == e.data["nik"] for e in queued)
    assert types[PrintingCardPrinted.ce_type()] == printed
    assert types[PrintingBlankSpoiled.ce_type()] == spoiled
    assert types[PrintingPrinterStatus.ce_type()] == 4
    lows = [e.payload() for e in events if e.type == PrintingBlanksLow.ce_type()]
    assert len(lows) == 2 and lows[0].on_hand == 0  # type: ignore[attr-defined]
    assert 0 < lows[1].on_hand < 20  # type: ignore[attr-defined]
    blank_keys = [e.key for e in events if e.type in (PrintingCardPrinted.ce_type(),
                                                       PrintingBlankSpoiled.ce_type())]
    assert sorted(blank_keys) == sorted(used)

    view = (await svc.client.get("/print-room", headers=svc.auth("viewer"))).json()
    assert view["blanks"] == {"on_hand": 0, "free": 0, "reserved": 0, "used": printed,
                              "spoiled": spoiled, "returned": 0}
    assert view["jobs"]["WAITING_FOR_BLANK"] == 200 - printed
    assert view["today"]["printed"] == printed and view["today"]["spoiled"] == spoiled
    stats = {p["id"]: p for p in view["printers"]}
    assert sum(stats[p]["cards_printed"] for p in online) == printed
    assert sum(stats[p]["spoiled"] for p in online) == spoiled

    # A new box of blanks arrives: the waiting jobs start by themselves, reprints first.
    await svc.send("inventory", [blanks_issued(serials(151, 10), reference="BAST-002")])

    async def ten_more() -> bool:
        n = await svc.scalar("SELECT count(*) FROM blanks WHERE status IN ('USED','SPOILED')")
        busy = await svc.scalar(
            "SELECT count(*) FROM print_jobs WHERE status IN ('PRINTING', 'QUEUED')")
        return n == 160 and busy == 0

    await eventually(ten_more, timeout=60, what="the new blanks used")
    assert await svc.scalar(
        "SELECT count(*) FROM print_jobs WHERE reprint_of IS NOT NULL"
        " AND status = 'WAITING_FOR_BLANK' AND reprint_of IN"
        " (SELECT id FROM print_jobs WHERE finished_at < now() - interval '0 s')"
    ) <= 3
