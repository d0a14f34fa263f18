"""Two print engines on one database: the lease fences them, counted in cupsd's own job list.

Engine A loses its lease in the middle of a print (its renewals are held, as in a process
paused by the OS or a long GC); engine B takes over. No card may reach the printer twice and
no printer may get work from both.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from printing_samples import serials

from ektp_printing import handlers
from ektp_shared import devinfra
from ektp_shared.db import transaction
from ektp_shared.testing.wait import eventually

from .engine_office import PRINTER, cups_driver, cups_jobs_of, own_cups_queue, print_room

# The print room opens the sealed card images with the session's key pair.
pytestmark = [pytest.mark.integration, pytest.mark.cups, pytest.mark.asyncio(loop_scope="session"),
              pytest.mark.usefixtures("print_room_keys")]


async def test_two_engines_with_a_lease_lost_mid_print_never_print_a_card_twice(
    create_database, tmp_path: Path
) -> None:
    queue = devinfra.start_cups()  # the shared ektp-cups-pdf queue: cards really come out
    room = await print_room(await create_database("printing_fence"), tmp_path / "spool")
    try:
        await room.register_cups_printer(queue)
        await room.blanks_arrive(serials(700, 8))
        niks = [await room.card_ready(i) for i in range(4)]
        # A is slow to start each print (the window in which it is paused); B is quick.
        a = await room.start_engine({"cups": cups_driver(tmp_path / "a", queue, slow=3.0)})

        async def a_printing() -> bool:
            return bool(a.engine.in_flight) and await room.db.fetchval(
                "SELECT count(*) FROM print_jobs WHERE status = 'PRINTING'") == 1

        await eventually(a_printing, timeout=30, what="engine A printing its first card")
        first = await room.db.fetchrow("SELECT * FROM print_jobs WHERE status = 'PRINTING'")
        b = await room.start_engine({"cups": cups_driver(tmp_path / "b", queue, slow=0.2)})
        assert a.engine.lease and a.engine.lease.token == first["engine_token"]
        a.engine.lease.paused = True  # A is paused: its lease runs out mid-print

        async def taken_over() -> bool:
            return await room.db.fetchval("SELECT status FROM print_jobs WHERE id = $1",
                                          first["id"]) == "NEEDS_CHECK"

        await eventually(taken_over, timeout=20, what="engine B taking the print room over")
        assert b.engine.is_leader
        # The operator looks in the printer: no card came out, the blank goes back as spoiled.
        async with transaction(room.db) as conn:
            await handlers.resolve_check(room.deps(), conn, PRINTER, first["id"], "SPOILED",
                                         "PRINT_FAIL", "no card in the tray")

        async def all_printed() -> bool:
            done = await room.db.fetchval(
                "SELECT count(DISTINCT nik) FROM print_jobs WHERE status = 'PRINTED'")
            busy = await room.db.fetchval(
                "SELECT count(*) FROM print_jobs WHERE status NOT IN ('PRINTED', 'SPOILED')")
            return done == len(niks) and busy == 0 and not a.engine.in_flight

        await eventually(all_printed, timeout=90, what="every card printed, A's print over")
        jobs = await room.db.fetch("SELECT * FROM print_jobs ORDER BY seq")
        seen = await cups_jobs_of(queue, [j["id"] for j in jobs])

        async def cups_settled() -> bool:
            nonlocal seen
            seen = await cups_jobs_of(queue, [j["id"] for j in jobs])
            return all(c["job-state"] in ("completed", "canceled", "aborted")
                       for cs in seen.values() for c in cs)

        await eventually(cups_settled, timeout=60, what="cupsd finishing every job")
    finally:
        await room.close()

    # Counted in cupsd: each resident's card went through the printer exactly once.
    nik_of = {j["id"]: j["nik"] for j in jobs}
    started = Counter(nik_of[job_id] for job_id, cs in seen.items() for c in cs
                      if c["time-at-processing"] is not None)
    assert started == Counter(niks), (started, seen)
    for job in jobs:
        completed = [c for c in seen[job["id"]] if c["job-state"] == "completed"]
        assert len(completed) == (1 if job["status"] == "PRINTED" else 0), (job["id"], seen)
    # A's late attempt reached cupsd held, and was cancelled before it could print.
    late = seen[first["id"]]
    assert [c["job-state"] for c in late] == ["canceled"], late
    assert late[0]["time-at-processing"] is None, late
    # Every blank ends USED or SPOILED exactly once; B holds a newer token than A.
    blanks = Counter(j["status"] for j in jobs)
    assert blanks == Counter({"PRINTED": len(niks), "SPOILED": 1}), blanks
    assert {j["engine_token"] for j in jobs if j["status"] == "PRINTED"} == {
        first["engine_token"] + 1}


async def test_the_engine_that_takes_over_cancels_the_cups_job_its_predecessor_left(
    create_database, tmp_path: Path
) -> None:
    """A is paused while its card waits in the printer's queue (the queue is stopped, so it
    stays pending); B takes over and cancels that CUPS job before printing anything, so A's
    card can never come out on a printer B now uses."""
    with own_cups_queue(stopped=True) as queue:
        room = await print_room(await create_database("printing_takeover"), tmp_path / "spool")
        try:
            await room.register_cups_printer(queue)
            await room.blanks_arrive(serials(720, 2))
            await room.card_ready(0)
            a = await room.start_engine({"cups": cups_driver(tmp_path / "a", queue)})

            async def sent() -> bool:
                return await room.db.fetchval(
                    "SELECT cups_job_id FROM print_jobs WHERE status = 'PRINTING'") is not None

            await eventually(sent, timeout=30, what="A's card sent to cupsd")
            job = await room.db.fetchrow("SELECT * FROM print_jobs WHERE status = 'PRINTING'")
            assert (await cups_jobs_of(queue, [job["id"]]))[job["id"]][0]["job-state"] == (
                "pending")
            assert a.engine.lease is not None
            a.engine.lease.paused = True
            await room.start_engine({"cups": cups_driver(tmp_path / "b", queue)})

            async def cancelled() -> bool:
                cups = (await cups_jobs_of(queue, [job["id"]]))[job["id"]]
                return [c["job-state"] for c in cups] == ["canceled"]

            await eventually(cancelled, timeout=20, what="B cancelling A's CUPS job")
            assert await room.db.fetchval("SELECT status FROM print_jobs WHERE id = $1",
                                          job["id"]) == "NEEDS_CHECK"
            cups = (await cups_jobs_of(queue, [job["id"]]))[job["id"]]
            assert cups[0]["job-id"] == job["cups_job_id"]
            assert cups[0]["time-at-processing"] is None  # it never started printing
        finally:
            await room.close()
