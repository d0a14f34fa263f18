"""SQL of the read model. Writes run inside the consumer's inbox transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from ektp_shared.db import Connection

from ..domain.resident import Resident

# --- residents ----------------------------------------------------------------------------


async def load_resident(conn: Connection, nik: str) -> Resident | None:
    row = await conn.fetchrow(
        """SELECT nik, status, status_since, nama, kode_desa, on_roster, enrollment_id,
                  field_outcome, milestones
             FROM residents WHERE nik = $1 FOR UPDATE""",
        nik,
    )
    if row is None:
        return None
    return Resident(
        nik=row["nik"], status=row["status"], status_since=row["status_since"],
        nama=row["nama"], kode_desa=row["kode_desa"], on_roster=row["on_roster"],
        enrollment_id=row["enrollment_id"], field_outcome=row["field_outcome"],
        milestones=frozenset(row["milestones"]), seen=True,
    )


async def save_resident(conn: Connection, r: Resident, contributions: Iterable[str]) -> None:
    await conn.execute(
        """INSERT INTO residents (nik, nama, kode_desa, status, status_since, on_roster,
                                  enrollment_id, field_outcome, milestones, contributions)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (nik) DO UPDATE SET
               nama = EXCLUDED.nama, kode_desa = EXCLUDED.kode_desa, status = EXCLUDED.status,
               status_since = EXCLUDED.status_since, on_roster = EXCLUDED.on_roster,
               enrollment_id = EXCLUDED.enrollment_id, field_outcome = EXCLUDED.field_outcome,
               milestones = EXCLUDED.milestones, contributions = EXCLUDED.contributions,
               updated_at = now()""",
        r.nik, r.nama, r.kode_desa, r.status, r.status_since, r.on_roster, r.enrollment_id,
        r.field_outcome, sorted(r.milestones), sorted(contributions),
    )


async def add_step(
    conn: Connection, nik: str, at: dt.datetime, kind: str, status: str, ce_id: str,
    detail: Mapping[str, Any],
) -> None:
    await conn.execute(
        """INSERT INTO resident_steps (nik, at, kind, status, ce_id, detail)
           VALUES ($1, $2, $3, $4, $5, $6)""",
        nik, at, kind, status, ce_id, dict(detail),
    )


async def resident_row(conn: Connection, nik: str) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        """SELECT nik, nama, kode_desa, status, status_since, on_roster, enrollment_id,
                  field_outcome, milestones FROM residents WHERE nik = $1""",
        nik,
    )
    return dict(row) if row else None


async def steps_of(
    conn: Connection, nik: str
) -> list[tuple[dt.datetime, str, str, dict[str, Any]]]:
    rows = await conn.fetch(
        "SELECT at, kind, status, detail FROM resident_steps WHERE nik = $1 ORDER BY at, id", nik
    )
    return [(r["at"], r["kind"], r["status"], r["detail"]) for r in rows]


async def stuck(
    conn: Connection, *, older_than: dt.datetime, status: str | None, limit: int, offset: int
) -> tuple[int, dict[str, int], list[dict[str, Any]]]:
    """Residents waiting since before ``older_than`` in a state somebody must act on."""
    where = """status NOT IN ('CARD_ISSUED', 'DUPLICATE_RECORD', 'PINDAH', 'MENINGGAL',
                              'TIDAK_DITEMUKAN') AND status_since < $1"""
    by_status = {
        r["status"]: int(r["n"])
        for r in await conn.fetch(
            f"SELECT status, count(*) AS n FROM residents WHERE {where} GROUP BY status",
            older_than,
        )
    }
    rows = await conn.fetch(
        f"""SELECT nik, nama, kode_desa, status, status_since FROM residents
             WHERE {where} AND ($2::text IS NULL OR status = $2)
             ORDER BY status_since, nik LIMIT $3 OFFSET $4""",
        older_than, status, limit, offset,
    )
    total = by_status.get(status, 0) if status else sum(by_status.values())
    return total, by_status, [dict(r) for r in rows]


# --- counters -----------------------------------------------------------------------------


async def bump_region(conn: Connection, kode_desa: str, deltas: Mapping[str, int]) -> None:
    changes = {m: d for m, d in deltas.items() if d}
    if not changes:
        return
    await conn.execute(
        """INSERT INTO region_counters (kode_desa, metric, n)
           SELECT $1, m, d FROM unnest($2::text[], $3::bigint[]) AS t(m, d)
           ON CONFLICT (kode_desa, metric) DO UPDATE SET n = region_counters.n + EXCLUDED.n""",
        kode_desa, list(changes), list(changes.values()),
    )


async def bump_daily(conn: Connection, day: dt.date, metric: str, n: int = 1) -> None:
    await conn.execute(
        """INSERT INTO daily_counters (day, metric, n) VALUES ($1, $2, $3)
           ON CONFLICT (day, metric) DO UPDATE SET n = daily_counters.n + EXCLUDED.n""",
        day, metric, n,
    )


async def region_rows(conn: Connection) -> list[tuple[str, str, int]]:
    rows = await conn.fetch("SELECT kode_desa, metric, n FROM region_counters WHERE n <> 0")
    return [(r["kode_desa"], r["metric"], int(r["n"])) for r in rows]


async def counters_from_residents(conn: Connection) -> list[tuple[str, str, int]]:
    """The counters recomputed from the residents themselves: for checks and rebuilds."""
    rows = await conn.fetch(
        """SELECT kode_desa, m AS metric, count(*) AS n
             FROM residents, unnest(contributions) AS m GROUP BY kode_desa, m"""
    )
    return [(r["kode_desa"], r["metric"], int(r["n"])) for r in rows]


async def rebuild_counters(conn: Connection) -> int:
    await conn.execute("DELETE FROM region_counters")
    status: str = await conn.execute(
        """INSERT INTO region_counters (kode_desa, metric, n)
           SELECT kode_desa, m, count(*) FROM residents, unnest(contributions) AS m
            GROUP BY kode_desa, m"""
    )
    return int(status.split()[-1])


async def daily_since(conn: Connection, since: dt.date) -> dict[str, dict[dt.date, int]]:
    out: dict[str, dict[dt.date, int]] = {}
    for r in await conn.fetch(
        "SELECT day, metric, n FROM daily_counters WHERE day >= $1 ORDER BY day", since
    ):
        out.setdefault(r["metric"], {})[r["day"]] = int(r["n"])
    return out


async def first_day(conn: Connection, metric: str) -> dt.date | None:
    day: dt.date | None = await conn.fetchval(
        "SELECT min(day) FROM daily_counters WHERE metric = $1", metric
    )
    return day


# --- blanks, printers, alerts -------------------------------------------------------------


async def blank_states(conn: Connection, serials: list[str]) -> dict[str, str]:
    rows = await conn.fetch(
        "SELECT serial, state FROM blanks WHERE serial = ANY($1::text[]) FOR UPDATE", serials
    )
    return {r["serial"]: r["state"] for r in rows}


async def set_blank_states(conn: Connection, new: Mapping[str, str]) -> None:
    if not new:
        return
    await conn.execute(
        """INSERT INTO blanks (serial, state)
           SELECT s, st FROM unnest($1::text[], $2::text[]) AS t(s, st)
           ON CONFLICT (serial) DO UPDATE SET state = EXCLUDED.state, updated_at = now()""",
        list(new), list(new.values()),
    )


async def bump_blanks(conn: Connection, deltas: Mapping[str, int]) -> None:
    changes = {s: d for s, d in deltas.items() if d}
    if not changes:
        return
    await conn.execute(
        """INSERT INTO blank_counters (state, n)
           SELECT s, d FROM unnest($1::text[], $2::bigint[]) AS t(s, d)
           ON CONFLICT (state) DO UPDATE SET n = blank_counters.n + EXCLUDED.n""",
        list(changes), list(changes.values()),
    )


async def blank_counts(conn: Connection) -> dict[str, int]:
    rows = await conn.fetch("SELECT state, n FROM blank_counters")
    return {r["state"]: int(r["n"]) for r in rows}


async def set_printer_status(
    conn: Connection, printer_id: str, status: str, reason: str, at: dt.datetime
) -> None:
    await conn.execute(
        """INSERT INTO printers (printer_id, status, reason, since) VALUES ($1, $2, $3, $4)
           ON CONFLICT (printer_id) DO UPDATE SET status = EXCLUDED.status,
               reason = EXCLUDED.reason,
               since = CASE WHEN printers.status = EXCLUDED.status THEN printers.since
                            ELSE EXCLUDED.since END""",
        printer_id, status, reason, at,
    )


async def count_print(conn: Connection, printer_id: str, at: dt.datetime, *, spoiled: bool) -> None:
    # A printer first heard of through a print is ONLINE (it just printed).
    column = "spoiled" if spoiled else "printed"
    await conn.execute(
        f"""INSERT INTO printers (printer_id, since, {column}) VALUES ($1, $2, 1)
            ON CONFLICT (printer_id) DO UPDATE SET {column} = printers.{column} + 1""",
        printer_id, at,
    )


async def printers(conn: Connection) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        "SELECT printer_id, status, reason, since, printed, spoiled FROM printers"
        " ORDER BY printer_id"
    )
    return [dict(r) for r in rows]


async def set_alert(
    conn: Connection, kind: str, at: dt.datetime, detail: Mapping[str, Any]
) -> None:
    await conn.execute(
        """INSERT INTO alerts (kind, at, detail) VALUES ($1, $2, $3)
           ON CONFLICT (kind) DO UPDATE SET at = EXCLUDED.at, detail = EXCLUDED.detail""",
        kind, at, dict(detail),
    )


async def alerts(conn: Connection) -> dict[str, dict[str, Any]]:
    """The last alert of each kind, with its age: it tells how things stood then, not now
    (nothing says when a shortfall is over)."""
    return {
        r["kind"]: {"at": r["at"], "age_seconds": max(0.0, r["age"]), **r["detail"]}
        for r in await conn.fetch(
            "SELECT kind, at, detail, extract(epoch FROM now() - at)::float8 AS age FROM alerts")
    }


async def touch_feed(conn: Connection, at: dt.datetime) -> None:
    await conn.execute(
        """UPDATE feed SET events = events + 1,
               last_event_at = GREATEST(coalesce(last_event_at, $1), $1) WHERE id = 1""",
        at,
    )


async def feed(conn: Connection) -> dict[str, Any]:
    row = await conn.fetchrow("SELECT last_event_at, events FROM feed WHERE id = 1")
    return dict(row) if row else {"last_event_at": None, "events": 0}
