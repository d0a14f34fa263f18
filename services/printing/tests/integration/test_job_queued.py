"""printing.job_queued: one event per print job made, first job and reprint alike, keyed by
NIK and written with the job (so the dashboard can show SENT_FOR_CARD_PRINTING)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from printing_samples import blanks_issued, nik_for, print_ready, serials

from ektp_shared.events import PrintingBlankSpoiled, PrintingJobQueued
from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_every_job_and_every_reprint_is_announced_once(start_printing) -> None:
    # Every print fails: each blank spoiled makes a reprint, until the two blanks are gone.
    svc = await start_printing(fault_rate=1.0, fault_seed=3)
    await svc.register("Printer 1")
    first = print_ready(0)
    await svc.send("central", [first, print_ready(1)])
    # The same verdict redelivered (deduped), and sent again under a new id: one job still.
    await svc.send("central", [first, print_ready(0)])
    await eventually(lambda: _inbox_has(svc, 3), what="the three verdicts in")
    assert await svc.scalar("SELECT count(*) FROM print_jobs") == 2
    await svc.send("inventory", [blanks_issued(serials(1, 2))])

    async def blanks_gone() -> bool:
        spoiled = await svc.scalar("SELECT count(*) FROM blanks WHERE status = 'SPOILED'")
        busy = await svc.scalar(
            "SELECT count(*) FROM print_jobs WHERE status IN ('PRINTING', 'QUEUED')")
        return spoiled == 2 and busy == 0

    await eventually(blanks_gone, timeout=60, what="both blanks spoiled")
    jobs = {r["id"]: r for r in await svc.db.fetch("SELECT * FROM print_jobs")}
    # Two first jobs and one reprint per spoiled blank (which job got a blank is the
    # dispatcher's business: a reprint goes first).
    assert len(jobs) == 4
    assert Counter(r["status"] for r in jobs.values()) == {"SPOILED": 2, "WAITING_FOR_BLANK": 2}
    spoiled_ids = {i for i, r in jobs.items() if r["status"] == "SPOILED"}
    assert sorted(r["reprint_of"] for r in jobs.values() if r["reprint_of"]) == sorted(
        spoiled_ids)

    # In the outbox, with the job: exactly one per job, keyed by the resident's NIK.
    rows = await svc.db.fetch("SELECT key, payload FROM outbox WHERE ce_type = $1",
                              PrintingJobQueued.ce_type())
    in_outbox = [(r["key"], json.loads(r["payload"])) for r in rows]
    assert sorted(d["job_id"] for _, d in in_outbox) == sorted(jobs)
    for key, d in in_outbox:
        job = jobs[d["job_id"]]
        assert key == d["nik"] == job["nik"]
        assert d["enrollment_id"] == job["enrollment_id"] == f"enr-{job['nik']}"
        assert d["reprint_of"] == job["reprint_of"]

    # On the topic, as the rest of the office hears it:
    # 1 printer status, 1 blanks_low (none on hand at first), 4 jobs queued, 2 spoiled.
    events = await svc.published(expect=8)
    assert len(events) == 8
    queued = [e for e in events if e.type == PrintingJobQueued.ce_type()]
    assert len(queued) == 4 and len({e.id for e in queued}) == 4
    assert {e.data["job_id"] for e in queued} == set(jobs)
    assert all(e.key == e.subject == e.data["nik"] for e in queued)
    reprints = [e.data for e in queued if e.data["reprint_of"] is not None]
    assert sorted(d["reprint_of"] for d in reprints) == sorted(spoiled_ids)
    spoiled_events = {e.data["job_id"] for e in events
                      if e.type == PrintingBlankSpoiled.ce_type()}
    assert spoiled_events == spoiled_ids
    firsts = [e.key for e in queued if e.data["reprint_of"] is None]
    assert sorted(firsts) == sorted([nik_for(0), nik_for(1)])
    # A resident's events share a partition: each reprint is heard after the job it redoes.
    for nik in (nik_for(0), nik_for(1)):
        heard: list[str] = []
        for d in (e.data for e in queued if e.key == nik):
            assert d["reprint_of"] is None or d["reprint_of"] in heard
            heard.append(d["job_id"])


async def _inbox_has(svc, n: int) -> bool:  # type: ignore[no-untyped-def]
    return int(await svc.scalar("SELECT count(*) FROM inbox")) >= n
