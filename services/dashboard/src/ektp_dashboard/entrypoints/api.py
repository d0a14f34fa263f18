"""HTTP API of the dashboard (DESIGN.md section 6): the page, progress, timelines, stuck list."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import escape as html_escape
from importlib.resources import files
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from ektp_shared import audit
from ektp_shared.app import create_app
from ektp_shared.audit_query import audit_router
from ektp_shared.auth import Principal
from ektp_shared.db import transaction
from ektp_shared.nik import NikError, parse_nik
from ektp_shared.office import office_for
from ektp_shared.openapi import binary, problems
from ektp_shared.problems import Problem

from .. import province, views
from ..adapters.services import RemoteFigures
from ..bootstrap import build_runtime
from ..config import Settings
from ..domain.resident import STATUSES
from . import schemas
from .deps import Clerk, PoolDep, RemoteDep, SettingsDep, Viewer

router = APIRouter()
# The page's script and style are files of /static: no inline script or style runs here,
# and the page calls this service only (its API, with the token typed into the page).
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

StatusName = Literal[
    "BELUM_REKAM", "SUDAH_REKAM", "SENT_FOR_ENROLLMENT", "PRINT_READY_RECORD",
    "DUPLICATE_RECORD", "ENROLL_FAILURE", "SENT_FOR_CARD_PRINTING", "CARD_PRINTED",
    "CARD_ISSUED", "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN",
]
assert set(StatusName.__args__) == set(STATUSES)  # type: ignore[attr-defined]


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def page(settings: SettingsDep) -> HTMLResponse:
    # The page itself holds no data; every figure it shows comes from a call with a token.
    # In province mode the province's page: each kabupaten and the province (GET /province).
    name = "province.html" if settings.dashboard_mode == "province" else "index.html"
    html = files("ektp_dashboard.static").joinpath(name).read_text(encoding="utf-8")
    office = settings.office
    provinsi = office_for(settings.offices[0]).provinsi.nama if settings.offices else ""
    for mark, text in (("__REFRESH_SECONDS__", str(settings.page_refresh_seconds)),
                       ("__OFFICE_SHORT__", html_escape(office.short_name)),
                       ("__OFFICE_NAME__", html_escape(office.dinas)),
                       ("__PROVINCE_NAME__", html_escape(provinsi))):
        html = html.replace(mark, text)
    return HTMLResponse(html, headers={"Content-Security-Policy": PAGE_CSP,
                                       "X-Content-Type-Options": "nosniff",
                                       "Referrer-Policy": "no-referrer"})


def _office_only(settings: Settings) -> None:
    """The provincial dashboard holds no office's read model of its own: say where to look."""
    if settings.dashboard_mode == "province":
        raise Problem(404, "Dasbor provinsi",
                      "Ini dasbor provinsi: angka setiap kabupaten/kota ada di /province; "
                      "penduduk dicari di dasbor kantornya.", type="province-dashboard")


async def _live(request: Request, settings: Settings, remote: RemoteFigures,
                principal: Principal) -> dict[str, Any]:
    """What only the other services know, each one allowed to be down."""
    auth = request.headers.get("authorization")
    role = principal.role
    sync, stock, room = await asyncio.gather(
        remote.get(f"{settings.sync_url.rstrip('/')}/sync/status", auth, role),
        remote.get(f"{settings.inventory_url.rstrip('/')}/stock", auth, role),
        remote.get(f"{settings.printing_url.rstrip('/')}/print-room", auth, role),
    )
    return {"sync": sync, "stock_live": stock, "print_room": room}


@router.get("/progress", tags=["progress"],
            summary="Progress for the kabupaten and each kecamatan and desa, with the forecast",
            response_model=schemas.Progress, responses=problems(404))
async def get_progress(
    request: Request, principal: Viewer, pool: PoolDep, settings: SettingsDep,
    remote: RemoteDep, extra_blanks: Annotated[int | None, Query(
        ge=0, le=10_000_000,
        description="Forecast with this many more blanks (default: exactly the shortfall)",
    )] = None,
    live: Annotated[bool, Query(
        description="Also ask sync, inventory and printing for their own figures")] = True,
) -> Any:
    _office_only(settings)
    today = views.office_today(settings)
    async with pool.acquire() as conn, conn.transaction(isolation="repeatable_read",
                                                        readonly=True):
        # One snapshot: the counters, blanks and printers of the same instant.
        body = await views.progress_figures(conn, settings, today=today,
                                            extra_blanks=extra_blanks)
    body["generated_at"] = dt.datetime.now(dt.UTC)
    body["today"] = today
    if live:
        body.update(await _live(request, settings, remote, principal))
    return _json(body)


@router.get("/province", tags=["progress"],
            summary="The provincial dashboard: each kabupaten with its forecast, and the province",
            response_model=schemas.Province, responses=problems(404))
