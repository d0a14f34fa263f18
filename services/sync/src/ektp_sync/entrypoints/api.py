"""HTTP API of the sync service (port 8002): the link's status and the operator queue."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from ektp_shared import audit
from ektp_shared.app import create_app
from ektp_shared.audit_query import audit_router
from ektp_shared.auth import Principal
from ektp_shared.deps import IdempotencyKey, PoolDep
from ektp_shared.idempotency import claim, remember, request_fingerprint
from ektp_shared.logging import mask_nik
from ektp_shared.openapi import problems
from ektp_shared.problems import Problem

from ..adapters import repository as repo
from ..bootstrap import SyncWorkers, build_runtime
from ..config import Settings
from ..domain.submission import InvalidTransition, SubmissionState
from . import schemas
from .deps import AnyOfficeRole, Reader, Supervisor, Workers

router = APIRouter(tags=["sync"])

EnrollmentId = Annotated[str, Path(min_length=1, max_length=100)]


def _epoch(value: float | None) -> str | None:
    return None if value is None else dt.datetime.fromtimestamp(value, dt.UTC).isoformat()


@router.get("/sync/status", summary="Backlog by state, oldest item, the centre link",
            response_model=schemas.SyncStatus)
async def sync_status(_: AnyOfficeRole, pool: PoolDep, workers: Workers) -> dict[str, Any]:
    stored = await repo.status(pool)
    breaker = workers.breaker
    link = stored.pop("link")
    last_success = _epoch(breaker.last_success_at) or (
        link["last_success_at"].isoformat() if link.get("last_success_at") else None)
    return {
        **stored,
        "last_successful_contact": last_success,
        "circuit": {
            "state": breaker.state,
            "consecutive_failures": breaker.consecutive_failures,
            "outage_since": _epoch(breaker.outage_since),
            "next_probe_in_seconds": round(breaker.seconds_until_probe(), 1),
            "last_error": breaker.last_error,
        },
        "centre_url": workers.settings.central_url,
    }


class SubmissionOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "enrollment_id": "0b7f5d8e-3c1a-4f7e-9a55-2d6c1e4b8a90", "nik": "7174014508990002",
        "seq": 4211, "state": "FAILED", "attempts": 3,
        "failure_reason": "ENROLL_FAILURE: sidik jari tidak terbaca", "retryable": False,
        "duplicate_of": None, "last_error": None, "created_at": "2026-12-01T02:00:00Z",
        "submitted_at": "2026-12-01T02:00:05Z", "decided_at": "2026-12-01T09:30:00Z",
        "updated_at": "2026-12-01T09:30:00Z"}]})

    enrollment_id: str
    nik: str
    seq: int
    state: SubmissionState
    attempts: int
    failure_reason: str | None
    retryable: bool | None
    duplicate_of: str | None
    last_error: str | None
    created_at: dt.datetime
    submitted_at: dt.datetime | None
    decided_at: dt.datetime | None
    updated_at: dt.datetime


def _shown_to(principal: Principal, out: SubmissionOut) -> SubmissionOut:
    """Viewers see the queue's progress, not who is in it: every NIK masked (the one it
    duplicates and any in the centre's reasons too)."""
    if principal.role != "viewer":
        return out
    def masked(text: str | None) -> str | None:
        return None if text is None else mask_nik(text)
    return out.model_copy(update={
        "nik": mask_nik(out.nik), "duplicate_of": masked(out.duplicate_of),
        "failure_reason": masked(out.failure_reason), "last_error": masked(out.last_error),
    })


class SubmissionPage(BaseModel):
    items: list[SubmissionOut]
    next_after: int | None = Field(description="pass as ?after= for the next page")


