"""SQL for the print room. Every function runs in the caller's transaction."""

from __future__ import annotations

from typing import Any

import asyncpg

from ektp_shared.db import Connection

from ..domain.blanks import BlankView
from ..domain.jobs import PrintJob
from ..domain.printers import PrinterLoad, PrinterStats

# Every transaction that moves blanks, printers or existing jobs takes this lock first, so
# the dispatcher, the printers, the consumer and the API never interleave on the same blank.
# Adding a new job (print_ready) does not: it holds no blank until the dispatcher gives one.
PRINT_ROOM_LOCK = 6975_0503
ENGINE_LOCK = 6975_0504


async def lock_print_room(conn: Connection) -> None:
    await conn.execute("SELECT pg_advisory_xact_lock($1)", PRINT_ROOM_LOCK)


def _job(row: asyncpg.Record) -> PrintJob:
    return PrintJob(
        id=row["id"], status=row["status"], priority=row["priority"], seq=row["seq"],
        printer_id=row["printer_id"], blank_serial=row["blank_serial"],
        reprint_of=row["reprint_of"],
    )


# --- jobs -------------------------------------------------------------------------------


async def insert_job(
    conn: Connection, *, job_id: str, nik: str, enrollment_id: str, nama: str, kode_desa: str,
    card: dict[str, Any], sealed_images: str | None, priority: int,
    reprint_of: str | None = None,
) -> bool:
    """``card`` is the card's text; ``sealed_images`` its photo and signature, sealed."""
    inserted = await conn.fetchval(
        """INSERT INTO print_jobs (id, nik, enrollment_id, nama, kode_desa, card, priority,
                                   status, reprint_of, sealed_images)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'QUEUED', $8, $9)
           ON CONFLICT DO NOTHING RETURNING true""",
        job_id, nik, enrollment_id, nama, kode_desa, card, priority, reprint_of, sealed_images,
    )
    return bool(inserted)


async def job_row(
    conn: Connection, job_id: str, *, for_update: bool = False
) -> asyncpg.Record | None:
    lock = " FOR UPDATE" if for_update else ""
    return await conn.fetchrow(f"SELECT * FROM print_jobs WHERE id = $1{lock}", job_id)


_JOB_COLUMNS = "id, status, priority, seq, printer_id, blank_serial, reprint_of"
UNSTARTED = ("QUEUED", "WAITING_FOR_BLANK")


async def dispatch_candidates(conn: Connection) -> tuple[list[PrintJob], list[str]]:
    """What the dispatcher needs to plan, bounded by the blanks on hand, not by the queue:
    the free serials, every unstarted job holding a blank, and the head of the queue (as many
    jobs as there are blanks to give). Only those can gain or lose a blank or a printer; the
    rest of the queue just waits (:func:`wait_behind`). Called under the print-room lock, so
    blanks and reservations hold still; jobs the consumer adds meanwhile hold no blank."""
    free = await free_serials(conn)
    holding = await conn.fetch(
        # From the blanks on hand: an unstarted job's blank is ON_HAND and names the job.
        # Looked up by primary key from the reserved blanks (ARRAY(...)), not joined: as a
        # join the planner hashed the whole print_jobs table, printed jobs and all, on every
        # pass (72 ms at 9,000 jobs, growing with every card ever printed).
        f"""SELECT {_JOB_COLUMNS} FROM print_jobs
            WHERE id = ANY(ARRAY(SELECT job_id FROM blanks
                                 WHERE status = 'ON_HAND' AND job_id IS NOT NULL))
              AND status = ANY($1::text[])""",
        list(UNSTARTED),
    )
    head = await conn.fetch(
        # Not the card: its photo makes the row a hundred times heavier.
        f"""SELECT {_JOB_COLUMNS} FROM print_jobs
            WHERE status IN ('QUEUED', 'WAITING_FOR_BLANK')
            ORDER BY priority DESC, seq LIMIT $1""",
        len(free) + len(holding),
    )
    jobs = {r["id"]: _job(r) for r in head}
    for r in holding:
        jobs.setdefault(r["id"], _job(r))
    return list(jobs.values()), free


