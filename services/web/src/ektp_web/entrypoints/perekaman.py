"""The recording counter's screens (perekaman, role operator; supervisors and admins too):
the roster search, the recording form, the result and its way to the centre, a desa's
field-check worklist and the mobile kit's file. Enrollment (and sync, for the centre) judge
and keep everything; the pages send what the clerk typed and chose with the clerk's own
token, and show the services' problems beside the fields."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from ektp_shared.answers import Refused
from ektp_shared.limits import PHOTO_BYTES
from ektp_shared.logging import mask_nik
from ektp_shared.office import current as current_office
from ektp_shared.wilayah import kecamatan_of_desa

from .. import recording as calls
from ..adapters.services import ServiceDown
from ..adapters.sessions import WebSession
from ..domain import device_capture
from ..domain import recording_form as rf
from ..domain.menus import ALWAYS_ALLOWED
from . import pages
from .api import _csrf_refused, _down, _same
from .deps import Operator, SettingsDep

router = APIRouter(prefix="/perekaman", include_in_schema=False)
FileLike = UploadFile
PER_PAGE = 20
OUTCOME_NAMES = {"DITEMUKAN": "Ditemukan", "PINDAH": "Pindah", "MENINGGAL": "Meninggal",
                 "TIDAK_DITEMUKAN": "Tidak ditemukan"}
ROSTER_STATUS_NAMES = {"BELUM_REKAM": "Belum rekam", "SUDAH_REKAM": "Sudah rekam",
                       "PINDAH": "Pindah", "MENINGGAL": "Meninggal",
                       "TIDAK_DITEMUKAN": "Tidak ditemukan"}


def _desa_choices() -> list[tuple[str, str]]:
    office = current_office()
    kecamatan = office.kecamatan
    return [(kode, f"{desa.nama} (Kec. {kecamatan[kecamatan_of_desa(kode)].nama})")
            for kode, desa in sorted(office.desa.items(), key=lambda kv: kv[1].nama)]


def _desa_name(kode: str) -> str:
    desa = current_office().desa.get(kode)
    return desa.nama if desa else kode


def _page(request: Request, session: WebSession, template: str, *, status_code: int = 200,
          **context: Any) -> HTMLResponse:
    context.setdefault("desa_name", _desa_name)
    return pages.render(request, f"perekaman/{template}", session=session,
                        status_code=status_code,
                        outcome_names=OUTCOME_NAMES, roster_status=ROSTER_STATUS_NAMES,
                        **context)


def _problem_errors(exc: Refused, to_field: dict[str, str], default: str | None) -> rf.FormErrors:
    """A service's problem, by the form field it names."""
    errors = rf.FormErrors()
    listed = getattr(exc.problem, "errors", None)
    if isinstance(listed, list) and listed:
        for item in listed:
            errors.add(to_field.get(str(item.field).split(".")[0], default), item.message)
    else:
        field = getattr(exc.problem, "field", None)
        errors.add(to_field.get(field, default) if isinstance(field, str) else default,
                   exc.message)
    return errors


# --- the roster search ----------------------------------------------------------------------