@router.get("/submissions", summary="Submissions by state; ?state=FAILED is the operator queue")
async def list_submissions(
    principal: Reader,
    pool: PoolDep,
    state: SubmissionState | None = None,
    nik: Annotated[str | None, Query(pattern=r"^\d{16}$")] = None,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,  # a bigint cursor: larger was a 500
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> SubmissionPage:
    rows = await repo.list_submissions(pool, state, nik, after, limit)
    async with pool.acquire() as conn:
        # Listing shows NIKs: the lookup itself goes in the audit trail.
        await audit.record(conn, principal, "submissions.list", target=nik,
                           detail={"state": state, "after": after, "count": len(rows)})
    items = [_shown_to(principal, SubmissionOut(**dict(r))) for r in rows]
    return SubmissionPage(items=items, next_after=items[-1].seq if len(items) == limit else None)


@router.get("/submissions/{enrollment_id}", summary="One submission", responses=problems(404))
async def get_submission(principal: Reader, pool: PoolDep, enrollment_id: EnrollmentId
                         ) -> SubmissionOut:
    async with pool.acquire() as conn, conn.transaction():
        row = await repo.get_submission(conn, enrollment_id)
        if row is None:
            raise _not_found(enrollment_id)
        await audit.record(conn, principal, "submission.view", target=row["nik"],
                           detail={"enrollment_id": enrollment_id})
    return _shown_to(principal, SubmissionOut(**dict(row)))


class CancelIn(BaseModel):
    reason: str = Field(min_length=3, max_length=500,
                        description="why the supervisor closes it (for the audit trail)")


@router.post("/submissions/{enrollment_id}/retry",
             summary="Send a FAILED submission again (supervisor)",
             responses=problems(404, 409))
async def retry_submission(
    principal: Supervisor, pool: PoolDep, workers: Workers, enrollment_id: EnrollmentId,
    idempotency_key: IdempotencyKey = None,
) -> SubmissionOut:
    async def act(conn: Any) -> Any:
        return await workers.handlers.retry(conn, principal, enrollment_id)

    return await _command(pool, "submission.retry", enrollment_id, {}, idempotency_key, act)


@router.post("/submissions/{enrollment_id}/cancel",
             summary="Close a FAILED submission for good (supervisor)",
             responses=problems(404, 409))
async def cancel_submission(
    principal: Supervisor, pool: PoolDep, workers: Workers, enrollment_id: EnrollmentId,
    body: CancelIn, idempotency_key: IdempotencyKey = None,
) -> SubmissionOut:
    async def act(conn: Any) -> Any:
        return await workers.handlers.cancel(conn, principal, enrollment_id, body.reason)

    return await _command(pool, "submission.cancel", enrollment_id, body.model_dump(),
                          idempotency_key, act)


async def _command(pool: Any, scope: str, enrollment_id: str, payload: dict[str, Any],
                   key: str | None, act: Any) -> Any:
    async with pool.acquire() as conn, conn.transaction():
        if key is not None:
            stored = await claim(conn, scope, key,
                                 request_fingerprint({"id": enrollment_id, **payload}))
            if stored is not None:
                return SubmissionOut.model_validate(stored.body)
        try:
            sub = await act(conn)
        except InvalidTransition as exc:
            raise Problem(409, "Not in the operator queue", str(exc),
                          type="submission-state") from exc
        if sub is None:
            raise _not_found(enrollment_id)
        row = await repo.get_submission(conn, enrollment_id)
        out = SubmissionOut(**dict(row))  # type: ignore[arg-type]
        if key is not None:
            await remember(conn, scope, key, 200, out.model_dump(mode="json"))
    return out


@router.post("/sync/roster/pull", status_code=202,
             summary="Pull the roster from the centre now (supervisor)",
             response_model=schemas.PullRequested)
async def pull_roster(principal: Supervisor, pool: PoolDep, workers: Workers) -> dict[str, str]:
    async with pool.acquire() as conn:
        await audit.record(conn, principal, "roster.pull_requested")
        await repo.request_roster_pull(conn, workers.settings.roster_kabupaten)
    workers.roster_now.set()  # this instance may be the one that pulls
    return {"status": "requested"}


def _not_found(enrollment_id: str) -> Problem:
    return Problem(404, "Not found",
                   f"Tidak ada pengiriman dengan enrollment_id {enrollment_id!r}.",
                   type="not-found")


def build_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    workers = SyncWorkers(settings)

    async def check_print_room_key(app: FastAPI) -> None:
        workers.handlers.card_sealer.check()

    app = create_app(
        title="e-KTP sync service",
        description="Sends recordings to the national data centre and publishes its answers.",
        runtime=build_runtime(settings, workers), routers=[router, audit_router("sync")],
        on_started=[check_print_room_key],
    )
    app.state.sync = workers
    return app


__all__ = ["SyncWorkers", "build_app"]