async def wait_behind(conn: Connection, priority: int | None, seq: int | None) -> int:
    """Jobs behind the head of the queue (after the job at ``priority``/``seq``, or all of
    them when no blank is on hand) that have no blank wait for one: WAITING_FOR_BLANK.
    Read on print_jobs_queued_no_blank: the jobs added since the last pass, not the queue."""
    result = await conn.execute(
        """UPDATE print_jobs SET status = 'WAITING_FOR_BLANK', updated_at = now()
           WHERE status = 'QUEUED' AND blank_serial IS NULL
             AND ($1::int IS NULL OR priority < $1 OR (priority = $1 AND seq > $2))""",
        priority, seq,
    )
    return int(result.split()[-1])


async def save_dispatch(conn: Connection, jobs: list[PrintJob]) -> None:
    if not jobs:
        return
    # Clear first, then set: a serial that moves between jobs is never on two rows at once.
    await conn.execute(
        "UPDATE blanks SET job_id = NULL WHERE job_id = ANY($1::text[])", [j.id for j in jobs]
    )
    await conn.execute(
        "UPDATE print_jobs SET blank_serial = NULL WHERE id = ANY($1::text[])",
        [j.id for j in jobs],
    )
    await conn.executemany(
        """UPDATE print_jobs SET status = $2, printer_id = $3, blank_serial = $4,
                  updated_at = now() WHERE id = $1""",
        [(j.id, j.status, j.printer_id, j.blank_serial) for j in jobs],
    )
    await conn.executemany(
        "UPDATE blanks SET job_id = $2, updated_at = now() WHERE serial = $1",
        [(j.blank_serial, j.id) for j in jobs if j.blank_serial is not None],
    )


async def next_job_for(conn: Connection, printer_id: str) -> asyncpg.Record | None:
    return await conn.fetchrow(
        """SELECT j.*, p.queue FROM print_jobs j JOIN printers p ON p.id = j.printer_id
           WHERE j.printer_id = $1 AND j.status = 'QUEUED' AND j.blank_serial IS NOT NULL
           ORDER BY j.priority DESC, j.seq LIMIT 1""",
        printer_id,
    )


async def set_job_status(conn: Connection, job_id: str, status: str, **columns: Any) -> None:
    sets = ["status = $2", "updated_at = now()"]
    args: list[Any] = [job_id, status]
    for name, value in columns.items():
        args.append(value)
        sets.append(f"{name} = ${len(args)}")
    await conn.execute(f"UPDATE print_jobs SET {', '.join(sets)} WHERE id = $1", *args)


async def jobs_printing(conn: Connection) -> list[asyncpg.Record]:
    return await conn.fetch("SELECT * FROM print_jobs WHERE status = 'PRINTING'")


async def printers_busy(conn: Connection) -> set[str]:
    rows = await conn.fetch(
        "SELECT DISTINCT printer_id FROM print_jobs WHERE status = 'PRINTING'"
    )
    return {r["printer_id"] for r in rows}


async def release_printer_jobs(conn: Connection, printer_id: str) -> int:
    """A printer left ONLINE: its queued jobs (with their blanks) go back to the dispatcher."""
    result = await conn.execute(
        """UPDATE print_jobs SET printer_id = NULL, updated_at = now()
           WHERE printer_id = $1 AND status = 'QUEUED'""",
        printer_id,
    )
    return int(result.split()[-1])


async def latest_card_status(conn: Connection, nik: str) -> str | None:
    return await conn.fetchval(
        """SELECT status FROM print_jobs WHERE nik = $1
           ORDER BY (status IN ('PRINTED', 'ISSUED')) DESC, seq DESC LIMIT 1""",
        nik,
    )


async def has_card(conn: Connection, nik: str) -> bool:
    return bool(await conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM print_jobs WHERE nik = $1 AND status IN ('PRINTED',"
        " 'ISSUED'))", nik,
    ))


# --- blanks -----------------------------------------------------------------------------


