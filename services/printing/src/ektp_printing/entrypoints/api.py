"""The printing HTTP API: printers, print jobs, handover, Suket, the print-room view."""

from __future__ import annotations

import asyncio
import datetime as dt
import faulthandler
from collections.abc import Awaitable, Callable
from pathlib import Path as FsPath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Query
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ektp_shared import audit, idempotency
from ektp_shared.app import create_app
from ektp_shared.audit_query import audit_router
from ektp_shared.db import Connection, transaction
from ektp_shared.events import PrinterStatusName
from ektp_shared.logging import mask_nik
from ektp_shared.openapi import binary, links, problems
from ektp_shared.problems import Problem

from .. import handlers, views
from ..bootstrap import build
from ..config import Settings
from ..domain import suket as suket_rules
from ..domain.jobs import JobStatus
from . import schemas
from .deps import (
    AnyUser,
    HandlersDep,
    IdempotencyKey,
    Nik,
    PoolDep,
    PrintRoom,
    PrintRoomReader,
    SuketIssuer,
    Supervisor,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]

router = APIRouter()


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PrinterIn(_Body):
    name: Text
    model: Text
    driver: Literal["pdf", "cups", "simulated"]
    location: Text
    queue: Text | None = Field(default=None, description="CUPS queue (driver cups only)")
    status: PrinterStatusName = "ONLINE"
    reason: Reason = ""


class StatusIn(_Body):
    status: PrinterStatusName
    reason: Reason = Field(min_length=1, description="Why: breakdown, repair done, ...")


class CheckIn(_Body):
    outcome: Literal["PRINTED", "SPOILED"] = Field(
        description="PRINTED: the card came out good; SPOILED: the blank is ruined")
    reason: Literal["UNKNOWN_AFTER_CRASH", "DAMAGED", "ENCODE_FAIL", "PRINT_FAIL"] = (
        "UNKNOWN_AFTER_CRASH")
    note: Reason = ""


class HandoverIn(_Body):
    handed_to: Text = Field(description="Name of whoever took the card")
    relationship: Text | None = Field(
        default=None, description="Empty when the resident took it; else e.g. ISTRI, ANAK")


class SuketIn(_Body):
    nik: Annotated[str, StringConstraints(pattern=r"^\d{16}$")]
    nama: Text | None = Field(default=None, description="Needed only before print-ready")

    @model_validator(mode="after")
    def _strip(self) -> SuketIn:
        return self


async def _command(
    pool: Any, deps: handlers.Deps, scope: str, key: str | None, payload: Any,
    status_code: int, fn: Callable[[Connection], Awaitable[dict[str, Any]]],
) -> JSONResponse:
    async with transaction(pool) as conn:
        if key is not None:
            stored = await idempotency.claim(conn, scope, key,
                                             idempotency.request_fingerprint(payload))
            if stored is not None:
                return JSONResponse(stored.body, status_code=stored.status_code or status_code)
        body = await fn(conn)
        if key is not None:
            await idempotency.remember(conn, scope, key, status_code, body)
    deps.wake()
    return JSONResponse(body, status_code=status_code)


# --- printers ---------------------------------------------------------------------------


_PRINTER = {"printer_id": "$response.body#/id"}


@router.post("/printers", status_code=201, tags=["printers"], summary="Register a printer",
             response_model=schemas.PrinterRegistered, responses={**problems(409), **links(
                 201, GetPrinter=("GET", "/printers/{printer_id}", _PRINTER),
                 ChangePrinterStatus=("POST", "/printers/{printer_id}/status", _PRINTER))})
