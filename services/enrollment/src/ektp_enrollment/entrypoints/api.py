"""The enrollment HTTP API: recordings, kit imports, roster, field checks."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from ektp_shared import idempotency
from ektp_shared.app import create_app
from ektp_shared.audit_query import audit_router
from ektp_shared.db import Connection, transaction
from ektp_shared.events import FieldCheckOutcome
from ektp_shared.limits import KIT_FILE_BYTES, ROSTER_CSV_BYTES, describe_bytes
from ektp_shared.logging import mask_nik
from ektp_shared.openapi import file_body, links, problems
from ektp_shared.problems import Problem, problem_response
from ektp_shared.sealed_packet import load_public_key

from .. import fieldwork, handlers
from ..adapters import repository as repo
from ..bootstrap import build_runtime
from ..config import Settings
from ..domain import roster as rosterdom
from ..domain import status as st
from ..domain import village
from ..domain.errors import Refused
from ..domain.recording import RecordingRequest, redact_warning
from . import schemas
from .deps import CentreKey, IdempotencyKey, Operator, PoolDep, Reader, SettingsDep, Supervisor

_STATUS_CODES = {"invalid": 422, "forbidden": 403, "conflict": 409, "not_found": 404}
_TITLES = {"invalid": "Data tidak lengkap atau salah", "forbidden": "Tidak diizinkan",
           "conflict": "Bentrok dengan data yang ada", "not_found": "Tidak ditemukan"}

StatusName = Literal[
    "MENUNGGU_VERIFIKASI", "DITOLAK_VERIFIKASI", "SUDAH_REKAM", "SENT_FOR_ENROLLMENT",
    "PRINT_READY_RECORD", "DUPLICATE_RECORD", "ENROLL_FAILURE",
]
assert set(StatusName.__args__) == set(st.STATUSES)  # type: ignore[attr-defined]
RosterStatus = Literal["BELUM_REKAM", "SUDAH_REKAM", "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN"]
# bounded: an unbounded page overflows the OFFSET (bigint) and answered 500
Page = Annotated[int, Query(ge=1, le=100_000, description="page number, from 1")]
PerPage = Annotated[int, Query(ge=1, le=500, description="rows per page")]


def refused_to_problem(exc: Refused) -> Problem:
    status = _STATUS_CODES.get(exc.kind, 422)
    problem = Problem(
        status, exc.title or _TITLES.get(exc.kind, "Permintaan ditolak"), exc.detail,
        type="validation-error" if status == 422 else exc.kind,
        errors=[{"field": e.field, "message": e.message} for e in exc.errors],
    )
    problem.extensions.update({k: v for k, v in exc.extra.items() if v is not None})
    return problem


async def _idempotent(
    conn: Connection, scope: str, key: str | None, fingerprint: str,
    work: Callable[[], Awaitable[Any]], status_code: int = 201,
) -> JSONResponse:
    """Same key, same answer: the key row and the effect commit together."""
    if key is not None:
        stored = await idempotency.claim(conn, scope, key, fingerprint)
        if stored is not None:
            return JSONResponse(stored.body, status_code=stored.status_code,
                                headers={"Idempotent-Replayed": "true"})
    body = await work()
    if key is not None:
        await idempotency.remember(conn, scope, key, status_code, body)
    return JSONResponse(handlers.jsonable([body])[0], status_code=status_code)


async def _read_body(request: Request, limit: int, what: str) -> bytes:
    """The raw body, refused with 413 past ``limit`` (the route's cap in ektp_shared.limits,
    which the request gate already enforces before the body is read)."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Problem(413, "Berkas terlalu besar",
                          f"{what} lebih dari {describe_bytes(limit)}; bagi menjadi beberapa "
                          "berkas", type="payload-too-large", limit_bytes=limit)
        chunks.append(chunk)
    if not size:
        raise Problem(422, "Berkas kosong", f"{what} kosong", type="validation-error",
                      errors=[{"field": "body", "message": "kosong"}])
    return b"".join(chunks)


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode() if isinstance(p, str) else p)
        h.update(b"\0")
    return h.hexdigest()