async def blanks_known(conn: Connection, serials: list[str]) -> dict[str, BlankView]:
    rows = await conn.fetch(
        """SELECT b.serial, b.status, b.job_id, j.status AS job_status
           FROM blanks b LEFT JOIN print_jobs j ON j.id = b.job_id
           WHERE b.serial = ANY($1::text[])""",
        serials,
    )
    return {r["serial"]: BlankView(r["serial"], r["status"], r["job_id"], r["job_status"])
            for r in rows}


async def add_blanks_on_hand(conn: Connection, serials: list[str], reference: str) -> None:
    await conn.executemany(
        """INSERT INTO blanks (serial, status, reference) VALUES ($1, 'ON_HAND', $2)
           ON CONFLICT (serial) DO UPDATE SET status = 'ON_HAND', job_id = NULL,
               reference = EXCLUDED.reference, updated_at = now()
           WHERE blanks.status = 'RETURNED'""",
        [(s, reference) for s in serials],
    )


async def return_blanks(conn: Connection, serials: list[str]) -> None:
    await conn.execute(
        """UPDATE blanks SET status = 'RETURNED', job_id = NULL, updated_at = now()
           WHERE serial = ANY($1::text[])""",
        serials,
    )


async def release_jobs(conn: Connection, job_ids: list[str]) -> None:
    await conn.execute(
        """UPDATE print_jobs SET status = 'QUEUED', blank_serial = NULL, printer_id = NULL,
                  updated_at = now() WHERE id = ANY($1::text[])""",
        job_ids,
    )


async def free_serials(conn: Connection) -> list[str]:
    rows = await conn.fetch(
        "SELECT serial FROM blanks WHERE status = 'ON_HAND' AND job_id IS NULL ORDER BY serial"
    )
    return [r["serial"] for r in rows]


async def end_blank(conn: Connection, serial: str, status: str) -> None:
    await conn.execute(
        "UPDATE blanks SET status = $2, updated_at = now() WHERE serial = $1", serial, status
    )


async def blank_counts(conn: Connection) -> dict[str, int]:
    rows = await conn.fetch(
        """SELECT CASE WHEN status = 'ON_HAND' AND job_id IS NOT NULL THEN 'RESERVED'
                       ELSE status END AS s, count(*) AS n
           FROM blanks GROUP BY 1"""
    )
    counts = {"ON_HAND": 0, "RESERVED": 0, "USED": 0, "SPOILED": 0, "RETURNED": 0}
    counts.update({r["s"]: int(r["n"]) for r in rows})
    return counts


async def blanks_on_hand(conn: Connection) -> tuple[int, int]:
    """(free, reserved) among the blanks on hand, read on blanks_on_hand alone."""
    free, reserved = await conn.fetchrow(
        "SELECT count(*) - count(job_id), count(job_id) FROM blanks WHERE status = 'ON_HAND'"
    ) or (0, 0)
    return int(free), int(reserved)


async def get_flag(conn: Connection, name: str) -> bool:
    return bool(await conn.fetchval("SELECT value FROM print_room_flags WHERE name = $1", name))


async def set_flag(conn: Connection, name: str, value: bool) -> None:
    await conn.execute(
        """INSERT INTO print_room_flags (name, value) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value""",
        name, value,
    )


# --- printers ---------------------------------------------------------------------------


async def printer_loads(conn: Connection) -> list[PrinterLoad]:
    rows = await conn.fetch(
        # Counted per printer on print_jobs_printer_work: printed jobs are never read.
        """SELECT p.id, p.name, p.status,
                  (SELECT count(*) FROM print_jobs j WHERE j.printer_id = p.id
                     AND j.status IN ('QUEUED', 'PRINTING')) AS load
           FROM printers p ORDER BY p.name"""
    )
    return [PrinterLoad(r["id"], r["name"], r["status"], int(r["load"])) for r in rows]


async def printer_row(conn: Connection, printer_id: str, *, for_update: bool = False
                      ) -> asyncpg.Record | None:
    lock = " FOR UPDATE" if for_update else ""
    return await conn.fetchrow(f"SELECT * FROM printers WHERE id = $1{lock}", printer_id)


