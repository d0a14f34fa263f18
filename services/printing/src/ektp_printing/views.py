"""Read models for the API: the print-room view, job lists, printers with their record."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ektp_shared.db import Connection
from ektp_shared.logging import mask_nik
from ektp_shared.office import current as current_office
from ektp_shared.wilayah import normalise_desa_code

from .adapters import repository as repo
from .domain.jobs import JOB_STATUSES

JOB_COLUMNS = """id, nik, enrollment_id, nama, kode_desa, priority, status, printer_id,
    blank_serial, reprint_of, spoil_reason, detail, created_at, started_at, finished_at,
    issued_at, handed_to, relationship, issued_by, seq"""


def job_dict(row: Any) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.datetime) else v)
            for k, v in dict(row).items() if k not in ("card", "pdf_path", "preview_path")}


def shown_to(role: str, job: dict[str, Any]) -> dict[str, Any]:
    """Viewers follow the print room's work, not whose cards: every NIK masked."""
    if role != "viewer":
        return job
    return {k: mask_nik(v) if isinstance(v, str) else v for k, v in job.items()}


async def jobs(conn: Connection, *, status: str | None, nik: str | None, limit: int,
               offset: int) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        f"""SELECT {JOB_COLUMNS} FROM print_jobs
            WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR nik = $2)
            ORDER BY priority DESC, seq LIMIT $3 OFFSET $4""",
        status, nik, limit, offset,
    )
    return [job_dict(r) for r in rows]


async def job(conn: Connection, job_id: str) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"SELECT {JOB_COLUMNS}, pdf_path, preview_path FROM print_jobs WHERE id = $1", job_id
    )
    if row is None:
        return None
    out = job_dict(row)
    out["has_preview"] = bool(row["preview_path"])
    out["reprint_job_id"] = await conn.fetchval(
        "SELECT id FROM print_jobs WHERE reprint_of = $1", job_id
    )
    return out


async def printers(conn: Connection) -> list[dict[str, Any]]:
    stats = await repo.printer_stats(conn)
    loads = {p.id: p.load for p in await repo.printer_loads(conn)}
    out = []
    for row in await repo.printers(conn):
        s = stats.get(row["id"])
        out.append({
            "id": row["id"], "name": row["name"], "model": row["model"],
            "driver": row["driver"], "location": row["location"], "queue": row["queue"],
            "status": row["status"], "reason": row["status_reason"],
            "status_changed_at": row["status_changed_at"].isoformat(),
            "load": loads.get(row["id"], 0),
            "cards_printed": s.printed if s else 0, "spoiled": s.spoiled if s else 0,
            "spoil_rate": s.spoil_rate if s else 0.0,
            "breakdowns": s.breakdowns if s else 0, "repairs": s.repairs if s else 0,
        })
    return out


async def ready_for_pickup(conn: Connection, kode_desa: str | None) -> list[dict[str, Any]]:
    """Printed cards not yet handed over, grouped per desa (the list taken to the villages)."""
    rows = await conn.fetch(
        """SELECT kode_desa, nik, nama, blank_serial, finished_at FROM print_jobs
           WHERE status = 'PRINTED' AND ($1::text IS NULL OR kode_desa = $1)
           ORDER BY kode_desa, nama""",
        normalise_desa_code(kode_desa) if kode_desa else None,
    )
    groups: dict[str, dict[str, Any]] = {}
    names = current_office().desa
    for r in rows:
        g = groups.setdefault(r["kode_desa"], {
            "kode_desa": r["kode_desa"],
            "desa": names[r["kode_desa"]].nama if r["kode_desa"] in names else None,
            "cards": [],
        })
        g["cards"].append({"nik": r["nik"], "nama": r["nama"], "blank_serial": r["blank_serial"],
                           "printed_at": r["finished_at"].isoformat() if r["finished_at"]
                           else None})
    for g in groups.values():
        g["count"] = len(g["cards"])
    return list(groups.values())


async def print_room(conn: Connection, today: dt.date) -> dict[str, Any]:
    by_status = {s: 0 for s in JOB_STATUSES}
    for r in await conn.fetch("SELECT status, count(*) AS n FROM print_jobs GROUP BY status"):
        by_status[r["status"]] = int(r["n"])
    queue = await conn.fetch(
        """SELECT id, nik, status, priority, printer_id, blank_serial, reprint_of
           FROM print_jobs WHERE status IN ('QUEUED', 'WAITING_FOR_BLANK', 'PRINTING',
                                            'NEEDS_CHECK')
           ORDER BY (status = 'PRINTING') DESC, priority DESC, seq LIMIT 50"""
    )
    counts = await repo.blank_counts(conn)
    # The office's day, not UTC's: after 16:00 UTC it is already tomorrow in WITA.
    start = dt.datetime.combine(today, dt.time(), tzinfo=current_office().tz)
    today_counts = await conn.fetchrow(
        """SELECT
             (SELECT count(*) FROM print_jobs WHERE status IN ('PRINTED', 'ISSUED')
                AND finished_at >= $1) AS printed,
             (SELECT count(*) FROM print_jobs WHERE status = 'SPOILED'
                AND finished_at >= $1) AS spoiled,
             (SELECT count(*) FROM print_jobs WHERE issued_at >= $1) AS issued,
             (SELECT count(*) FROM sukets WHERE issued_on = $2) AS suket""",
        start, today,
    )
    return {
        "jobs": by_status,
        # The view may be shown on a screen in the office: NIKs masked.
        "queue": [{**dict(r), "nik": mask_nik(r["nik"])} for r in queue],
        "printers": await printers(conn),
        "blanks": {"on_hand": counts["ON_HAND"] + counts["RESERVED"],
                   "free": counts["ON_HAND"], "reserved": counts["RESERVED"],
                   "used": counts["USED"], "spoiled": counts["SPOILED"],
                   "returned": counts["RETURNED"]},
        "today": {k: int(v) for k, v in dict(today_counts or {}).items()},
    }