async def get_province(_: Viewer, pool: PoolDep, settings: SettingsDep) -> Any:
    if settings.dashboard_mode != "province":
        raise Problem(404, "Bukan dasbor provinsi",
                      "Dasbor ini milik satu kantor: angka kantornya ada di /progress. Dasbor "
                      "provinsi berjalan dengan EKTP_DASHBOARD_MODE=province.",
                      type="not-a-province-dashboard")
    async with pool.acquire() as conn, conn.transaction(isolation="repeatable_read",
                                                        readonly=True):
        # One snapshot over every kabupaten's read model.
        body = await province.figures(conn, settings)
    body["generated_at"] = dt.datetime.now(dt.UTC)
    return _json(body)


def _iso(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _json(body: dict[str, Any]) -> Response:
    # json.dumps with a date hook: several times faster than jsonable_encoder on the ~100
    # regions of /progress, which is most of that call's time.
    return Response(json.dumps(body, default=_iso, ensure_ascii=False),
                    media_type="application/json")


def _checked_nik(nik: str) -> str:
    try:
        parse_nik(nik)
    except NikError as exc:
        raise Problem(422, "NIK tidak valid", exc.message, type="validation-error",
                      field="nik", errors=[{"field": "nik", "message": exc.message}]) from None
    return nik


@router.get("/residents/{nik}", tags=["residents"],
            summary="One resident's timeline across every service (audited lookup)",
            response_model=schemas.Timeline, responses=problems(404))
async def get_resident(
    who: Clerk, pool: PoolDep, settings: SettingsDep,
    nik: Annotated[str, Path(description="16-digit NIK")],
) -> Any:
    _office_only(settings)
    nik = _checked_nik(nik.strip())
    async with transaction(pool) as conn:
        # A NIK lookup is itself personal data processing: audited even when nothing is found.
        body = await views.resident_timeline(conn, settings, nik, now=dt.datetime.now(dt.UTC))
        await audit.record(conn, who, "resident.lookup", target=nik,
                           detail={"found": body is not None})
    if body is None:
        raise Problem(404, "NIK belum tercatat",
                      f"NIK {nik} belum ada di dasbor: belum masuk daftar wajib KTP, belum "
                      "direkam, atau datanya belum sampai. Periksa lagi angkanya.",
                      type="resident-not-found", field="nik")
    return jsonable_encoder(body)


@router.get("/stuck", tags=["residents"],
            summary="Residents in one state for longer than a threshold (audited)",
            response_model=schemas.StuckList, responses=problems(404))
async def get_stuck(
    who: Clerk, pool: PoolDep, settings: SettingsDep,
    older_than_hours: Annotated[float | None, Query(
        gt=0, le=24 * 366, description="Default: the service's stuck_after_hours")] = None,
    status: StatusName | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Any:
    _office_only(settings)
    hours = older_than_hours or settings.stuck_after_hours
    async with transaction(pool) as conn:
        body = await views.stuck_list(conn, now=dt.datetime.now(dt.UTC), older_than_hours=hours,
                                      status=status, limit=limit, offset=offset)
        await audit.record(conn, who, "resident.stuck_list", target=None,
                           detail={"older_than_hours": hours, "status": status,
                                   "shown": len(body["items"])})
    return jsonable_encoder(body)


REPORT_COLUMNS = ("tingkat", "kode", "nama", "target", "recorded", "sent", "print_ready",
                  "duplicate", "failed", "printed", "issued", "suket", "lacking")


@router.get("/reports/progress.csv", tags=["progress"], response_class=Response,
            summary="Progress per kecamatan and desa as CSV (for the monthly report)",
            responses={**binary("text/csv", description="One row per region"),
                       **problems(404)})
async def progress_csv(_: Viewer, pool: PoolDep, settings: SettingsDep) -> Response:
    _office_only(settings)
    today = views.office_today(settings)
    async with pool.acquire() as conn:
        body = await views.progress_figures(conn, settings, today=today)
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(REPORT_COLUMNS)
    w.writerow(["kabupaten", *(body["kabupaten"].get(c, "") for c in REPORT_COLUMNS[1:])])
    for kec in body["kecamatan"]:
        w.writerow(["kecamatan", *(kec.get(c, "") for c in REPORT_COLUMNS[1:])])
        for desa in kec["desa"]:
            w.writerow(["desa", *(desa.get(c, "") for c in REPORT_COLUMNS[1:])])
    name = f"progres-ektp-{today.isoformat()}.csv"
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def build_app(settings: Settings | None = None, *, workers: bool = True) -> FastAPI:
    settings = settings or Settings()
    app = create_app(
        title="e-KTP dashboard",
        description="Progress, resident timelines and the forecast of the office's e-KTP work.",
        runtime=build_runtime(settings),
        routers=[router, audit_router("dashboard")],
        workers=workers,
    )
    app.mount("/static", StaticFiles(directory=str(files("ektp_dashboard") / "static")),
              name="static")
    remote = RemoteFigures(timeout=settings.remote_timeout_seconds,
                           cache_seconds=settings.remote_cache_seconds)
    app.state.remote = remote
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a: FastAPI) -> AsyncIterator[None]:
        async with inner(a):
            try:
                yield
            finally:
                await remote.close()

    app.router.lifespan_context = lifespan
    return app