@router.get("")
async def search(request: Request, session: Operator, settings: SettingsDep) -> Response:
    q = {k: request.query_params.get(k, "").strip() for k in ("nik", "nama", "desa")}
    try:
        page = max(1, int(request.query_params.get("halaman", "1")))
    except ValueError:
        page = 1
    found = None
    errors = rf.FormErrors()
    if any(q.values()):
        if q["nik"] and not (q["nik"].isdigit() and len(q["nik"]) == 16):
            errors.add("nik", f"NIK harus 16 angka, bukan {len(q['nik'])} karakter")
        else:
            try:
                found = await calls.roster(settings, session, nik=q["nik"], nama=q["nama"],
                                           desa=q["desa"], page=page, per_page=PER_PAGE)
            except ServiceDown as exc:
                return _down(request, session, exc)
            except Refused as exc:
                errors = _problem_errors(exc, {"nik": "nik", "nama": "nama", "desa": "desa"},
                                         None)
    pages_total = 0 if found is None else max(1, -(-found.total // PER_PAGE))
    return _page(request, session, "search.html", q=q, found=found, page=page,
                 pages_total=pages_total, desa=_desa_choices(), errors=errors.by_field,
                 summary=errors.summary(), status_code=422 if errors else 200)


# --- the recording form ---------------------------------------------------------------------


def _recording_page(request: Request, session: WebSession, *, values: dict[str, str],
                    errors: rf.FormErrors, status_code: int = 200,
                    from_roster: bool = False,
                    kept: dict[str, bytes] | None = None) -> HTMLResponse:
    # Files the clerk chose stay with the page (as base64), but not one the service refused.
    kept = {k: v for k, v in (kept or {}).items() if k not in errors.by_field}
    return pages.render(
        request, "recording.html", session=session, status_code=status_code, values=values,
        errors=errors.by_field, summary=errors.summary(), labels=rf.LABELS,
        fingers=rf.FINGERS, irises=rf.IRISES, desa=_desa_choices(),
        idempotency_key=values.get("kunci") or str(uuid.uuid4()),
        photo_max_kb=PHOTO_BYTES[1] // 1000, from_roster=from_roster,
        may_override=session.role in ALWAYS_ALLOWED,
        kept=[(rf.KEPT + k, rf.b64(v)) for k, v in kept.items()], kept_names=set(kept))


@router.get("/rekam")
async def recording_form(request: Request, session: Operator,
                         settings: SettingsDep) -> Response:
    nik = request.query_params.get("nik", "").strip()
    if not nik:
        return _recording_page(request, session, values={}, errors=rf.FormErrors())
    try:
        entry = await calls.roster_entry(settings, session, nik) if nik.isdigit() else None
    except ServiceDown as exc:
        return _down(request, session, exc)
    if entry is None:  # not on the roster: the clerk types it all
        errors = rf.FormErrors()
        errors.add("nik", "NIK ini tidak ada di daftar wajib KTP; isi data dari KK")
        return _recording_page(request, session, values={"nik": nik}, errors=errors)
    values = rf.from_roster(entry.nik, entry.nama, entry.tanggal_lahir,
                            str(entry.jenis_kelamin), entry.kode_desa)
    return _recording_page(request, session, values=values, errors=rf.FormErrors(),
                           from_roster=True)


async def _split(form: FormData) -> tuple[dict[str, str], dict[str, bytes]]:
    text: dict[str, str] = {}
    uploads: dict[str, bytes] = {}
    for name, value in form.multi_items():
        if isinstance(value, str):
            text[name] = value
        elif isinstance(value, FileLike):
            raw = await value.read()
            if raw:  # an empty file input sends an empty part: nothing chosen
                uploads[name] = raw
    return text, uploads


def _refused_errors(session: WebSession, exc: Refused) -> rf.FormErrors:
    """Enrollment's problem beside the form fields it names (the whole form otherwise)."""
    errors = rf.FormErrors()
    shown = set(rf.FORM_ORDER) - (set() if session.role in ALWAYS_ALLOWED
                                  else set(rf.OPTIONAL_TEXT))
    listed = getattr(exc.problem, "errors", None)
    if isinstance(listed, list) and listed:
        for item in listed:
            named = rf.form_field_of(item.field)
            errors.add(named if named in shown else None, item.message)
    else:
        field = getattr(exc.problem, "field", None)
        named = rf.form_field_of(field) if isinstance(field, str) else None
        errors.add(named if named in shown else None, exc.message)
    return errors


@router.post("/rekam")
async def record(request: Request, session: Operator, settings: SettingsDep) -> Response:
    """Check first (enrollment's rules, nothing written): problems go back to the form,
    warnings to a confirm step; a recording with neither, or confirmed, is saved."""
    form = await request.form()
    if not _same(form.get("csrf_token"), session.csrf_token):
        return _csrf_refused(request, session)
    text, uploads = await _split(form)
    uploads = {**rf.kept_files(text), **uploads}  # a file chosen anew wins
    if session.role not in ALWAYS_ALLOWED:  # the overrides are the supervisor's to give
        for name in rf.OPTIONAL_TEXT:
            text.pop(name, None)
    step = text.get("langkah", "")
    errors = rf.form_errors(text, calls.RECORDING_CHOICES)
    if errors or step == "ubah":
        return _recording_page(request, session, values=text, errors=errors,
                               status_code=422 if errors else 200, kept=uploads)
    text["tanggal_lahir"] = rf.birth_date(*(text.get(f"tanggal_lahir-{p}", "")
                                            for p in ("hari", "bulan", "tahun")))
    body = device_capture.with_device_captures(rf.request_body(text, uploads), text, uploads)
    try:
        if step != "simpan":
            checked = await calls.check(settings, session, body)
            if checked.warnings:
                return _page(request, session, "confirm.html", warnings=checked.warnings,
                             keep=rf.to_keep(text, uploads), values=text, labels=rf.LABELS,
                             desa_name=_desa_name)
        recorded = await calls.record(settings, session, body, text.get("kunci") or None)
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return _recording_page(request, session, values=text,
                               errors=_refused_errors(session, exc), kept=uploads,
                               status_code=exc.status if exc.status < 500 else 400)
    # Post/redirect/get: a reload of the result page does not send the recording again.
    return RedirectResponse(f"/perekaman/hasil/{recorded.enrollment_id}", status_code=303)


# --- the result and its way to the centre ---------------------------------------------------

# Sync's submission states, as the counter says them (None: sync has not taken it yet).
PROGRESS = {
    None: ("Menunggu dikirim ke pusat", "menunggu"),
    "PENDING": ("Menunggu dikirim ke pusat", "menunggu"),
    "SENT_FOR_ENROLLMENT": ("Terkirim ke pusat, diterima pusat (menunggu hasil pemeriksaan)",
                            "terkirim"),
    "PRINT_READY_RECORD": ("Diterima pusat: siap cetak", "selesai"),
    "DUPLICATE_RECORD": ("Ditolak pusat: data ganda", "gagal"),
    "FAILED": ("Gagal di pusat", "gagal"),
    "CANCELLED": ("Pengiriman dibatalkan supervisor", "gagal"),
}
FINAL = {"PRINT_READY_RECORD", "DUPLICATE_RECORD", "FAILED", "CANCELLED"}


async def _progress(settings: SettingsDep, session: WebSession,
                    enrollment_id: str) -> dict[str, Any]:
    try:
        sub = await calls.submission(settings, session, enrollment_id)
    except ServiceDown:
        return {"text": "Layanan kirim ke pusat tidak dapat dihubungi; coba lagi nanti",
                "kind": "menunggu", "final": False, "sub": None}
    state = None if sub is None else str(sub.state)
    text, kind = PROGRESS.get(state, (state or "", "menunggu"))
    return {"text": text, "kind": kind, "final": state in FINAL, "sub": sub, "state": state}


@router.get("/hasil/{enrollment_id}")
async def result(request: Request, enrollment_id: str, session: Operator,
                 settings: SettingsDep) -> Response:
    try:
        recorded = await calls.enrollment(settings, session, enrollment_id)
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return pages.render(request, "refused.html", session=session,
                            status_code=exc.status if exc.status < 500 else 400,
                            title="Perekaman tidak ditemukan", message=exc.message)
    progress = await _progress(settings, session, enrollment_id)
    return _page(request, session, "result.html", recorded=recorded, progress=progress)


@router.get("/hasil/{enrollment_id}/kemajuan")
async def progress_fragment(request: Request, enrollment_id: str, session: Operator,
                            settings: SettingsDep) -> Response:
    """The progress line alone, for the result page's poll (static/perekaman.js)."""
    progress = await _progress(settings, session, enrollment_id)
    return pages.render(request, "perekaman/_progress.html", session=session,
                        progress=progress, enrollment_id=enrollment_id)


# --- a desa's field-check worklist ----------------------------------------------------------


async def _worklist_page(request: Request, session: WebSession, settings: SettingsDep,
                         desa: str, *, errors: dict[str, dict[str, str]] | None = None,
                         values: dict[str, str] | None = None, notice: str | None = None,
                         status_code: int = 200) -> Response:
    work = None
    desa_error = None
    if desa:
        try:
            work = await calls.worklist(settings, session, desa, 1)
        except ServiceDown as exc:
            return _down(request, session, exc)
        except Refused as exc:
            desa_error = exc.message
    summary = [("desa", desa_error)] if desa_error else []
    for nik, by_field in (errors or {}).items():
        summary += [(f"{name}-{nik}", message) for name, message in by_field.items()]
    return _page(request, session, "worklist.html", desa=_desa_choices(), chosen=desa,
                 work=work, desa_error=desa_error, errors=errors or {}, values=values or {},
                 outcomes=calls.OUTCOMES, notice=notice, summary=summary,
                 key=str(uuid.uuid4()), status_code=422 if desa_error else status_code)


@router.get("/cek-lapangan")
async def worklist(request: Request, session: Operator, settings: SettingsDep) -> Response:
    checked = request.query_params.get("dicatat", "")
    notice = f"Hasil cek lapangan dicatat: {checked}." if checked else None
    return await _worklist_page(request, session, settings,
                                request.query_params.get("desa", "").strip(), notice=notice)


@router.post("/cek-lapangan")
async def field_check(request: Request, session: Operator, settings: SettingsDep) -> Response:
    form = await request.form()
    if not _same(form.get("csrf_token"), session.csrf_token):
        return _csrf_refused(request, session)
    text = {k: v.strip() for k, v in form.items() if isinstance(v, str)}
    nik, desa, outcome = text.get("nik", ""), text.get("desa", ""), text.get("hasil", "")
    if outcome not in calls.OUTCOMES:
        return await _worklist_page(request, session, settings, desa, status_code=422,
                                    errors={nik: {"hasil": "Pilih hasil cek lapangan"}},
                                    values={"nik": nik, "catatan": text.get("catatan", "")})
    try:
        done = await calls.field_check(settings, session, nik, outcome,
                                       text.get("catatan", ""), text.get("kunci") or None)
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        found = _problem_errors(exc, {"outcome": "hasil", "note": "catatan", "nik": "hasil"},
                                "hasil")
        return await _worklist_page(request, session, settings, desa, status_code=422,
                                    errors={nik: found.by_field or {"hasil": exc.message}},
                                    values={"nik": nik, "catatan": text.get("catatan", "")})
    said = f"NIK {mask_nik(done.nik)}: {OUTCOME_NAMES.get(str(done.outcome), done.outcome)}"
    query = urlencode({"desa": desa, "dicatat": said})
    return RedirectResponse(f"/perekaman/cek-lapangan?{query}", status_code=303)


# --- the mobile kit's file ------------------------------------------------------------------


@router.get("/impor-kit")
async def kit_form(request: Request, session: Operator) -> Response:
    return _page(request, session, "kit.html", errors={}, summary=[], report=None,
                 key=str(uuid.uuid4()))


@router.post("/impor-kit")
async def kit_import(request: Request, session: Operator, settings: SettingsDep) -> Response:
    form = await request.form()
    if not _same(form.get("csrf_token"), session.csrf_token):
        return _csrf_refused(request, session)
    upload = form.get("berkas")
    raw = await upload.read() if isinstance(upload, FileLike) else b""
    errors = rf.FormErrors()
    report = None
    if not raw:
        errors.add("berkas", "Pilih berkas dari kit perekaman keliling")
    else:
        try:
            report = await calls.import_kit_file(
                settings, session, raw, getattr(upload, "filename", None) or "kit.ndjson",
                str(form.get("kunci") or "") or None)
        except ServiceDown as exc:
            return _down(request, session, exc)
        except Refused as exc:
            errors = _problem_errors(exc, {}, "berkas")
    return _page(request, session, "kit.html", errors=errors.by_field,
                 summary=errors.summary(), report=report, key=str(uuid.uuid4()),
                 status_code=422 if errors else 200)
