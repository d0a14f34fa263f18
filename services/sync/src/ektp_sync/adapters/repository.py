"""SQL of the sync service."""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg

from ektp_shared.db import Connection
from ektp_shared.events import EnrollmentRecorded

from ..domain.breaker import CircuitBreaker
from ..domain.submission import Submission

_SUBMISSION_COLUMNS = """enrollment_id, nik, seq, state, attempts, failure_reason, retryable,
    duplicate_of, last_error, created_at, submitted_at, decided_at, updated_at, next_attempt_at"""


async def queue_submission(conn: Connection, data: EnrollmentRecorded) -> bool:
    packet = {"enrollment_id": data.enrollment_id, "nik": data.nik,
              "demographics": data.demographics.model_dump(mode="json"),
              "sealed_packet": data.sealed_packet}
    inserted = await conn.fetchval(
        """INSERT INTO submissions (enrollment_id, nik, packet) VALUES ($1, $2, $3)
           ON CONFLICT (enrollment_id) DO NOTHING RETURNING true""",
        data.enrollment_id, data.nik, packet,
    )
    return bool(inserted)


async def due_submissions(
    pool: asyncpg.Pool, limit: int, in_flight: list[str] | None = None
) -> list[asyncpg.Record]:
    """The next PENDING submissions to send, oldest first, at most one per resident: a
    later recording of a NIK waits until the earlier one has left PENDING. Rows of a
    batch already on its way are left out."""
    return await pool.fetch(
        """SELECT s.enrollment_id, s.nik, s.packet FROM submissions s
           WHERE s.state = 'PENDING' AND s.next_attempt_at <= now()
             AND NOT (s.enrollment_id = ANY($2::text[]))
             AND NOT EXISTS (SELECT 1 FROM submissions e
                             WHERE e.nik = s.nik AND e.seq < s.seq AND e.state = 'PENDING')
           ORDER BY s.seq LIMIT $1""",
        limit, in_flight or [],
    )


def _submission(row: asyncpg.Record) -> Submission:
    return Submission(
        enrollment_id=row["enrollment_id"], nik=row["nik"], state=row["state"],
        attempts=row["attempts"], failure_reason=row["failure_reason"],
        retryable=row["retryable"], duplicate_of=row["duplicate_of"],
    )


async def lock_submissions(conn: Connection, ids: list[str]) -> dict[str, Submission]:
    rows = await conn.fetch(
        """SELECT enrollment_id, nik, state, attempts, failure_reason, retryable, duplicate_of
           FROM submissions WHERE enrollment_id = ANY($1::text[]) ORDER BY seq FOR UPDATE""",
        ids,
    )
    return {r["enrollment_id"]: _submission(r) for r in rows}


async def save_submission(
    conn: Connection,
    sub: Submission,
    *,
    next_attempt_in: float | None = None,
    next_poll_in: float | None = None,
    last_error: str | None = None,
    submitted: bool = False,
    decided: bool = False,
) -> None:
    await conn.execute(
        """UPDATE submissions SET state = $2, attempts = $3, failure_reason = $4, retryable = $5,
               duplicate_of = $6,
               -- Once the centre has decided, the sealed biometrics are no longer needed here
               -- (UU 27/2022: keep specific personal data no longer than the purpose needs).
               packet = CASE WHEN $2 IN ('PRINT_READY_RECORD', 'DUPLICATE_RECORD', 'CANCELLED')
                             THEN jsonb_build_object('enrollment_id', enrollment_id, 'nik', nik)
                             ELSE packet END,
               next_attempt_at = CASE WHEN $7::float8 IS NULL THEN next_attempt_at
                                      ELSE now() + make_interval(secs => $7) END,
               next_poll_at = CASE WHEN $8::float8 IS NULL THEN next_poll_at
                                   ELSE now() + make_interval(secs => $8) END,
               last_error = COALESCE($9, last_error),
               submitted_at = CASE WHEN $10 THEN now() ELSE submitted_at END,
               decided_at = CASE WHEN $11 THEN now() ELSE decided_at END,
               updated_at = now()
           WHERE enrollment_id = $1""",
        sub.enrollment_id, sub.state, sub.attempts, sub.failure_reason, sub.retryable,
        sub.duplicate_of, next_attempt_in, next_poll_in, last_error, submitted, decided,
    )


async def note_transient_error(pool: asyncpg.Pool, ids: list[str], error: str) -> None:
    await pool.execute(
        "UPDATE submissions SET last_error = $2, updated_at = now() "
        "WHERE enrollment_id = ANY($1::text[]) AND state = 'PENDING'",
        ids, error[:1000],
    )


async def polls_due(pool: asyncpg.Pool, limit: int) -> list[str]:
    rows = await pool.fetch(
        """SELECT enrollment_id FROM submissions
           WHERE state = 'SENT_FOR_ENROLLMENT' AND next_poll_at <= now()
           ORDER BY next_poll_at, seq LIMIT $1""",
        limit,
    )
    return [r["enrollment_id"] for r in rows]


async def postpone_polls(conn: Connection, ids: list[str], seconds: float) -> None:
    if ids:
        await conn.execute(
            """UPDATE submissions SET next_poll_at = now() + make_interval(secs => $2)
               WHERE enrollment_id = ANY($1::text[]) AND state = 'SENT_FOR_ENROLLMENT'""",
            ids, seconds,
        )


async def list_submissions(
    pool: asyncpg.Pool, state: str | None, nik: str | None, after_seq: int, limit: int
) -> list[asyncpg.Record]:
    return await pool.fetch(
        f"""SELECT {_SUBMISSION_COLUMNS} FROM submissions
            WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR nik = $2)
              AND seq > $3
            ORDER BY seq LIMIT $4""",
        state, nik, after_seq, limit,
    )


