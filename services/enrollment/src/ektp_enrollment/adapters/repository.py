"""SQL for the enrollment database. Each function runs on the caller's connection, inside
the caller's transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from ektp_shared.db import Connection

from ..domain.recording import Earlier, LatestFieldCheck
from ..domain.roster import RosterEntry

ENROLLMENT_COLUMNS = """enrollment_id::text AS enrollment_id, nik, nama, kode_desa, kode_kecamatan,
    status, active, demographics, biometric_summary, warnings, overrides, source, source_ref,
    recorded_at, recorded_by, duplicate_of, last_failure, status_changed_at"""


async def earlier_recordings(conn: Connection, nik: str) -> list[Earlier]:
    rows = await conn.fetch(
        "SELECT enrollment_id::text AS id, status FROM enrollments WHERE nik = $1"
        " ORDER BY recorded_at", nik,
    )
    return [Earlier(r["id"], r["status"]) for r in rows]


async def insert_enrollment(conn: Connection, row: dict[str, Any]) -> bool:
    """False when another active recording of the NIK exists (also one committed by a
    concurrent request a moment ago: the unique index decides, not a prior read)."""
    inserted = await conn.fetchval(
        """INSERT INTO enrollments (enrollment_id, nik, nama, kode_desa, kode_kecamatan,
               demographics, status, active, sealed_packet, biometric_summary, warnings,
               overrides, source, source_ref, recorded_at, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8, $9, $10, $11, $12, $13, $14, $15)
           ON CONFLICT (nik) WHERE active DO NOTHING
           RETURNING true""",
        uuid.UUID(row["enrollment_id"]), row["nik"], row["nama"], row["kode_desa"],
        row["kode_kecamatan"], row["demographics"], row["status"], row["sealed_packet"],
        row["biometric_summary"], row["warnings"], row["overrides"], row["source"],
        row["source_ref"], row["recorded_at"], row["recorded_by"],
    )
    return bool(inserted)


async def active_recording_id(conn: Connection, nik: str) -> str | None:
    value = await conn.fetchval(
        "SELECT enrollment_id::text FROM enrollments WHERE nik = $1 AND active", nik
    )
    return str(value) if value is not None else None


async def by_source_ref(conn: Connection, source_ref: str) -> str | None:
    value = await conn.fetchval(
        "SELECT enrollment_id::text FROM enrollments WHERE source_ref = $1", source_ref
    )
    return str(value) if value is not None else None


async def get_enrollment(
    conn: Connection, enrollment_id: uuid.UUID, *, for_update: bool = False
) -> dict[str, Any] | None:
    lock = " FOR UPDATE" if for_update else ""
    row = await conn.fetchrow(
        f"SELECT {ENROLLMENT_COLUMNS}, sealed_packet FROM enrollments"
        f" WHERE enrollment_id = $1{lock}",
        enrollment_id,
    )
    return dict(row) if row is not None else None


async def set_status(
    conn: Connection, enrollment_id: uuid.UUID, status: str, active: bool, *,
    duplicate_of: str | None = None,
) -> None:
    await conn.execute(
        """UPDATE enrollments SET status = $2, active = $3, status_changed_at = now(),
               duplicate_of = COALESCE($4, duplicate_of)
           WHERE enrollment_id = $1""",
        enrollment_id, status, active, duplicate_of,
    )


async def set_last_failure(
    conn: Connection, enrollment_id: uuid.UUID, failure: dict[str, Any]
) -> None:
    await conn.execute(
        "UPDATE enrollments SET last_failure = $2 WHERE enrollment_id = $1",
        enrollment_id, failure,
    )


async def add_history(
    conn: Connection, enrollment_id: uuid.UUID, status: str, applied: bool,
    ce_id: str | None = None, detail: dict[str, Any] | None = None,
) -> None:
    await conn.execute(
        """INSERT INTO enrollment_history (enrollment_id, status, applied, ce_id, detail)
           VALUES ($1, $2, $3, $4, $5)""",
        enrollment_id, status, applied, ce_id, detail or {},
    )


async def history(conn: Connection, enrollment_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        "SELECT status, applied, detail, at FROM enrollment_history"
        " WHERE enrollment_id = $1 ORDER BY id",
        enrollment_id,
    )
    return [dict(r) for r in rows]


async def list_enrollments(
    conn: Connection, *, status: str | None, desa: str | None, nik: str | None,
    limit: int, offset: int,
) -> tuple[int, list[dict[str, Any]]]:
    where, args = ["true"], []
    for column, value in (("status", status), ("kode_desa", desa), ("nik", nik)):
        if value is not None:
            args.append(value)
            where.append(f"{column} = ${len(args)}")
    clause = " AND ".join(where)
    total = await conn.fetchval(f"SELECT count(*) FROM enrollments WHERE {clause}", *args)
    rows = await conn.fetch(
        f"SELECT {ENROLLMENT_COLUMNS} FROM enrollments WHERE {clause}"
        f" ORDER BY recorded_at DESC, enrollment_id LIMIT ${len(args) + 1}"
        f" OFFSET ${len(args) + 2}",
        *args, limit, offset,
    )
    return int(total), [dict(r) for r in rows]


# --- roster -----------------------------------------------------------------------------


async def upsert_roster(conn: Connection, entries: list[RosterEntry], source: str) -> int:
    """Insert or refresh entries (their status is kept); returns how many were new."""
    if not entries:
        return 0
    rows = await conn.fetch(
        """INSERT INTO roster (nik, nama, kode_desa, kode_kecamatan, tanggal_lahir,
               jenis_kelamin, source, status)
           SELECT u.nik, u.nama, u.kode_desa, u.kode_kecamatan, u.tanggal_lahir,
                  u.jenis_kelamin, $7,
                  CASE WHEN EXISTS (SELECT 1 FROM enrollments e WHERE e.nik = u.nik AND e.active)
                       THEN 'SUDAH_REKAM' ELSE 'BELUM_REKAM' END
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[])
                AS u(nik, nama, kode_desa, kode_kecamatan, tanggal_lahir, jenis_kelamin)
           ON CONFLICT (nik) DO UPDATE SET nama = EXCLUDED.nama, kode_desa = EXCLUDED.kode_desa,
               kode_kecamatan = EXCLUDED.kode_kecamatan, tanggal_lahir = EXCLUDED.tanggal_lahir,
               jenis_kelamin = EXCLUDED.jenis_kelamin, updated_at = now()
           RETURNING (xmax = 0) AS inserted""",
        [e.nik for e in entries], [e.nama for e in entries], [e.kode_desa for e in entries],
        [e.kode_kecamatan for e in entries], [e.tanggal_lahir for e in entries],
        [e.jenis_kelamin for e in entries], source,
    )
    return sum(1 for r in rows if r["inserted"])


async def mark_roster_recorded(conn: Connection, nik: str) -> None:
    await conn.execute(
        "UPDATE roster SET status = 'SUDAH_REKAM', updated_at = now() WHERE nik = $1", nik
    )


async def roster_entry(
    conn: Connection, nik: str, *, for_update: bool = False
) -> dict[str, Any] | None:
    lock = " FOR UPDATE" if for_update else ""
    row = await conn.fetchrow(f"SELECT * FROM roster WHERE nik = $1{lock}", nik)
    return dict(row) if row is not None else None


async def list_roster(
    conn: Connection, *, kecamatan: str | None, desa: str | None, status: str | None,
    born_after: dt.date | None, born_upto: dt.date | None, limit: int, offset: int,
    nik: str | None = None, nama: str | None = None,
) -> tuple[int, list[dict[str, Any]]]:
    where, args = ["true"], []
    # A name is found by any part of it, as the clerk hears it (case and spaces aside).
    like = None if nama is None else "%" + "%".join(
        w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        for w in nama.split()) + "%"
    for condition, value in (
        ("kode_kecamatan = ${}", kecamatan), ("kode_desa = ${}", desa), ("status = ${}", status),
        ("tanggal_lahir > ${}", born_after), ("tanggal_lahir <= ${}", born_upto),
        ("nik = ${}", nik), ("nama ILIKE ${}", like),
    ):
        if value is not None:
            args.append(value)
            where.append(condition.format(len(args)))
    clause = " AND ".join(where)
    total = await conn.fetchval(f"SELECT count(*) FROM roster WHERE {clause}", *args)
    rows = await conn.fetch(
        f"""SELECT nik, nama, kode_desa, kode_kecamatan, tanggal_lahir, jenis_kelamin, status,
                   last_check, last_checked_at, source
            FROM roster WHERE {clause} ORDER BY kode_desa, nama, nik
            LIMIT ${len(args) + 1} OFFSET ${len(args) + 2}""",
        *args, limit, offset,
    )
    return int(total), [dict(r) for r in rows]


async def latest_field_check(conn: Connection, nik: str) -> LatestFieldCheck | None:
    row = await conn.fetchrow(
        """SELECT id, outcome, checked_at, officer FROM field_checks WHERE nik = $1 AND NOT held
           ORDER BY checked_at DESC, id LIMIT 1""",
        nik,
    )
    if row is None:
        return None
    return LatestFieldCheck(check_id=str(row["id"]), outcome=row["outcome"],
                            checked_at=row["checked_at"], officer=row["officer"])


async def add_visit(
    conn: Connection, *, kode_desa: str, tanggal: dt.date, officer: str, note: str, by: str
) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        """INSERT INTO visit_schedule (kode_desa, tanggal, officer, note, created_by)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
           RETURNING id, kode_desa, tanggal, officer, note""",
        kode_desa, tanggal, officer, note, by,
    )
    return dict(row) if row is not None else None


async def visits(
    conn: Connection, *, desa: str | None, from_date: dt.date | None
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """SELECT id, kode_desa, tanggal, officer, note FROM visit_schedule
           WHERE ($1::text IS NULL OR kode_desa = $1) AND ($2::date IS NULL OR tanggal >= $2)
           ORDER BY tanggal, kode_desa, officer""",
        desa, from_date,
    )
    return [dict(r) for r in rows]


# --- kits -------------------------------------------------------------------------------


async def add_kit(conn: Connection, kit_id: str, public_key: str, label: str, by: str) -> bool:
    inserted = await conn.fetchval(
        """INSERT INTO kits (kit_id, public_key, label, registered_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING true""",
        kit_id, public_key, label, by,
    )
    return bool(inserted)


async def kit_public_key(conn: Connection, kit_id: str) -> str | None:
    value = await conn.fetchval("SELECT public_key FROM kits WHERE kit_id = $1", kit_id)
    return str(value) if value is not None else None


async def kit_registration(conn: Connection, kit_id: str) -> dict[str, Any] | None:
    row = await conn.fetchrow("SELECT kit_id, public_key, label FROM kits WHERE kit_id = $1",
                              kit_id)
    return dict(row) if row is not None else None


# --- village sync: records remembered once ---------------------------------------------


async def claim_kit_record(
    conn: Connection, kit_id: str, record_id: str, kind: str, by: str
) -> bool:
    """Take (kit, record) for this transaction; False when it was taken before. A concurrent
    sending of the same record waits here until the first one commits or rolls back."""
    inserted = await conn.fetchval(
        """INSERT INTO kit_records (kit_id, record_id, kind, status, received_by)
           VALUES ($1, $2, $3, 'CLAIMED', $4) ON CONFLICT DO NOTHING RETURNING true""",
        kit_id, record_id, kind, by,
    )
    return bool(inserted)


async def settle_kit_record(
    conn: Connection, kit_id: str, record_id: str, *, status: str,
    enrollment_id: str | None = None, field_check_id: uuid.UUID | None = None,
    conflict_id: int | None = None, warnings: list[str] | None = None,
) -> None:
    await conn.execute(
        """UPDATE kit_records SET status = $3, enrollment_id = $4, field_check_id = $5,
               conflict_id = $6, warnings = $7 WHERE kit_id = $1 AND record_id = $2""",
        kit_id, record_id, status, uuid.UUID(enrollment_id) if enrollment_id else None,
        field_check_id, conflict_id, warnings or [],
    )


async def kit_record(conn: Connection, kit_id: str, record_id: str) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        """SELECT k.kind, k.status, k.enrollment_id::text AS enrollment_id,
                  k.field_check_id::text AS field_check_id, k.conflict_id, k.warnings,
                  c.kind AS conflict_kind
           FROM kit_records k LEFT JOIN field_check_conflicts c ON c.id = k.conflict_id
           WHERE k.kit_id = $1 AND k.record_id = $2""",
        kit_id, record_id,
    )
    return dict(row) if row is not None else None


# --- field checks held for the supervisor, and their conflicts --------------------------


async def insert_check(
    conn: Connection, *, check_id: uuid.UUID, nik: str, kode_desa: str, outcome: str,
    officer: str, note: str, checked_at: dt.datetime | None, held: bool,
    source_ref: str | None,
) -> dt.datetime:
    checked: dt.datetime = await conn.fetchval(
        """INSERT INTO field_checks (id, nik, kode_desa, outcome, officer, note, checked_at,
               held, source_ref)
           VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, now()), $8, $9) RETURNING checked_at""",
        check_id, nik, kode_desa, outcome, officer, note, checked_at, held, source_ref,
    )
    return checked


async def apply_check_to_roster(
    conn: Connection, nik: str, new_status: str, outcome: str, checked_at: dt.datetime
) -> None:
    """The roster follows the newest applied check: one made offline days ago and sent now
    does not undo a later one."""
    await conn.execute(
        """UPDATE roster SET status = $2, last_check = $3, last_checked_at = $4, updated_at = now()
           WHERE nik = $1 AND (last_checked_at IS NULL OR last_checked_at <= $4)""",
        nik, new_status, outcome, checked_at,
    )


async def unhold_check(conn: Connection, check_id: uuid.UUID) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        """UPDATE field_checks SET held = false WHERE id = $1 AND held
           RETURNING nik, kode_desa, outcome, officer, note, checked_at""",
        check_id,
    )
    return dict(row) if row is not None else None


CONFLICT_COLUMNS = """c.id, c.kind, c.nik, c.kode_desa, c.status, c.opened_at, c.details,
    c.kit_id, c.record_id, c.decision, c.reason, c.decided_by, c.decided_at, r.nama"""


async def open_conflict(
    conn: Connection, kind: str, nik: str, *, for_update: bool = False
) -> dict[str, Any] | None:
    lock = " FOR UPDATE OF c" if for_update else ""
    row = await conn.fetchrow(
        f"""SELECT {CONFLICT_COLUMNS} FROM field_check_conflicts c
            LEFT JOIN roster r ON r.nik = c.nik
            WHERE c.nik = $1 AND c.kind = $2 AND c.status = 'OPEN'{lock}""",
        nik, kind,
    )
    return dict(row) if row is not None else None


async def record_conflict(
    conn: Connection, kit_id: str, record_id: str
) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"""SELECT {CONFLICT_COLUMNS} FROM field_check_conflicts c
            LEFT JOIN roster r ON r.nik = c.nik
            WHERE c.kit_id = $1 AND c.record_id = $2
              AND c.kind = 'RECORDING_AFTER_MENINGGAL'""",
        kit_id, record_id,
    )
    return dict(row) if row is not None else None


async def add_conflict(
    conn: Connection, *, kind: str, nik: str, kode_desa: str, details: dict[str, Any],
    kit_id: str | None = None, record_id: str | None = None,
) -> int:
    value = await conn.fetchval(
        """INSERT INTO field_check_conflicts (kind, nik, kode_desa, details, kit_id, record_id)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id""",
        kind, nik, kode_desa, details, kit_id, record_id,
    )
    return int(value)


async def update_conflict_details(conn: Connection, conflict_id: int,
                                  details: dict[str, Any]) -> None:
    await conn.execute("UPDATE field_check_conflicts SET details = $2 WHERE id = $1",
                       conflict_id, details)


async def get_conflict(
    conn: Connection, conflict_id: int, *, for_update: bool = False
) -> dict[str, Any] | None:
    lock = " FOR UPDATE OF c" if for_update else ""
    row = await conn.fetchrow(
        f"""SELECT {CONFLICT_COLUMNS} FROM field_check_conflicts c
            LEFT JOIN roster r ON r.nik = c.nik WHERE c.id = $1{lock}""",
        conflict_id,
    )
    return dict(row) if row is not None else None


async def decide_conflict(
    conn: Connection, conflict_id: int, decision: str, reason: str, by: str
) -> None:
    await conn.execute(
        """UPDATE field_check_conflicts SET status = 'DECIDED', decision = $2, reason = $3,
               decided_by = $4, decided_at = now() WHERE id = $1""",
        conflict_id, decision, reason, by,
    )


async def list_conflicts(
    conn: Connection, *, status: str | None, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    total = await conn.fetchval(
        "SELECT count(*) FROM field_check_conflicts WHERE ($1::text IS NULL OR status = $1)",
        status,
    )
    rows = await conn.fetch(
        f"""SELECT {CONFLICT_COLUMNS} FROM field_check_conflicts c
            LEFT JOIN roster r ON r.nik = c.nik
            WHERE ($1::text IS NULL OR c.status = $1)
            ORDER BY c.opened_at, c.id LIMIT $2 OFFSET $3""",
        status, limit, offset,
    )
    return int(total), [dict(r) for r in rows]
