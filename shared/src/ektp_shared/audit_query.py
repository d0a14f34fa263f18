"""``GET /audit``: each service answers the supervisor's audit search over its own table.

Written once here and mounted by every service with an audit table (DESIGN.md section 6),
so the web app can merge the answers without reading another service's database. The
search is itself a lookup of who did what to whom, so it writes an audit row of its own.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import asyncpg
from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from . import audit
from .auth import Principal, require_role
from .problems import Problem

Supervisor = Annotated[Principal, Depends(require_role("supervisor"))]
# A sane window: outside it a timestamp is a typing mistake (and beyond PostgreSQL's range).
EARLIEST, LATEST = dt.datetime(1970, 1, 1, tzinfo=dt.UTC), dt.datetime(2200, 1, 1, tzinfo=dt.UTC)


class AuditEntry(BaseModel):
    id: int
    at: dt.datetime
    actor: str = Field(description="the username (or `system`)")
    role: str
    action: str
    target: str | None = Field(description="the record acted on: a NIK, an id, a username")
    request_id: str | None
    detail: dict[str, Any]


class AuditPage(BaseModel):
    service: str = Field(description="the service whose table this is")
    items: list[AuditEntry] = Field(description="newest first")
    next_before: int | None = Field(description="pass as ?before= for the next (older) page")


def _moment(value: dt.datetime | None, field: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        moment = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        moment = moment.astimezone(dt.UTC)
    except (OverflowError, ValueError):
        moment = None
    if moment is None or not EARLIEST <= moment < LATEST:
        raise Problem(422, "Waktu di luar jangkauan",
                      f"{field} harus antara 1970 dan 2200.", type="validation", field=field)
    return moment


def audit_router(service: str) -> APIRouter:
    """The ``GET /audit`` route for ``service`` (its name goes in every answer)."""
    router = APIRouter(tags=["audit"])

    @router.get("/audit", summary="Search this service's audit trail (supervisor), newest first")
    async def search_audit(
        principal: Supervisor,
        request: Request,
        target: Annotated[str | None, Query(
            min_length=1, max_length=200,
            description="the record: a NIK, an enrollment id, a username; "
                        "also matches a `nik` in the row's detail")] = None,
        actor: Annotated[str | None, Query(min_length=1, max_length=100,
                                           description="who did it (username)")] = None,
        since: Annotated[dt.datetime | None, Query(description="from this moment on")] = None,
        until: Annotated[dt.datetime | None, Query(description="before this moment")] = None,
        before: Annotated[int | None, Query(ge=1, le=2**62,
                                            description="rows older than this id")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> AuditPage:
        start, end = _moment(since, "since"), _moment(until, "until")
        pool: asyncpg.Pool = request.app.state.pool
        rows = await pool.fetch(
            """SELECT id, at, actor, role, action, target, request_id, detail FROM audit_log
               WHERE ($1::text IS NULL OR target = $1 OR detail->>'nik' = $1)
                 AND ($2::text IS NULL OR actor = $2)
                 AND ($3::timestamptz IS NULL OR at >= $3)
                 AND ($4::timestamptz IS NULL OR at < $4)
                 AND ($5::bigint IS NULL OR id < $5)
               ORDER BY id DESC LIMIT $6""",
            target, actor, start, end, before, limit,
        )
        async with pool.acquire() as conn:
            await audit.record(conn, principal, "audit.search", target=target, detail={
                "actor": actor, "since": start.isoformat() if start else None,
                "until": end.isoformat() if end else None, "before": before,
                "count": len(rows)})
        items = [AuditEntry(**dict(r)) for r in rows]
        return AuditPage(service=service, items=items,
                         next_before=items[-1].id if len(items) == limit else None)

    return router