async def printers(conn: Connection) -> list[asyncpg.Record]:
    return await conn.fetch("SELECT * FROM printers ORDER BY name")


async def add_history(
    conn: Connection, printer_id: str, kind: str, *, from_status: str | None = None,
    to_status: str | None = None, reason: str = "", job_id: str | None = None,
    actor: str = "system",
) -> None:
    await conn.execute(
        """INSERT INTO printer_history (printer_id, kind, from_status, to_status, reason,
                                        job_id, actor)
           VALUES ($1, $2, $3, $4, $5, $6, $7)""",
        printer_id, kind, from_status, to_status, reason, job_id, actor,
    )


async def printer_stats(conn: Connection) -> dict[str, PrinterStats]:
    rows = await conn.fetch(
        """SELECT printer_id,
                  count(*) FILTER (WHERE kind = 'PRINTED') AS printed,
                  count(*) FILTER (WHERE kind = 'SPOILED') AS spoiled,
                  count(*) FILTER (WHERE kind = 'STATUS' AND from_status = 'ONLINE'
                                   AND to_status <> 'ONLINE') AS breakdowns,
                  count(*) FILTER (WHERE kind = 'STATUS' AND to_status = 'IN_REPAIR') AS repairs
           FROM printer_history GROUP BY printer_id"""
    )
    return {r["printer_id"]: PrinterStats(r["printed"], r["spoiled"], r["breakdowns"],
                                          r["repairs"]) for r in rows}


async def history(conn: Connection, printer_id: str, limit: int = 200) -> list[asyncpg.Record]:
    return await conn.fetch(
        """SELECT at, kind, from_status, to_status, reason, job_id, actor FROM printer_history
           WHERE printer_id = $1 ORDER BY id DESC LIMIT $2""",
        printer_id, limit,
    )


# --- residents and Suket ----------------------------------------------------------------


async def upsert_resident(conn: Connection, nik: str, enrollment_id: str, status: str) -> None:
    # PRINT_READY_RECORD comes after SENT_FOR_ENROLLMENT and is never undone by it.
    await conn.execute(
        """INSERT INTO residents (nik, enrollment_id, status) VALUES ($1, $2, $3)
           ON CONFLICT (nik) DO UPDATE SET enrollment_id = EXCLUDED.enrollment_id,
               status = EXCLUDED.status, updated_at = now()
           WHERE residents.status <> 'PRINT_READY_RECORD'
              OR EXCLUDED.status = 'PRINT_READY_RECORD'""",
        nik, enrollment_id, status,
    )


async def resident_status(conn: Connection, nik: str) -> str | None:
    return await conn.fetchval("SELECT status FROM residents WHERE nik = $1", nik)


async def latest_card_data(conn: Connection, nik: str) -> dict[str, Any] | None:
    card: dict[str, Any] | None = await conn.fetchval(
        "SELECT card FROM print_jobs WHERE nik = $1 ORDER BY seq DESC LIMIT 1", nik
    )
    return card


async def next_suket_seq(conn: Connection) -> int:
    return int(await conn.fetchval("SELECT nextval('suket_seq')"))


async def insert_suket(conn: Connection, **row: Any) -> None:
    await conn.execute(
        """INSERT INTO sukets (number, nik, nama, issued_on, valid_until, issued_by, pdf_path)
           VALUES ($1, $2, $3, $4, $5, $6, $7)""",
        row["number"], row["nik"], row["nama"], row["issued_on"], row["valid_until"],
        row["issued_by"], row["pdf_path"],
    )


async def suket_row(conn: Connection, number: str) -> asyncpg.Record | None:
    return await conn.fetchrow("SELECT * FROM sukets WHERE number = $1", number)


async def revoke_sukets(conn: Connection, nik: str, reason: str) -> list[str]:
    rows = await conn.fetch(
        """UPDATE sukets SET revoked_at = now(), revoked_reason = $2
           WHERE nik = $1 AND revoked_at IS NULL RETURNING number""",
        nik, reason,
    )
    return [r["number"] for r in rows]
