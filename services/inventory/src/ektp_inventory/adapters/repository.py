"""SQL for the ledger: set-based, so a shipment of thousands is a handful of statements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ektp_shared.db import Connection

from ..domain.ledger import STATES, Kind, Plan, State


async def states_of(
    conn: Connection, serials: Sequence[str], *, lock: bool = True
) -> dict[str, State]:
    """The state of each named serial that exists; locked (in serial order, so two
    transactions never wait on each other crosswise) when ``lock``."""
    rows = await conn.fetch(
        "SELECT serial, state FROM blanks WHERE serial = ANY($1::text[]) ORDER BY serial"
        + (" FOR UPDATE" if lock else ""),
        list(serials),
    )
    return {r["serial"]: State(r["state"]) for r in rows}


async def insert_received(
    conn: Connection, serials: Sequence[str], batch_reference: str, actor: str
) -> int:
    """Add new serials IN_STORE with their RECEIVED movement; returns how many were new
    (a concurrent receipt of the same serial makes it fewer than asked)."""
    inserted = await conn.fetch(
        """INSERT INTO blanks (serial, state, batch_reference)
           SELECT s, 'IN_STORE', $2 FROM unnest($1::text[]) AS s
           ON CONFLICT (serial) DO NOTHING RETURNING serial""",
        list(serials), batch_reference,
    )
    new = [r["serial"] for r in inserted]
    await conn.execute(
        """INSERT INTO movements (serial, kind, from_state, to_state, reference, actor)
           SELECT s, 'RECEIVED', NULL, 'IN_STORE', $2, $3 FROM unnest($1::text[]) AS s""",
        new, batch_reference, actor,
    )
    return len(new)


async def apply_plan(
    conn: Connection, plan: Plan, reference: str, actor: str,
    detail: dict[str, Any] | None = None,
) -> int:
    """Move the plan's serials (already locked by :func:`states_of`) and record movements."""
    if not plan.moves:
        return 0
    serials = [s for s, _ in plan.moves]
    sources = [str(f) if f is not None else None for _, f in plan.moves]
    await conn.execute(
        """UPDATE blanks SET state = $2, updated_at = now()
           WHERE serial = ANY($1::text[])""",
        serials, str(plan.target),
    )
    await conn.execute(
        """INSERT INTO movements (serial, kind, from_state, to_state, reference, actor, detail)
           SELECT s, $3, f, $4, $5, $6, $7 FROM unnest($1::text[], $2::text[]) AS u(s, f)""",
        serials, sources, str(plan.kind), str(plan.target), reference, actor, detail,
    )
    return len(serials)


async def pick_in_store(conn: Connection, n: int) -> list[str]:
    """The lowest ``n`` serials in store, locked: first in, first out by serial."""
    if n <= 0:
        return []
    rows = await conn.fetch(
        """SELECT serial FROM blanks WHERE state = 'IN_STORE'
           ORDER BY serial LIMIT $1 FOR UPDATE SKIP LOCKED""",
        n,
    )
    return [r["serial"] for r in rows]


async def count_by_state(conn: Connection) -> dict[State, int]:
    rows = await conn.fetch("SELECT state, count(*) AS n FROM blanks GROUP BY state")
    counts = {s: 0 for s in STATES}
    for r in rows:
        counts[State(r["state"])] = int(r["n"])
    return counts


async def count_in_state(conn: Connection, state: State) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM blanks WHERE state = $1", str(state)))


async def received_total(conn: Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM movements WHERE kind = 'RECEIVED'"))


async def serials_in(conn: Connection, states: Sequence[State]) -> list[str]:
    rows = await conn.fetch(
        "SELECT serial FROM blanks WHERE state = ANY($1::text[]) ORDER BY serial",
        [str(s) for s in states],
    )
    return [r["serial"] for r in rows]


async def count_in(conn: Connection, states: Sequence[State]) -> int:
    return int(await conn.fetchval(
        "SELECT count(*) FROM blanks WHERE state = ANY($1::text[])", [str(s) for s in states]
    ))


async def blank(conn: Connection, serial: str) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        "SELECT serial, state, batch_reference, received_at, updated_at FROM blanks"
        " WHERE serial = $1",
        serial,
    )
    return dict(row) if row else None


async def history(conn: Connection, serial: str) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """SELECT kind, from_state, to_state, reference, actor, at, detail
           FROM movements WHERE serial = $1 ORDER BY id""",
        serial,
    )
    return [dict(r) for r in rows]


# --- reconciliation --------------------------------------------------------------------

