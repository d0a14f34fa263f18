"""SQL of the simulated centre (its own database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import asyncpg

from ektp_shared.db import Connection

from ..domain.population import Person
from ..domain.verdicts import Verdict

COUNTERS = (
    "received", "accepted", "repeats", "rejected", "refused_partial", "fault_down",
    "fault_error", "fault_timeout", "verdict_queries", "roster_pages", "population_updates",
)


async def bump(conn: Connection | asyncpg.Pool, counts: Mapping[str, int]) -> None:
    names = [n for n, v in counts.items() if v]
    if not names:
        return
    await conn.execute(
        """INSERT INTO sim_counters (name, value) SELECT * FROM unnest($1::text[], $2::bigint[])
           ON CONFLICT (name) DO UPDATE SET value = sim_counters.value + EXCLUDED.value""",
        names, [counts[n] for n in names],
    )


async def counters(pool: asyncpg.Pool) -> dict[str, int]:
    rows = await pool.fetch("SELECT name, value FROM sim_counters")
    out = dict.fromkeys(COUNTERS, 0)
    out.update({r["name"]: int(r["value"]) for r in rows})
    out["stored"] = int(await pool.fetchval("SELECT count(*) FROM sim_submissions"))
    return out


async def reset_counters(pool: asyncpg.Pool) -> None:
    await pool.execute("DELETE FROM sim_counters")


async def note_repeat(conn: Connection, enrollment_id: str) -> bool:
    """Count one more receipt of a known enrollment; False if the centre never took it."""
    found = await conn.fetchval(
        """UPDATE sim_submissions SET times_received = times_received + 1
           WHERE enrollment_id = $1 RETURNING true""",
        enrollment_id,
    )
    return bool(found)


async def fingerprint_owner(conn: Connection, digest: str, nik: str) -> str:
    """The NIK that owns these templates: the first one seen (this one if none)."""
    await conn.execute(
        "INSERT INTO sim_fingerprints (digest, nik) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        digest, nik,
    )
    owner = await conn.fetchval("SELECT nik FROM sim_fingerprints WHERE digest = $1", digest)
    return str(owner)


async def store_submission(
    conn: Connection, *, enrollment_id: str, nik: str, digest: str | None,
    card: dict[str, Any], verdict: Verdict, due: dt.datetime,
) -> bool:
    inserted = await conn.fetchval(
        """INSERT INTO sim_submissions (enrollment_id, nik, fingerprint_digest, card,
               verdict_due_at, verdict, duplicate_of, reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (enrollment_id) DO NOTHING RETURNING true""",
        enrollment_id, nik, digest, card, due, verdict.name, verdict.duplicate_of, verdict.reason,
    )
    return bool(inserted)


async def verdicts(pool: asyncpg.Pool, enrollment_ids: list[str]) -> dict[str, asyncpg.Record]:
    rows = await pool.fetch(
        """SELECT enrollment_id, nik, verdict, verdict_due_at <= now() AS due, card,
                  duplicate_of, reason
           FROM sim_submissions WHERE enrollment_id = ANY($1::text[])""",
        enrollment_ids,
    )
    return {r["enrollment_id"]: r for r in rows}


async def roster_page(
    pool: asyncpg.Pool, kabupaten: str, after_seq: int, limit: int
) -> list[asyncpg.Record]:
    """Wajib KTP residents of the kabupaten without an e-KTP and not yet recorded."""
    return await pool.fetch(
        """SELECT p.seq, p.nik, p.nama, p.kode_desa, p.tanggal_lahir, p.jenis_kelamin
           FROM sim_population p
           WHERE left(p.kode_desa, 5) = $1 AND p.seq > $2
             AND NOT p.punya_ektp AND p.status = 'AKTIF'
             AND (p.tanggal_lahir <= current_date - interval '17 years'
                  OR p.status_perkawinan <> 'BELUM KAWIN')
             AND NOT EXISTS (SELECT 1 FROM sim_submissions s WHERE s.nik = p.nik)
           ORDER BY p.seq LIMIT $3""",
        kabupaten, after_seq, limit,
    )


async def record_population_update(
    conn: Connection, update_id: str, nik: str, status: str, note: str
) -> tuple[bool, bool]:
    """(first time this update arrived, the NIK is in the population)."""
    fresh = await conn.fetchval(
        """INSERT INTO sim_population_updates (update_id, nik, status, note)
           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING true""",
        update_id, nik, status, note,
    )
    known = await conn.fetchval(
        "UPDATE sim_population SET status = $2, updated_at = now() WHERE nik = $1 RETURNING true",
        nik, status,
    ) if fresh else await conn.fetchval("SELECT true FROM sim_population WHERE nik = $1", nik)
    return bool(fresh), bool(known)


async def insert_population(pool: asyncpg.Pool, people: Iterable[Person]) -> int:
    rows = [
        (p.nik, p.nama, p.kode_desa, p.tanggal_lahir, p.jenis_kelamin, p.status_perkawinan,
         p.punya_ektp)
        for p in people
    ]
    columns = ["nik", "nama", "kode_desa", "tanggal_lahir", "jenis_kelamin",
               "status_perkawinan", "punya_ektp"]
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute(
            "CREATE TEMP TABLE incoming (LIKE sim_population INCLUDING DEFAULTS) ON COMMIT DROP"
        )
        await conn.copy_records_to_table("incoming", records=rows, columns=columns)
        result = await conn.execute(
            f"""INSERT INTO sim_population ({", ".join(columns)})
                SELECT {", ".join(columns)} FROM incoming ORDER BY nik
                ON CONFLICT (nik) DO NOTHING"""
        )
    return int(result.split()[-1])


async def received(pool: asyncpg.Pool, after_seq: int, limit: int) -> list[asyncpg.Record]:
    return await pool.fetch(
        """SELECT enrollment_id, nik, received_seq, times_received, verdict
           FROM sim_submissions WHERE received_seq > $1 ORDER BY received_seq LIMIT $2""",
        after_seq, limit,
    )
