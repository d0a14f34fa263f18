"""A CUPS job that timed out, or whose blank an operator calls spoiled, is cancelled in cupsd
(IPP Cancel-Job), so a late print can never come out on a spoiled blank."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from printing_samples import card, serials

from ektp_printing import handlers
from ektp_printing.adapters.drivers import CardJob, cups_title
from ektp_printing.adapters.ipp import IppClient
from ektp_shared.db import transaction
from ektp_shared.problems import Problem

from .engine_office import CUPS_URL, PRINTER, cups_driver, cups_jobs_of, own_cups_queue, print_room

# The print room opens the sealed card images with the session's key pair.
pytestmark = [pytest.mark.integration, pytest.mark.cups, pytest.mark.asyncio(loop_scope="session"),
              pytest.mark.usefixtures("print_room_keys")]


async def test_a_print_that_times_out_is_cancelled_in_cupsd(tmp_path: Path) -> None:
    with own_cups_queue(stopped=True) as queue:  # the printer never takes the job
        driver = cups_driver(tmp_path, queue, timeout=2.0)
        job = CardJob("job-timeout-" + tmp_path.name, "p-1", card(1), "BLK0000801",
                      dt.date(2025, 3, 4))
        outcome = await driver.print_card(job)
        jobs = [j for j in await IppClient(CUPS_URL).jobs(queue) if j["job-name"] ==
                cups_title(job)]
        assert [j["job-state"] for j in jobs] == ["canceled"], jobs  # cupsd's own word
        assert jobs[0]["time-at-processing"] is None
        assert not outcome.ok and outcome.reason == "PRINT_FAIL", outcome
        assert "not finished after 2 s" in outcome.detail and "cancelled" in outcome.detail


async def _needs_check_with_a_pending_cups_job(room, queue: str) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """A card sent to a stopped queue, then the print room restarted: NEEDS_CHECK, its CUPS
    job still pending in cupsd."""
    printer_id = await room.register_cups_printer(queue)
    await room.blanks_arrive(serials(810, 1))
    await room.card_ready(3)
    async with transaction(room.db) as conn:
        job = await handlers.claim_next(room.deps(), conn, printer_id, token=7)
    assert job is not None
    client = IppClient(CUPS_URL)
    cups_job = await client.print_job(queue, b"%PDF-1.4\n%%EOF\n", cups_title(job))
    async with transaction(room.db) as conn:
        await handlers.confirm_print(conn, job.job_id, 7, queue, cups_job)
        await handlers.recover_after_crash(room.deps(), conn, token=8)
    assert await room.db.fetchval("SELECT status FROM print_jobs WHERE id = $1",
                                  job.job_id) == "NEEDS_CHECK"
    return job.job_id, cups_job


async def test_a_needs_check_resolved_as_spoiled_cancels_its_cups_job(
    create_database, tmp_path: Path
) -> None:
    with own_cups_queue(stopped=True) as queue:
        room = await print_room(await create_database("printing_spoil"), tmp_path / "spool")
        try:
            job_id, cups_job = await _needs_check_with_a_pending_cups_job(room, queue)
            assert (await cups_jobs_of(queue, [job_id]))[job_id][0]["job-state"] == "pending"
            async with transaction(room.db) as conn:
                await handlers.resolve_check(room.deps(), conn, PRINTER, job_id, "SPOILED",
                                             "PRINT_FAIL", "kartu macet")
            cups = (await cups_jobs_of(queue, [job_id]))[job_id]
            assert [(c["job-id"], c["job-state"]) for c in cups] == [(cups_job, "canceled")]
            assert await room.db.fetchval("SELECT status FROM print_jobs WHERE id = $1",
                                          job_id) == "SPOILED"
        finally:
            await room.close()


async def test_spoiled_is_refused_while_the_cups_job_cannot_be_cancelled(
    create_database, tmp_path: Path
) -> None:
    with own_cups_queue(stopped=True) as queue:
        room = await print_room(await create_database("printing_spoil_down"), tmp_path / "spool")
        try:
            job_id, _ = await _needs_check_with_a_pending_cups_job(room, queue)
            cut_off = room.deps(cups_url="http://127.0.0.1:9")  # cupsd unreachable
            with pytest.raises(Problem) as refused:
                async with transaction(room.db) as conn:
                    await handlers.resolve_check(cut_off, conn, PRINTER, job_id, "SPOILED",
                                                 "PRINT_FAIL", "")
            assert refused.value.status == 503 and "could still print" in refused.value.detail
            # Nothing half-written: still NEEDS_CHECK, blank not spoiled, no reprint.
            assert await room.db.fetchval("SELECT status FROM print_jobs WHERE id = $1",
                                          job_id) == "NEEDS_CHECK"
            assert await room.db.fetchval("SELECT count(*) FROM print_jobs") == 1
            assert (await cups_jobs_of(queue, [job_id]))[job_id][0]["job-state"] == "pending"
        finally:
            await room.close()
