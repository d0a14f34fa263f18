"""HTTP API of the blank store (DESIGN.md section 6: inventory resources)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

import asyncpg
from fastapi import APIRouter, FastAPI, File, Form, Path, Query, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from ektp_shared import audit, idempotency
from ektp_shared.app import create_app
from ektp_shared.audit_query import audit_router
from ektp_shared.db import Connection, transaction
from ektp_shared.limits import UID_FILE_BYTES
from ektp_shared.openapi import binary, links, problems
from ektp_shared.problems import Problem

from .. import handlers
from ..adapters import documents
from ..adapters import repository as repo
from ..bootstrap import build_runtime
from ..config import Settings
from ..domain import projection
from ..domain.serials import SerialError, SerialRange, collect, normalize, parse_uid_file
from . import schemas
from .deps import IdempotencyKey, PoolDep, Reader, SettingsDep, Storekeeper, Supervisor

router = APIRouter()
MAX_REPORT_DAYS = 1100
MAX_UPLOAD_BYTES = UID_FILE_BYTES  # the request as a whole is capped by the request gate


def serials_of(body: schemas.SerialList | schemas.StockCountIn, settings: Settings,
               *, allow_empty: bool = False) -> list[str]:
    try:
        return collect(
            body.serials or [], [SerialRange(r.first, r.last) for r in body.ranges],
            limit=settings.max_serials_per_request, allow_empty=allow_empty,
        )
    except SerialError as exc:
        raise Problem(422, "Invalid serials", str(exc), type="validation-error",
                      field="serials") from None


async def created(
    pool: asyncpg.Pool, scope: str, key: str | None, fingerprint_of: Any,
    action: Callable[[Connection], Awaitable[dict[str, Any]]], status: int = 201,
) -> JSONResponse:
    """Run a create command in one transaction; with an Idempotency-Key, a retry gets the
    first answer back instead of a second effect."""
    async with transaction(pool) as conn:
        if key is not None:
            fp = idempotency.request_fingerprint(fingerprint_of)
            stored = await idempotency.claim(conn, scope, key, fp)
            if stored is not None:
                return JSONResponse(stored.body, status_code=stored.status_code or status,
                                    headers={"Idempotent-Replayed": "true"})
        body = jsonable_encoder(await action(conn))
        if key is not None:
            await idempotency.remember(conn, scope, key, status, body)
    return JSONResponse(body, status_code=status)


# --- receipts ---------------------------------------------------------------------------


def _check_quantity(stated: int | None, serials: list[str]) -> None:
    if stated is not None and stated != len(serials):
        raise Problem(422, "Quantity does not match the serials",
                      f"the letter states {stated} blanks but {len(serials)} serials were "
                      "given; count the boxes again.", type="validation-error", field="quantity")


# what a receipt made: its blanks (first and last serial) and the receipt itself
RECEIPT_LINKS = links(
    201, GetFirstBlank=("GET", "/blanks/{serial}", {"serial": "$response.body#/first_serial"}),
    GetLastBlank=("GET", "/blanks/{serial}", {"serial": "$response.body#/last_serial"}),
    GetReceipt=("GET", "/receipts/{batch_reference}",
                {"batch_reference": "$response.body#/batch_reference"}))


@router.post("/receipts", status_code=201, tags=["receipts"], response_model=schemas.ReceiptOut,
             responses={**problems(409), **RECEIPT_LINKS},
             summary="Record a shipment of blanks from the ministry (serials or ranges)")
async def post_receipt(
    body: schemas.ReceiptIn, who: Storekeeper, pool: PoolDep, settings: SettingsDep,
    key: IdempotencyKey = None,
) -> JSONResponse:
    serials = serials_of(body, settings)
    _check_quantity(body.quantity, serials)
    reference = body.batch_reference or body.letter_number

    async def act(conn: Connection) -> dict[str, Any]:
        return await handlers.receive(
            conn, settings, who, batch_reference=reference, letter_number=body.letter_number,
            letter_date=body.letter_date, serials=serials, note=body.note)

    return await created(pool, "receipts", key, body.model_dump(mode="json"), act)


@router.post("/receipts/upload", status_code=201, tags=["receipts"],
             response_model=schemas.ReceiptOut, responses={**problems(409, 413),
                                                           **RECEIPT_LINKS},
             summary="Record a shipment from a file of chip UIDs (one per line, or CSV)")
async def upload_receipt(
    who: Storekeeper, pool: PoolDep, settings: SettingsDep,
    file: Annotated[UploadFile, File(description="one chip UID per line")],
    letter_number: Annotated[schemas.OneLine, Form(min_length=1, max_length=100)],
    letter_date: Annotated[dt.date, Form()],
    batch_reference: Annotated[schemas.OneLine | None, Form(min_length=1, max_length=100)] = None,
    quantity: Annotated[int | None, Form(ge=1, le=1_000_000)] = None,
    key: IdempotencyKey = None,
) -> JSONResponse:
    raw = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(raw) > MAX_UPLOAD_BYTES:
        raise Problem(413, "File too large", "the UID file is over 8 MB; split the shipment.",
                      type="validation-error", field="file")
    try:
        text = raw.decode("utf-8-sig")
        serials = collect(parse_uid_file(text), [], limit=settings.max_serials_per_request)
    except UnicodeDecodeError:
        raise Problem(422, "Invalid file", "the UID file is not UTF-8 text.",
                      type="validation-error", field="file") from None
    except SerialError as exc:
        raise Problem(422, "Invalid file", str(exc), type="validation-error",
                      field="file") from None
    _check_quantity(quantity, serials)
    reference = batch_reference or letter_number

    async def act(conn: Connection) -> dict[str, Any]:
        return await handlers.receive(
            conn, settings, who, batch_reference=reference, letter_number=letter_number,
            letter_date=letter_date, serials=serials)

    fingerprint = {"letter_number": letter_number, "letter_date": str(letter_date),
                   "batch_reference": reference, "serials": serials}
    return await created(pool, "receipts", key, fingerprint, act)


# `:path`: a batch reference is by default the letter number, whose slashes (470/123/2026)
# arrive percent-encoded and would otherwise miss the route (an unreadable receipt)
@router.get("/receipts/{batch_reference:path}", tags=["receipts"], responses=problems(404))
async def get_receipt(batch_reference: str, who: Reader, pool: PoolDep) -> schemas.Receipt:
    row = await pool.fetchrow("SELECT * FROM receipts WHERE batch_reference = $1",
                              batch_reference)
    if row is None:
        raise Problem(404, "Not found", f"no receipt {batch_reference!r}.", type="not-found")
    return schemas.Receipt.model_validate(dict(row))


# --- issues and returns -------------------------------------------------------------------


@router.post("/issues", status_code=201, tags=["issues"], response_model=schemas.IssueOut,
             responses=problems(409),
             summary="Hand blanks from the store to the print room")
async def post_issue(
    body: schemas.IssueIn, who: Storekeeper, pool: PoolDep, settings: SettingsDep,
    key: IdempotencyKey = None,
) -> JSONResponse:
    serials = serials_of(body, settings) if body.quantity is None else None

    async def act(conn: Connection) -> dict[str, Any]:
        return await handlers.issue(conn, settings, who, reference=body.reference,
                                    serials=serials, quantity=body.quantity)

    return await created(pool, "issues", key, body.model_dump(mode="json"), act)


@router.post("/returns", status_code=201, tags=["returns"], response_model=schemas.ReturnOut,
             responses=problems(409),
             summary="Blanks back from the print room to the store, or from the store to the "
                     "ministry")
async def post_return(
    body: schemas.ReturnIn, who: Storekeeper, pool: PoolDep, settings: SettingsDep,
    key: IdempotencyKey = None,
) -> JSONResponse:
    serials = serials_of(body, settings)

    async def act(conn: Connection) -> dict[str, Any]:
        return await handlers.return_blanks(
            conn, settings, who, returned_from=body.returned_from,
            returned_to=body.returned_to, serials=serials, reference=body.reference,
            letter_number=body.letter_number, reason=body.reason)

    return await created(pool, "returns", key, body.model_dump(mode="json"), act)


# --- destructions -----------------------------------------------------------------------


@router.post("/destructions", status_code=201, tags=["destructions"],
             response_model=schemas.DestructionOut, responses=problems(409),
             summary="Destroy spoiled blanks before witnesses (berita acara pemusnahan)")
async def post_destruction(
    body: schemas.DestructionIn, who: Storekeeper, pool: PoolDep, settings: SettingsDep,
    key: IdempotencyKey = None,
) -> JSONResponse:
    serials = serials_of(body, settings)

    async def act(conn: Connection) -> dict[str, Any]:
        return await handlers.destroy(
            conn, settings, who, reference=body.reference, destroyed_on=body.destroyed_on,
            place=body.place, method=body.method,
            witnesses=[w.model_dump() for w in body.witnesses], serials=serials)

    return await created(pool, "destructions", key, body.model_dump(mode="json"), act)


async def _destruction(pool: asyncpg.Pool, reference: str) -> dict[str, Any]:
    row = await pool.fetchrow("SELECT * FROM destructions WHERE reference = $1", reference)
    if row is None:
        raise Problem(404, "Not found", f"no destruction {reference!r}.", type="not-found")
    return dict(row)


@router.get("/destructions/{reference:path}/berita-acara.pdf", tags=["destructions"],
            response_class=Response, summary="The berita acara pemusnahan as PDF",
            responses={**binary("application/pdf"), **problems(404)})
async def get_berita_acara(
    reference: str, who: Reader, pool: PoolDep, settings: SettingsDep
) -> Response:
    pdf = documents.berita_acara_pdf(settings.office_name, await _destruction(pool, reference))
    # the reference is the clerk's: only safe characters go into the header's file name
    name = re.sub(r"[^A-Za-z0-9._-]", "_", reference)
    return Response(pdf, media_type="application/pdf", headers={
        "Content-Disposition": f'inline; filename="berita-acara-{name}.pdf"'})


# after the berita acara: a reference may hold slashes (`:path`, as for receipts), and this
# route would take ".../berita-acara.pdf" for a reference
@router.get("/destructions/{reference:path}", tags=["destructions"], responses=problems(404))
async def get_destruction(reference: str, who: Reader, pool: PoolDep) -> schemas.Destruction:
    return schemas.Destruction.model_validate(await _destruction(pool, reference))


# --- stock counts ---------------------------------------------------------------------------


@router.post("/stock-counts", status_code=201, tags=["stock-counts"],
             response_model=schemas.StockCountOut,
             summary="Record a stock count (stock opname) and get its discrepancy report")
async def post_stock_count(
    body: schemas.StockCountIn, who: Storekeeper, pool: PoolDep, settings: SettingsDep,
    key: IdempotencyKey = None,
) -> JSONResponse:
    serials = serials_of(body, settings, allow_empty=True) if body.quantity is None else None

    async def act(conn: Connection) -> dict[str, Any]:
        return await handlers.count_stock(conn, who, location=body.location, serials=serials,
                                          quantity=body.quantity)

    return await created(pool, "stock-counts", key, body.model_dump(mode="json"), act)


@router.get("/stock-counts", tags=["stock-counts"],
            summary="Stock counts, newest first; ?status=PENDING_APPROVAL is the approvals list")
async def list_stock_counts(
    who: Reader, pool: PoolDep, status: schemas.CountStatus | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[schemas.StockCount]:
    rows = await pool.fetch(
        """SELECT id, location, by_serial, quantity, discrepancy, status, counted_by,
                  counted_at, decided_by, decided_at, decision_note
           FROM stock_counts WHERE ($1::text IS NULL OR status = $1)
           ORDER BY id DESC LIMIT $2""", status, limit)
    return [schemas.StockCount.model_validate(dict(r)) for r in rows]


@router.get("/stock-counts/{count_id}", tags=["stock-counts"], responses=problems(404))
async def get_stock_count(
    count_id: Annotated[int, Path(ge=1, le=2**62)], who: Reader, pool: PoolDep
) -> schemas.StockCount:
    row = await pool.fetchrow(
        """SELECT id, location, by_serial, quantity, discrepancy, status, counted_by,
                  counted_at, decided_by, decided_at, decision_note
           FROM stock_counts WHERE id = $1""", count_id)
    if row is None:
        raise Problem(404, "Not found", f"no stock count {count_id}.", type="not-found")
    return schemas.StockCount.model_validate(dict(row))


@router.post("/stock-counts/{count_id}/approve", tags=["stock-counts"],
             response_model=schemas.DecisionOut, responses=problems(404, 409),
             summary="Supervisor: approve the count; missing serials become ADJUSTED")
async def approve_stock_count(
    count_id: Annotated[int, Path(ge=1, le=2**62)], body: schemas.DecisionIn, who: Supervisor,
    pool: PoolDep, settings: SettingsDep, key: IdempotencyKey = None,
) -> JSONResponse:
    async def act(conn: Connection) -> dict[str, Any]:
        return await handlers.decide_count(conn, settings, who, count_id, approve=True,
                                           note=body.note)

    return await created(pool, "stock-count-decisions", key,
                         {"id": count_id, **body.model_dump()}, act, status=200)


@router.post("/stock-counts/{count_id}/reject", tags=["stock-counts"],
             response_model=schemas.DecisionOut, responses=problems(404, 409),
             summary="Supervisor: reject the count (count again); nothing is adjusted")
async def reject_stock_count(
    count_id: Annotated[int, Path(ge=1, le=2**62)], body: schemas.DecisionIn, who: Supervisor,
    pool: PoolDep, settings: SettingsDep,
) -> dict[str, Any]:
    async with transaction(pool) as conn:
        return await handlers.decide_count(conn, settings, who, count_id, approve=False,
                                           note=body.note)


# --- stock, blanks, exceptions --------------------------------------------------------------


@router.get("/stock", tags=["stock"], summary="Blanks by state and by location",
            response_model=schemas.Stock)
async def get_stock(who: Reader, pool: PoolDep) -> dict[str, Any]:
    async with transaction(pool) as conn:
        # One snapshot: counts and the received total must come from the same instant.
        await conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return await handlers.stock(conn)


def _projection_body(p: projection.Projection, settings: Settings) -> dict[str, Any]:
    return {
        "in_store": p.in_store, "in_print_room": p.in_print_room,
        "backlog_awaiting_print": p.backlog_awaiting_print,
        "print_rate_per_day": p.print_rate_per_day, "days_of_stock": p.days_of_stock,
        "projected_shortfall": p.projected_shortfall, "threshold": settings.low_stock_threshold,
        "below_threshold": p.below_threshold, "low": p.low,
        "requested": projection.letter_quantity(p.projected_shortfall),
    }


@router.get("/stock/projection", tags=["stock"],
            summary="Days of stock at the print rate, and the shortfall against the backlog",
            response_model=schemas.ProjectionOut)
async def get_projection(who: Reader, pool: PoolDep, settings: SettingsDep) -> dict[str, Any]:
    async with pool.acquire() as conn:
        return _projection_body(await handlers.current_projection(conn, settings), settings)


@router.get("/stock/request-letter", tags=["stock"], response_model=None,
            responses=binary("text/plain", "application/pdf", description="The letter"),
            summary="A draft letter asking the ministry for the shortfall (text or PDF)")
async def get_request_letter(
    who: Reader, pool: PoolDep, settings: SettingsDep,
    format: Literal["text", "pdf"] = "text",
) -> Response:
    async with pool.acquire() as conn:
        body = _projection_body(await handlers.current_projection(conn, settings), settings)
    today = dt.datetime.now(ZoneInfo(settings.office_timezone)).date()
    text = documents.request_letter_text(settings.office_name, settings.office_place, today,
                                         body)
    if format == "pdf":
        return Response(documents.request_letter_pdf(text), media_type="application/pdf")
    return PlainTextResponse(text)


@router.get("/blanks/{serial}", tags=["stock"], summary="One blank and its whole history",
            response_model=schemas.Blank, responses=problems(404))
async def get_blank(serial: str, who: Reader, pool: PoolDep) -> dict[str, Any]:
    try:
        serial = normalize(serial)
    except SerialError as exc:
        raise Problem(422, "Invalid serial", str(exc), type="validation-error",
                      field="serial") from None
    async with transaction(pool) as conn:
        found = await repo.blank(conn, serial)
        if found is None:
            raise Problem(404, "Not found",
                          f"blank {serial} is not in the ledger: never received here.",
                          type="not-found")
        found["history"] = await repo.history(conn, serial)
        # The history names the resident whose card used the blank: a lookup to audit.
        await audit.record(conn, who, "inventory.blank.view", target=serial)
    return found


@router.get("/exceptions", tags=["exceptions"],
            summary="Events the ledger could not apply, for the storekeeper to sort out",
            response_model=schemas.ExceptionPage)
async def get_exceptions(
    who: Reader, pool: PoolDep,
    open_only: Annotated[bool, Query(alias="open")] = True,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    async with pool.acquire() as conn:
        items = await repo.list_exceptions(conn, open_only=open_only, limit=limit, offset=offset)
    return {"items": items, "count": len(items)}


@router.post("/exceptions/{exception_id}/resolve", tags=["exceptions"],
             summary="Close an exception with what was found and done",
             response_model=schemas.ResolvedException, responses=problems(404))
async def resolve_exception(
    exception_id: Annotated[int, Path(ge=1, le=2**62)], body: schemas.ResolutionIn,
    who: Storekeeper, pool: PoolDep,
) -> dict[str, Any]:
    async with transaction(pool) as conn:
        row = await repo.resolve_exception(conn, exception_id, who.user, body.resolution)
        if row is None:
            raise Problem(404, "Not found", f"no open exception {exception_id}.",
                          type="not-found")
        await audit.record(conn, who, "inventory.exception.resolve",
                           target=f"exception/{exception_id}",
                           detail={"serial": row["serial"], "resolution": body.resolution})
    return row


# --- reports ----------------------------------------------------------------------------


@router.get("/reports/reconciliation", tags=["reports"],
            response_model=schemas.Reconciliation,
            responses=binary("text/csv", "application/pdf", description="The report"),
            summary="Opening, received, issued, used, spoiled, destroyed, returned, closing, "
                    "per day (JSON, CSV or PDF)")
async def get_reconciliation(
    who: Reader, pool: PoolDep, settings: SettingsDep,
    start: Annotated[dt.date, Query(alias="from")],
    end: Annotated[dt.date, Query(alias="to")],
    format: Literal["json", "csv", "pdf"] = "json",
) -> Response | dict[str, Any]:
    if end < start:
        raise Problem(422, "Invalid period", "'to' is before 'from'.", type="validation-error",
                      field="to")
    if start.year < 2000 or end.year > 2100:
        raise Problem(422, "Invalid period", "the report covers dates from 2000 to 2100.",
                      type="validation-error", field="from" if start.year < 2000 else "to")
    if (end - start).days + 1 > MAX_REPORT_DAYS:
        raise Problem(422, "Period too long", f"at most {MAX_REPORT_DAYS} days per report.",
                      type="validation-error", field="to")
    async with transaction(pool) as conn:
        await conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        report = await handlers.reconciliation_report(conn, settings, start, end)
    name = f"rekonsiliasi-blangko-{start}-{end}"
    if format == "csv":
        return Response(documents.reconciliation_csv(report), media_type="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    if format == "pdf":
        return Response(documents.reconciliation_pdf(settings.office_name, report),
                        media_type="application/pdf",
                        headers={"Content-Disposition": f'inline; filename="{name}.pdf"'})
    return report


def build_app(settings: Settings | None = None, *, workers: bool = True) -> FastAPI:
    settings = settings or Settings()
    runtime, watch = build_runtime(settings)
    app = create_app(
        title="e-KTP inventory (blangko)",
        description="The blank-card ledger of the office, serial by serial.",
        runtime=runtime, routers=[router, audit_router("inventory")], workers=workers,
    )
    app.state.stock_watch = watch
    return app
