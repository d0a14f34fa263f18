"""The audit trail: who, with which role, did what to which record, and in which request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from .auth import Principal
from .db import Connection
from .logging import mask_nik, request_id_var
from .problems import Problem


async def record(
    conn: Connection,
    principal: Principal | None,
    action: str,
    target: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Write one audit row in the caller's transaction (so it exists iff the change does).

    The target is kept whole (the auditor must find a NIK's history); the detail is for
    context and must never carry biometrics.
    """
    await conn.execute(
        """INSERT INTO audit_log (actor, role, action, target, request_id, detail)
           VALUES ($1, $2, $3, $4, $5, $6)""",
        principal.user if principal else "system",
        principal.role if principal else "system",
        action,
        target,
        request_id_var.get(),
        detail or {},
    )


@asynccontextmanager
async def refusals_recorded(
    pool: asyncpg.Pool,
    principal: Principal,
    action: str,
    target: str | None,
    detail: dict[str, Any] | None = None,
) -> AsyncIterator[None]:
    """Audit a lookup even when it is refused: a :class:`Problem` raised inside rolls back
    the lookup's own audit row with everything else, so the refusal gets a row of its own,
    committed in a transaction of its own, before the problem goes to the client."""
    try:
        yield
    except Problem as exc:
        async with pool.acquire() as conn:
            await record(conn, principal, action, target, {
                **(detail or {}), "refused": exc.status, "problem": exc.type,
            })
        raise


def describe(target: str | None) -> str:
    """For log lines about an audit entry: the target with any NIK masked."""
    return mask_nik(target or "")