async def register_printer(body: PrinterIn, principal: Supervisor, pool: PoolDep,
                           deps: HandlersDep, key: IdempotencyKey = None) -> JSONResponse:
    if body.driver == "cups" and not body.queue:
        raise Problem(422, "Invalid request", "queue: a CUPS printer needs its CUPS queue name.",
                      type="validation-error", errors=[{"field": "queue",
                                                        "message": "required for driver cups"}])

    async def run(conn: Connection) -> dict[str, Any]:
        printer_id = await handlers.register_printer(
            deps, conn, principal, name=body.name, model=body.model, driver=body.driver,
            location=body.location, queue=body.queue, status=body.status, reason=body.reason)
        return {"id": printer_id, **body.model_dump()}

    return await _command(pool, deps, "printer.register", key, body.model_dump(), 201, run)


@router.get("/printers", tags=["printers"], summary="Printers with their record",
            response_model=list[schemas.Printer])
async def list_printers(_: PrintRoomReader, pool: PoolDep) -> list[dict[str, Any]]:
    async with pool.acquire() as conn:
        return await views.printers(conn)


@router.get("/printers/{printer_id}", tags=["printers"], response_model=schemas.PrinterDetail,
            responses=problems(404))
async def get_printer(printer_id: str, _: PrintRoomReader, pool: PoolDep) -> dict[str, Any]:
    async with pool.acquire() as conn:
        for p in await views.printers(conn):
            if p["id"] == printer_id:
                p["history"] = [
                    {**dict(h), "at": h["at"].isoformat()}
                    for h in await handlers.repo.history(conn, printer_id)
                ]
                return p
    raise Problem(404, "Not found", f"No printer {printer_id}.", type="printer-not-found")


@router.post("/printers/{printer_id}/status", tags=["printers"],
             summary="Change a printer's status; its queued jobs move if it leaves ONLINE",
             response_model=schemas.StatusChanged, responses={**problems(404, 409), **links(
                 200, GetPrinter=("GET", "/printers/{printer_id}", _PRINTER),
                 ChangePrinterStatus=("POST", "/printers/{printer_id}/status", _PRINTER))})
async def change_status(printer_id: str, body: StatusIn, principal: PrintRoom, pool: PoolDep,
                        deps: HandlersDep) -> dict[str, Any]:
    async with transaction(pool) as conn:
        moved = await handlers.change_printer_status(deps, conn, principal, printer_id,
                                                     body.status, body.reason)
    deps.wake()
    return {"id": printer_id, "status": body.status, "reason": body.reason,
            "jobs_moved": moved}


# --- print jobs -------------------------------------------------------------------------


@router.get("/print-jobs", tags=["print jobs"], response_model=list[schemas.PrintJob],
            response_model_exclude_unset=True)