async def get_submission(conn: Connection | asyncpg.Pool, enrollment_id: str
                         ) -> asyncpg.Record | None:
    return await conn.fetchrow(
        f"SELECT {_SUBMISSION_COLUMNS} FROM submissions WHERE enrollment_id = $1",
        enrollment_id,
    )


async def status(pool: asyncpg.Pool) -> dict[str, Any]:
    counts = await pool.fetch("SELECT state, count(*) AS n FROM submissions GROUP BY state")
    ages = await pool.fetchrow(
        """SELECT
             extract(epoch FROM now() - min(created_at) FILTER (WHERE state = 'PENDING'))
               AS oldest_unsent,
             extract(epoch FROM now() - min(submitted_at)
                     FILTER (WHERE state = 'SENT_FOR_ENROLLMENT')) AS oldest_awaiting_verdict
           FROM submissions"""
    )
    assert ages is not None
    reports = await pool.fetchval(
        "SELECT count(*) FROM population_reports WHERE sent_at IS NULL"
    )
    roster = await pool.fetch(
        "SELECT kabupaten, cursor, entries_total, last_pulled_at FROM roster_cursor"
    )
    link = await pool.fetchrow(
        "SELECT last_success_at, outage_since, last_error FROM centre_link WHERE id = 1"
    )

    def seconds(value: Any) -> float | None:
        return None if value is None else round(float(value), 1)

    return {
        "backlog": {r["state"]: int(r["n"]) for r in counts},
        "oldest_unsent_age_seconds": seconds(ages["oldest_unsent"]),
        "oldest_awaiting_verdict_age_seconds": seconds(ages["oldest_awaiting_verdict"]),
        "reports_unsent": int(reports),
        "roster": [dict(r) for r in roster],
        "link": dict(link) if link else {},
    }


# --- the link's last known state ---------------------------------------------------------


def _ts(epoch: float | None) -> dt.datetime | None:
    return None if epoch is None else dt.datetime.fromtimestamp(epoch, dt.UTC)


async def save_link(pool: asyncpg.Pool, breaker: CircuitBreaker) -> None:
    await pool.execute(
        """UPDATE centre_link SET
               last_success_at = COALESCE($1, last_success_at), outage_since = $2,
               last_error = $3
           WHERE id = 1""",
        _ts(breaker.last_success_at), _ts(breaker.outage_since), breaker.last_error,
    )


async def load_link(pool: asyncpg.Pool, breaker: CircuitBreaker) -> None:
    row = await pool.fetchrow(
        "SELECT last_success_at, outage_since, last_error FROM centre_link WHERE id = 1"
    )
    if row is None:
        return
    if row["last_success_at"] is not None:
        breaker.last_success_at = row["last_success_at"].timestamp()
    if row["outage_since"] is not None:
        breaker.outage_since = row["outage_since"].timestamp()
    breaker.last_error = row["last_error"]


# --- field-check reports -----------------------------------------------------------------


async def queue_report(conn: Connection, update_id: str, nik: str, status: str, note: str
                       ) -> bool:
    inserted = await conn.fetchval(
        """INSERT INTO population_reports (update_id, nik, status, note) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING true""",
        update_id, nik, status, note,
    )
    return bool(inserted)


async def due_reports(pool: asyncpg.Pool, limit: int) -> list[asyncpg.Record]:
    return await pool.fetch(
        """SELECT update_id, nik, status, note, attempts FROM population_reports
           WHERE sent_at IS NULL AND next_attempt_at <= now() ORDER BY seq LIMIT $1""",
        limit,
    )


async def report_sent(conn: Connection | asyncpg.Pool, update_id: str) -> None:
    await conn.execute(
        "UPDATE population_reports SET sent_at = now(), last_error = NULL WHERE update_id = $1",
        update_id,
    )


async def report_failed(pool: asyncpg.Pool, update_id: str, error: str, wait: float) -> None:
    await pool.execute(
        """UPDATE population_reports SET attempts = attempts + 1, last_error = $2,
               next_attempt_at = now() + make_interval(secs => $3) WHERE update_id = $1""",
        update_id, error[:1000], wait,
    )


# --- roster ------------------------------------------------------------------------------


async def roster_cursor(pool: asyncpg.Pool, kabupaten: str) -> str:
    cursor = await pool.fetchval(
        "SELECT cursor FROM roster_cursor WHERE kabupaten = $1", kabupaten
    )
    return str(cursor or "")


async def save_roster_cursor(conn: Connection, kabupaten: str, cursor: str, entries: int
                             ) -> None:
    await conn.execute(
        """INSERT INTO roster_cursor (kabupaten, cursor, entries_total, last_pulled_at)
           VALUES ($1, $2, $3, now())
           ON CONFLICT (kabupaten) DO UPDATE SET cursor = EXCLUDED.cursor,
               entries_total = roster_cursor.entries_total + EXCLUDED.entries_total,
               last_pulled_at = now()""",
        kabupaten, cursor, entries,
    )


async def request_roster_pull(conn: Connection | asyncpg.Pool, kabupaten: str) -> None:
    await conn.execute(
        """INSERT INTO roster_pull_requests (kabupaten, requested_at) VALUES ($1, now())
           ON CONFLICT (kabupaten) DO UPDATE SET requested_at = now()""",
        kabupaten,
    )


async def db_now(pool: asyncpg.Pool) -> dt.datetime:
    now: dt.datetime = await pool.fetchval("SELECT now()")
    return now


async def roster_pull_requested_since(pool: asyncpg.Pool, kabupaten: str, since: dt.datetime
                                      ) -> bool:
    return bool(await pool.fetchval(
        "SELECT true FROM roster_pull_requests WHERE kabupaten = $1 AND requested_at > $2",
        kabupaten, since,
    ))
