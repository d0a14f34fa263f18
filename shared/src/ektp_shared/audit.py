"""The audit trail: who, with which role, did what to which record, and in which request."""

from __future__ import annotations

from typing import Any

from .auth import Principal
from .db import Connection
from .logging import mask_nik, request_id_var


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


def describe(target: str | None) -> str:
    """For log lines about an audit entry: the target with any NIK masked."""
    return mask_nik(target or "")