CUSTODY_SQL = """
    SELECT coalesce(sum(CASE kind
        WHEN 'RECEIVED' THEN 1 WHEN 'FOUND' THEN 1
        WHEN 'USED' THEN -1 WHEN 'DESTROYED' THEN -1 WHEN 'RETURNED_TO_MINISTRY' THEN -1
        WHEN 'ADJUSTED' THEN -1 ELSE 0 END), 0)
    FROM movements WHERE at < $1
"""


async def custody_before(conn: Connection, instant: dt.datetime) -> int:
    return int(await conn.fetchval(CUSTODY_SQL, instant))


async def movements_per_day(
    conn: Connection, start: dt.datetime, end: dt.datetime, tz: str
) -> dict[dt.date, dict[Kind, int]]:
    rows = await conn.fetch(
        """SELECT (at AT TIME ZONE $3)::date AS day, kind, count(*) AS n
           FROM movements WHERE at >= $1 AND at < $2 GROUP BY 1, 2""",
        start, end, tz,
    )
    out: dict[dt.date, dict[Kind, int]] = {}
    for r in rows:
        out.setdefault(r["day"], {})[Kind(r["kind"])] = int(r["n"])
    return out


async def used_since(conn: Connection, since: dt.datetime) -> int:
    return int(await conn.fetchval(
        "SELECT count(*) FROM movements WHERE kind = 'USED' AND at >= $1", since
    ))


# --- exceptions ---------------------------------------------------------------------------


async def add_exception(
    conn: Connection, *, ce_id: str, ce_type: str, serial: str, state: State | None,
    reason: str, detail: dict[str, Any],
) -> None:
    await conn.execute(
        """INSERT INTO ledger_exceptions (ce_id, ce_type, serial, state_found, reason, detail)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ce_id, serial) DO NOTHING""",
        ce_id, ce_type, serial, str(state) if state else None, reason, detail,
    )


async def list_exceptions(
    conn: Connection, *, open_only: bool, limit: int, offset: int
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """SELECT id, ce_id, ce_type, serial, state_found, reason, detail, at,
                  resolved_at, resolved_by, resolution
           FROM ledger_exceptions WHERE ($1 = false OR resolved_at IS NULL)
           ORDER BY id LIMIT $2 OFFSET $3""",
        open_only, limit, offset,
    )
    return [dict(r) for r in rows]


async def resolve_exception(
    conn: Connection, exception_id: int, by: str, resolution: str
) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        """UPDATE ledger_exceptions SET resolved_at = now(), resolved_by = $2, resolution = $3
           WHERE id = $1 AND resolved_at IS NULL RETURNING id, serial, reason, resolution""",
        exception_id, by, resolution,
    )
    return dict(row) if row else None


# --- print backlog --------------------------------------------------------------------------


async def backlog_ready(conn: Connection, nik: str, at: dt.datetime) -> None:
    await conn.execute(
        """INSERT INTO print_backlog (nik, ready_at) VALUES ($1, $2)
           ON CONFLICT (nik) DO UPDATE SET ready_at = coalesce(print_backlog.ready_at, $2)""",
        nik, at,
    )


async def backlog_printed(conn: Connection, nik: str, at: dt.datetime) -> None:
    # A card_printed may arrive before its print_ready (two topics): remember it anyway.
    await conn.execute(
        """INSERT INTO print_backlog (nik, printed_at) VALUES ($1, $2)
           ON CONFLICT (nik) DO UPDATE SET printed_at = coalesce(print_backlog.printed_at, $2)""",
        nik, at,
    )


async def backlog_waiting(conn: Connection) -> int:
    return int(await conn.fetchval(
        "SELECT count(*) FROM print_backlog WHERE ready_at IS NOT NULL AND printed_at IS NULL"
    ))


async def last_alert(conn: Connection) -> tuple[bool, int, int] | None:
    """(low, in_store, shortfall) of the last alert state recorded, if any."""
    row = await conn.fetchrow(
        "SELECT low, in_store, shortfall FROM stock_alerts ORDER BY id DESC LIMIT 1"
    )
    return (bool(row["low"]), int(row["in_store"]), int(row["shortfall"])) if row else None


async def record_alert(
    conn: Connection, *, low: bool, in_store: int, shortfall: int, detail: dict[str, Any]
) -> None:
    await conn.execute(
        "INSERT INTO stock_alerts (low, in_store, shortfall, detail) VALUES ($1, $2, $3, $4)",
        low, in_store, shortfall, detail,
    )