def _desa_or_none(value: str | None, field_name: str = "desa") -> str | None:
    return handlers.check_desa(value, field_name) if value else None


# --- enrollments ------------------------------------------------------------------------

enrollments = APIRouter(prefix="/enrollments", tags=["enrollments"])
_BY_ID = {"enrollment_id": "$response.body#/enrollment_id"}


@enrollments.post("", status_code=201, summary="Record a resident (perekaman)",
                  response_model=schemas.Recorded, responses={**problems(409), **links(
                      201, GetEnrollment=("GET", "/enrollments/{enrollment_id}", _BY_ID),
                      ReviewEnrollment=("POST", "/enrollments/{enrollment_id}/review",
                                        _BY_ID))})
async def create_enrollment(
    body: RecordingRequest, principal: Operator, pool: PoolDep, settings: SettingsDep,
    centre_key: CentreKey, idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async with transaction(pool) as conn:
        return await _idempotent(
            conn, "enrollment.create", idempotency_key,
            idempotency.request_fingerprint(body.model_dump(mode="json")),
            lambda: handlers.record_enrollment(conn, settings, centre_key, principal, body),
        )


@enrollments.post("/check", summary="Check a recording without saving it (its warnings)",
                  response_model=schemas.Checked, responses=problems(409))
async def check_enrollment(
    body: RecordingRequest, principal: Operator, pool: PoolDep,
) -> dict[str, Any]:
    async with transaction(pool) as conn:
        return await handlers.check_enrollment(conn, principal, body)


@enrollments.post(
    "/import", summary="Import a mobile kit's signed file", response_model=schemas.KitImport,
    responses=problems(413),
    openapi_extra=file_body("application/x-ndjson"),
)
async def import_kit(
    request: Request, principal: Operator, pool: PoolDep, settings: SettingsDep,
    centre_key: CentreKey, idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    raw = await _read_body(request, KIT_FILE_BYTES, "berkas kit")
    async with transaction(pool) as conn:
        return await _idempotent(
            conn, "enrollment.import", idempotency_key, _digest(raw),
            lambda: fieldwork.import_kit(conn, settings, centre_key, principal, raw),
            status_code=200,
        )


@enrollments.get("", summary="Recordings by status and desa (or by NIK, audited)",
                 response_model=schemas.EnrollmentPage,
                 # viewers get no `nama` at all, not a null one
                 response_model_exclude_unset=True)
async def list_enrollments(
    principal: Reader, pool: PoolDep,
    status: StatusName | None = None,
    desa: str | None = None,
    nik: Annotated[str | None, Query(description="lookup by NIK: operators only, audited")] = None,
    page: Page = 1, per_page: PerPage = 50,
) -> dict[str, Any]:
    kode_desa = _desa_or_none(desa)
    full = principal.role != "viewer"
    if nik is not None and not full:
        raise Problem(403, "Forbidden", "Pencarian menurut NIK hanya untuk operator dan "
                      "supervisor.", type="forbidden")
    async with transaction(pool) as conn:
        total, rows = await repo.list_enrollments(
            conn, status=status, desa=kode_desa, nik=nik, limit=per_page,
            offset=(page - 1) * per_page,
        )
        if nik is not None:
            await handlers.audit.record(conn, principal, "enrollment.lookup_nik", target=nik,
                                        detail={"found": total})
    items = [handlers.public_view(r) for r in rows]
    if not full:  # viewers see progress, not who: no NIK, name, birth date, age or sex
        for item in items:
            item["nik"] = mask_nik(item["nik"])
            item.pop("nama")
            item["warnings"] = [redact_warning(w) for w in item["warnings"] or []]
            item["overrides"] = {k: "***" for k in item["overrides"] or {}}
            for text in ("duplicate_of", "last_failure"):
                if isinstance(item.get(text), str):
                    item[text] = mask_nik(item[text])
    return {"total": total, "page": page, "per_page": per_page,
            "items": handlers.jsonable(items)}


@enrollments.get("/{enrollment_id}", summary="One recording, its state and history (audited)",
                 response_model=schemas.EnrollmentDetail, responses=problems(404))
async def get_enrollment(enrollment_id: str, principal: Operator, pool: PoolDep) -> Any:
    async with transaction(pool) as conn:
        view = await handlers.view_enrollment(conn, principal, enrollment_id)
    return handlers.jsonable([view])[0]


class Review(BaseModel):
    model_config = ConfigDict(extra="forbid")
    approve: bool
    note: str = Field(default="", max_length=500)


@enrollments.post("/{enrollment_id}/review",
                  summary="Supervisor review: release to the centre or refuse",
                  response_model=schemas.EnrollmentSummary, responses=problems(404, 409))
async def review(
    enrollment_id: str, body: Review, principal: Supervisor, pool: PoolDep,
    settings: SettingsDep,
) -> Any:
    async with transaction(pool) as conn:
        view = await handlers.review_enrollment(conn, settings, principal, enrollment_id,
                                                body.approve, body.note)
    return handlers.jsonable([view])[0]


# --- kits ---------------------------------------------------------------------------------

kits = APIRouter(prefix="/kits", tags=["kits"])


KIT_ID = {"min_length": 1, "max_length": 60, "pattern": r"^[A-Za-z0-9._-]+$"}
KitId = Annotated[str, Path(**KIT_ID)]


class KitRegistration(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    kit_id: str = Field(**KIT_ID)  # type: ignore[call-overload]
    public_key: str = Field(description="base64 of the kit's Ed25519 verify key")
    label: str = Field(default="", max_length=200)


@kits.post("", status_code=201, summary="Register a mobile kit (a tablet's device key)",
           response_model=schemas.Kit, responses={**problems(409), 200: {
               "model": schemas.Kit, "description": "This kit and key were registered before"}})
async def register_kit(
    body: KitRegistration, principal: Operator, pool: PoolDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async with transaction(pool) as conn:
        answer = await _idempotent(
            conn, "kit.register", idempotency_key,
            idempotency.request_fingerprint(body.model_dump()),
            lambda: fieldwork.register_kit(conn, principal, body.kit_id, body.public_key,
                                           body.label),
        )
    if json.loads(bytes(answer.body)).get("already_registered"):
        answer.status_code = 200  # the same kit and key again: a device's retry
    return answer


class KitRecords(BaseModel):
    model_config = ConfigDict(extra="forbid")
    records: list[dict[str, Any]] = Field(
        min_length=1, max_length=village.MAX_RECORDS,
        description="records as the device keeps them: record_id, kind (field_check or "
        "recording), recorded_at, operator, data (a field check's nik/outcome/note, or the "
        "body of POST /enrollments) and signature (base64 Ed25519 over the record without "
        "`signature` as JSON with sorted keys and no spaces)",
    )


@kits.post("/{kit_id}/records", summary="The village sync: a kit's records, each taken once",
           response_model=schemas.KitSync, responses=problems(404, 413))
async def sync_records(
    kit_id: KitId, body: KitRecords, principal: Operator, pool: PoolDep,
    settings: SettingsDep, centre_key: CentreKey,
) -> dict[str, Any]:
    # No idempotency key: each record is idempotent by (kit, record_id) however it comes.
    async with transaction(pool) as conn:
        return await fieldwork.sync_kit_records(conn, settings, centre_key, principal, kit_id,
                                                body.records)


# --- roster -------------------------------------------------------------------------------

roster = APIRouter(prefix="/roster", tags=["roster"])


@roster.post(
    "/import", summary="Import the ministry's roster CSV (bad rows reported by line)",
    response_model=schemas.RosterImport, responses=problems(413),
    openapi_extra=file_body("text/csv"),
)
async def import_roster(
    request: Request, principal: Operator, pool: PoolDep, settings: SettingsDep,
    line_offset: Annotated[int, Query(ge=0, le=100_000_000,
                                      description="lines before this chunk")] = 0,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    raw = await _read_body(request, ROSTER_CSV_BYTES, "berkas CSV")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # spreadsheets saved on Windows
    async with transaction(pool) as conn:
        return await _idempotent(
            conn, "roster.import", idempotency_key, _digest(raw, str(line_offset)),
            lambda: handlers.import_roster(conn, principal, text, line_offset=line_offset),
            status_code=200,
        )


@roster.get("", summary="The roster, filtered by kecamatan, desa, status, NIK and name, "
            "paged (a search by NIK or name is audited)", response_model=schemas.RosterPage)
async def list_roster(
    principal: Operator, pool: PoolDep,
    kecamatan: str | None = None, desa: str | None = None, status: RosterStatus | None = None,
    nik: Annotated[str | None, Query(max_length=32, description="exact NIK")] = None,
    nama: Annotated[str | None, Query(max_length=120,
                                      description="part of the name, any case")] = None,
    page: Page = 1, per_page: PerPage = 50,
) -> dict[str, Any]:
    nik = (nik or "").strip() or None
    nama = (nama or "").strip() or None
    async with transaction(pool) as conn:
        total, rows = await repo.list_roster(
            conn, kecamatan=_kecamatan_or_none(kecamatan), desa=_desa_or_none(desa),
            status=status, born_after=None, born_upto=None, limit=per_page,
            offset=(page - 1) * per_page, nik=nik, nama=nama,
        )
        if nik is not None or nama is not None:  # looking a resident up: in the audit trail
            await handlers.audit.record(conn, principal, "roster.search", target=nik,
                                        detail={"nama": nama, "found": total})
    return {"total": total, "page": page, "per_page": per_page, "items": handlers.jsonable(rows)}


def _kecamatan_or_none(value: str | None) -> str | None:
    if not value:
        return None
    from ektp_shared.office import current as current_office

    office = current_office()
    kode = value.strip()
    if "." not in kode and len(kode) == 6:
        kode = f"{kode[:2]}.{kode[2:4]}.{kode[4:]}"
    if kode not in office.kecamatan:
        message = f"bukan kecamatan di {office.nama}"
        raise Problem(422, "Invalid request", f"kecamatan: {value} {message}",
                      type="validation-error",
                      errors=[{"field": "kecamatan", "message": message}])
    return kode


@roster.get("/pemula", summary="First-timers: under 17 today, 17 by the given date",
            response_model=schemas.PemulaPage)
async def pemula(
    principal: Operator, pool: PoolDep,
    by: Annotated[dt.date, Query(description="e.g. election day")],
    kecamatan: str | None = None, desa: str | None = None,
    page: Page = 1, per_page: PerPage = 50,
) -> dict[str, Any]:
    today = handlers.office_today()
    if by < today:
        raise Problem(422, "Invalid request", "by: tanggal sudah lewat", type="validation-error",
                      errors=[{"field": "by", "message": "tanggal sudah lewat"}])
    born_after, born_upto = rosterdom.pemula_birth_range(today, by)
    async with pool.acquire() as conn:
        total, rows = await repo.list_roster(
            conn, kecamatan=_kecamatan_or_none(kecamatan), desa=_desa_or_none(desa),
            status="BELUM_REKAM", born_after=born_after, born_upto=born_upto,
            limit=per_page, offset=(page - 1) * per_page,
        )
    return {"by": by.isoformat(), "total": total, "page": page, "per_page": per_page,
            "items": handlers.jsonable(rows)}


# --- field checks -------------------------------------------------------------------------

field_checks = APIRouter(prefix="/field-checks", tags=["field checks"])


class FieldCheck(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    nik: str = Field(pattern=r"^\d{16}$", description="16 digit NIK from the roster")
    outcome: FieldCheckOutcome
    note: str = Field(default="", max_length=500)


class Visit(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    kode_desa: str
    tanggal: dt.date
    officer: str = Field(min_length=1, max_length=100)
    note: str = Field(default="", max_length=500)


@field_checks.post("", status_code=201, summary="Record a field check of a roster resident",
                   response_model=schemas.FieldChecked, responses=problems(404))
async def create_field_check(
    body: FieldCheck, principal: Operator, pool: PoolDep, settings: SettingsDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async with transaction(pool) as conn:
        return await _idempotent(
            conn, "field_check.create", idempotency_key,
            idempotency.request_fingerprint(body.model_dump()),
            lambda: fieldwork.record_field_check(conn, settings, principal, body.nik,
                                                body.outcome, body.note),
        )


@field_checks.post("/visits", status_code=201, summary="Schedule a visit to a desa",
                   response_model=schemas.VisitOut, responses=problems(409))
async def create_visit(
    body: Visit, principal: Supervisor, pool: PoolDep, idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async with transaction(pool) as conn:
        return await _idempotent(
            conn, "visit.schedule", idempotency_key,
            idempotency.request_fingerprint(body.model_dump(mode="json")),
            lambda: handlers.schedule_visit(conn, principal, body.kode_desa, body.tanggal,
                                            body.officer, body.note),
        )


@field_checks.get("/visits", summary="The visit schedule",
                  response_model=list[schemas.VisitOut])
async def list_visits(
    principal: Operator, pool: PoolDep, desa: str | None = None,
    from_date: Annotated[dt.date | None, Query(alias="from")] = None,
) -> list[dict[str, Any]]:
    async with pool.acquire() as conn:
        rows = await repo.visits(conn, desa=_desa_or_none(desa), from_date=from_date)
    return handlers.jsonable(rows)


@field_checks.get("/worklist", summary="A desa's worklist: residents still to find or record",
                  response_model=schemas.Worklist)
async def worklist(
    principal: Operator, pool: PoolDep, desa: str, page: Page = 1, per_page: PerPage = 200,
) -> dict[str, Any]:
    kode_desa = handlers.check_desa(desa, "desa")
    async with pool.acquire() as conn:
        total, rows = await repo.list_roster(
            conn, kecamatan=None, desa=kode_desa, status="BELUM_REKAM", born_after=None,
            born_upto=None, limit=per_page, offset=(page - 1) * per_page,
        )
        visits = await repo.visits(conn, desa=kode_desa, from_date=handlers.office_today())
    return {"kode_desa": kode_desa, "total": total, "page": page, "per_page": per_page,
            "visits": handlers.jsonable(visits), "items": handlers.jsonable(rows)}


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    decision: str = Field(min_length=1, max_length=40,
                          description="one of the conflict's `details.choices`")
    reason: str = Field(min_length=1, max_length=500)


@field_checks.get("/conflicts", summary="Conflicts of the field work, for the supervisor",
                  response_model=schemas.ConflictPage)
async def list_conflicts(
    principal: Supervisor, pool: PoolDep,
    status: Literal["OPEN", "DECIDED"] | None = None, page: Page = 1, per_page: PerPage = 100,
) -> dict[str, Any]:
    async with transaction(pool) as conn:
        return await fieldwork.list_conflicts(conn, principal, status, page, per_page)


@field_checks.post("/conflicts/{conflict_id}/decision", summary="Decide a conflict",
                   response_model=schemas.Conflict, responses=problems(404, 409))
async def decide_conflict(
    conflict_id: Annotated[int, Path(ge=1, le=2**62)], body: Decision, principal: Supervisor,
    pool: PoolDep, settings: SettingsDep,
) -> dict[str, Any]:
    async with transaction(pool) as conn:
        return await fieldwork.decide_conflict(conn, settings, principal, conflict_id,
                                               body.decision, body.reason)


# --- app ----------------------------------------------------------------------------------


def build_app(settings: Settings | None = None, *, workers: bool = True) -> FastAPI:
    settings = settings or Settings()

    async def load_centre_key(app: FastAPI) -> None:
        # Fail at start, not at the first recording, when the centre's key is missing.
        if not settings.centre_public_key_file.is_file():
            raise RuntimeError(
                f"no centre public key at {settings.centre_public_key_file}; run `ektp keys init`"
            )
        app.state.centre_key = load_public_key(settings.centre_public_key_file)

    app = create_app(
        title="e-KTP enrollment (perekaman)", runtime=build_runtime(settings),
        routers=[enrollments, kits, roster, field_checks, audit_router("enrollment")],
        on_started=[load_centre_key],
        workers=workers,
        description="Recordings with sealed biometrics, mobile kit imports, the wajib KTP "
        "roster and field checks.",
    )

    @app.exception_handler(Refused)
    async def _refused(request: Request, exc: Refused) -> JSONResponse:
        return problem_response(refused_to_problem(exc), request)

    return app