async def list_jobs(
    principal: PrintRoomReader, pool: PoolDep,
    status: JobStatus | None = None,
    nik: Annotated[str | None, Query(pattern=r"^\d{16}$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,  # beyond bigint: was a 500
) -> list[dict[str, Any]]:
    async with transaction(pool) as conn:
        if nik is not None:
            await audit.record(conn, principal, "print_job.lookup", target=nik)
        found = await views.jobs(conn, status=status, nik=nik, limit=limit, offset=offset)
    return [views.shown_to(principal.role, j) for j in found]


@router.get("/print-jobs/{job_id}", tags=["print jobs"], response_model=schemas.PrintJobDetail,
            responses=problems(404))
async def get_job(job_id: str, principal: PrintRoomReader, pool: PoolDep) -> dict[str, Any]:
    async with transaction(pool) as conn:
        job = await views.job(conn, job_id)
        if job is None:
            raise Problem(404, "Not found", f"No print job {job_id}.", type="job-not-found")
        await audit.record(conn, principal, "print_job.lookup", target=job["nik"])
    return views.shown_to(principal.role, job)


@router.get("/print-jobs/{job_id}/preview", tags=["print jobs"], response_class=FileResponse,
            summary="The PNG preview of a card the PDF driver rendered",
            responses={**binary("image/png", description="The card preview"),
                       **problems(404)})
async def job_preview(job_id: str, principal: PrintRoom, pool: PoolDep) -> FileResponse:
    async with transaction(pool) as conn:
        row = await conn.fetchrow("SELECT nik, preview_path FROM print_jobs WHERE id = $1",
                                  job_id)
        if row is None or not row["preview_path"]:
            raise Problem(404, "Not found", f"Print job {job_id} has no card preview.",
                          type="preview-not-found")
        await audit.record(conn, principal, "print_job.preview", target=row["nik"])
    path = FsPath(row["preview_path"])
    if not await asyncio.to_thread(path.is_file):
        raise Problem(404, "Not found", "The preview file is no longer in the spool folder.",
                      type="preview-not-found")
    return FileResponse(path, media_type="image/png")


@router.post("/print-jobs/{job_id}/check", tags=["print jobs"],
             summary="Say how a NEEDS_CHECK card came out (after a power cut)",
             response_model=schemas.PrintJobDetail, responses=problems(404, 409))
async def check_job(job_id: str, body: CheckIn, principal: PrintRoom, pool: PoolDep,
                    deps: HandlersDep) -> dict[str, Any]:
    async with transaction(pool) as conn:
        await handlers.resolve_check(deps, conn, principal, job_id, body.outcome, body.reason,
                                     body.note)
        job = await views.job(conn, job_id)
    deps.wake()
    assert job is not None
    return job


@router.get("/print-room", tags=["print room"], summary="Queue, printers, blanks, today",
            response_model=schemas.PrintRoom)
async def print_room(_: PrintRoomReader, pool: PoolDep, deps: HandlersDep) -> dict[str, Any]:
    async with pool.acquire() as conn:
        return await views.print_room(conn, deps.today())


# --- handover ---------------------------------------------------------------------------


@router.get("/cards/ready", tags=["handover"], summary="Cards waiting for pickup, per desa",
            response_model=list[schemas.DesaPickup])
async def cards_ready(principal: PrintRoom, pool: PoolDep,
                      kode_desa: str | None = None) -> list[dict[str, Any]]:
    async with transaction(pool) as conn:
        await audit.record(conn, principal, "cards.ready.list", target=kode_desa)
        return await views.ready_for_pickup(conn, kode_desa)


@router.post("/cards/{nik}/handover", status_code=201, tags=["handover"],
             summary="Record who took the card", response_model=schemas.Handover,
             responses=problems(404, 409))
async def handover(nik: Nik, body: HandoverIn, principal: PrintRoom, pool: PoolDep,
                   deps: HandlersDep, key: IdempotencyKey = None) -> JSONResponse:
    async def run(conn: Connection) -> dict[str, Any]:
        return await handlers.handover(deps, conn, principal, nik, body.handed_to,
                                       body.relationship)

    async with audit.refusals_recorded(pool, principal, "card.lookup", nik):
        return await _command(pool, deps, "card.handover", key,
                              {"nik": nik, **body.model_dump()}, 201, run)


# --- Suket ------------------------------------------------------------------------------


@router.post("/suket", status_code=201, tags=["suket"], summary="Issue a Surat Keterangan",
             response_model=schemas.SuketIssued, responses=problems(409))
async def issue_suket(body: SuketIn, principal: SuketIssuer, pool: PoolDep, deps: HandlersDep,
                      key: IdempotencyKey = None) -> JSONResponse:
    async def run(conn: Connection) -> dict[str, Any]:
        return await handlers.issue_suket(deps, conn, principal, body.nik, body.nama)

    async with audit.refusals_recorded(pool, principal, "suket.lookup", body.nik):
        return await _command(pool, deps, "suket.issue", key, body.model_dump(), 201, run)


def _not_genuine(number: str) -> Problem:
    return Problem(404, "Suket not found",
                   f"No Surat Keterangan numbered {number!r} was issued here: it is not"
                   " genuine.", type="suket-not-found")


@router.get("/suket/verify/{number}", tags=["suket"],
            summary="Public check of a Suket (its QR code): no token, masked data only",
            response_model=schemas.SuketPublicCheck, responses=problems(404))
async def check_suket(number: Annotated[str, PathParam(max_length=60)], pool: PoolDep,
                      deps: HandlersDep) -> schemas.SuketPublicCheck:
    # Only a whole number (with its random check part) is looked up: the running number
    # alone, or a neighbour's, finds nothing.
    if not suket_rules.is_verifiable(number):
        raise _not_genuine(number)
    async with transaction(pool) as conn:
        row = await handlers.repo.suket_row(conn, number)
        if row is None:
            raise _not_genuine(number)
        await audit.record(conn, None, "suket.verify_public", target=row["nik"],
                           detail={"number": number})
    state = suket_rules.status(row["valid_until"], row["revoked_at"] is not None, deps.today())
    return schemas.SuketPublicCheck(
        number=number, nama=suket_rules.mask_name(row["nama"]), nik=mask_nik(row["nik"]),
        issued_on=row["issued_on"], valid_until=row["valid_until"],
        issuing_office=deps.settings.issuing_office, status=state, valid=state == "VALID",
    )


@router.get("/suket/{number}", tags=["suket"], summary="A Suket in full (office staff)",
            response_model=schemas.SuketCheck, responses=problems(404))
async def verify_suket(number: str, principal: AnyUser, pool: PoolDep,
                       deps: HandlersDep) -> dict[str, Any]:
    async with transaction(pool) as conn:
        row = await handlers.repo.suket_row(conn, number)
        if row is None:
            raise _not_genuine(number)
        await audit.record(conn, principal, "suket.verify", target=row["nik"],
                           detail={"number": number})
    state = suket_rules.status(row["valid_until"], row["revoked_at"] is not None, deps.today())
    nik = row["nik"] if principal.role != "viewer" else mask_nik(row["nik"])
    return {"number": number, "nik": nik, "nama": row["nama"],
            "issued_on": row["issued_on"].isoformat(),
            "valid_until": row["valid_until"].isoformat(),
            "revoked_at": row["revoked_at"].isoformat() if row["revoked_at"] else None,
            "revoked_reason": row["revoked_reason"],
            "status": state, "valid": state == "VALID"}


@router.get("/suket/{number}/pdf", tags=["suket"], response_class=FileResponse,
            summary="The Suket as PDF",
            responses={**binary("application/pdf", description="The Suket"),
                       **problems(404)})
async def suket_pdf(number: str, principal: SuketIssuer, pool: PoolDep) -> FileResponse:
    async with transaction(pool) as conn:
        row = await handlers.repo.suket_row(conn, number)
        if row is None:
            raise Problem(404, "Suket not found", f"No Surat Keterangan numbered {number!r}.",
                          type="suket-not-found")
        await audit.record(conn, principal, "suket.pdf", target=row["nik"])
    path = FsPath(row["pdf_path"])
    if not await asyncio.to_thread(path.is_file):
        raise Problem(404, "Not found", "The Suket PDF is no longer in the spool folder.",
                      type="suket-pdf-missing")
    return FileResponse(path, media_type="application/pdf", filename=f"{number}.pdf")


def build_app(settings: Settings | None = None) -> FastAPI:
    # A crash in native code (a renderer) then leaves a traceback of every thread on stderr,
    # in the service's log, instead of a process gone without a word.
    faulthandler.enable()
    settings = settings or Settings()
    runtime, deps, engine = build(settings)

    async def load_print_room_key(app: FastAPI) -> None:
        # Fail at start, not at the first card (whose event would go to the DLQ).
        deps.print_room_key()

    app = create_app(
        title="e-KTP printing (pencetakan)", runtime=runtime,
        routers=[router, audit_router("printing")],
        description="Print queue, printer fleet, card rendering, handover and Suket.",
        on_started=[load_print_room_key],
    )
    app.state.deps = deps
    app.state.engine = engine
    return app


__all__ = ["build_app", "dt"]
