"""The supervisor's screens (issue #11): the operator queue of FAILED submissions, the
approvals (stock counts, recordings waiting for review), staff accounts, and the audit
search merged from every service's ``GET /audit``. Each service judges and keeps its own
records; the pages send the supervisor's own token and show the services' refusals."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ektp_client_accounts.api.audit import search_audit as accounts_audit
from ektp_client_accounts.api.users import (
    change_user,
    create_user,
    get_user,
    list_users,
    reset_password,
    unlock_user,
)
from ektp_client_accounts.models import AccountIn, AccountPatch
from ektp_client_dashboard.api.audit import search_audit as dashboard_audit
from ektp_client_enrollment.api.audit import search_audit as enrollment_audit
from ektp_client_enrollment.api.enrollments import list_enrollments, review
from ektp_client_enrollment.models import Review
from ektp_client_inventory.api.audit import search_audit as inventory_audit
from ektp_client_inventory.api.stock_counts import (
    approve_stock_count,
    list_stock_counts,
    reject_stock_count,
)
from ektp_client_inventory.models import DecisionIn
from ektp_client_printing.api.audit import search_audit as printing_audit
from ektp_client_sync.api.audit import search_audit as sync_audit
from ektp_client_sync.api.sync import cancel_submission, list_submissions, retry_submission
from ektp_client_sync.models import CancelIn
from ektp_shared.answers import Refused
from ektp_shared.office import current as current_office

from ..adapters import services, sessions
from ..adapters.services import SERVICE_NAMES, ServiceDown
from ..adapters.sessions import WebSession
from ..domain.audit_actions import action_name
from ..domain.menus import ROLE_NAMES
from . import pages
from .deps import PoolDep, SettingsDep, Supervisor
from .gudang import PLACES, FormErrors, _csrf, _down, _form

router = APIRouter(include_in_schema=False, prefix="/supervisor")
ROLES = ("operator", "printer", "storekeeper", "supervisor", "admin", "viewer")
AUDITED = ("enrollment", "sync", "printing", "inventory", "accounts", "dashboard")


def _page(request: Request, session: WebSession, template: str, *, status_code: int = 200,
          values: dict[str, str] | None = None, errors: FormErrors | None = None,
          **context: Any) -> HTMLResponse:
    errors = errors or FormErrors()
    return pages.render(request, template, session=session, status_code=status_code,
                        values=values or {}, errors=errors, summary=list(errors.items()),
                        places=PLACES, roles=ROLES, role_names=ROLE_NAMES, **context)


def _done(request: Request, session: WebSession, title: str, message: str, back: str,
          **context: Any) -> HTMLResponse:
    return _page(request, session, "supervisor/done.html", title=title, message=message,
                 back=back, **context)


def _refused(exc: Refused, field: str) -> FormErrors:
    errors = FormErrors()
    errors.add(field, exc.message)
    return errors


@router.get("")
async def overview(request: Request, session: Supervisor) -> HTMLResponse:
    return _page(request, session, "supervisor/overview.html")


# --- the operator queue -------------------------------------------------------------------


async def _queue(request: Request, session: Supervisor, settings: SettingsDep,
                 errors: FormErrors | None = None, status_code: int = 200) -> HTMLResponse:
    try:
        got = await services.answer("sync", list_submissions.asyncio_detailed(
            client=services.sync(settings, session.access_token),
            state="FAILED", limit=200))
    except ServiceDown as exc:
        return _down(request, session, exc)
    return _page(request, session, "supervisor/queue.html", items=got.items,
                 errors=errors, status_code=status_code)


@router.get("/antrean")
async def queue(request: Request, session: Supervisor, settings: SettingsDep) -> HTMLResponse:
    return await _queue(request, session, settings)


@router.post("/antrean/{enrollment_id}/kirim-ulang")
async def retry(request: Request, enrollment_id: str, session: Supervisor,
                settings: SettingsDep) -> Response:
    if await _form(request, session) is None:
        return _csrf(request, session)
    try:
        await services.answer("sync", retry_submission.asyncio_detailed(
            enrollment_id, client=services.sync(settings, session.access_token)))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return await _queue(request, session, settings, _refused(exc, ""), 409)
    return _done(request, session, "Dikirim ulang",
                 f"Rekaman {enrollment_id} dikirim lagi ke pusat.", "/supervisor/antrean")


def _reason_form(request: Request, session: WebSession, *, title: str, intro: str,
                 action: str, button: str, back: str, values: dict[str, str] | None = None,
                 errors: FormErrors | None = None, status_code: int = 200) -> HTMLResponse:
    return _page(request, session, "supervisor/reason.html", title=title, intro=intro,
                 action=action, button=button, back=back, values=values, errors=errors,
                 status_code=status_code)


async def _with_reason(
    request: Request, session: WebSession, *, title: str, intro: str, button: str, back: str,
    min_length: int, call: Callable[[str], Awaitable[Any]], service: str, done: str,
) -> Response:
    got = await _form(request, session)
    if got is None:
        return _csrf(request, session)
    values, _ = got
    reason = values.get("alasan", "").strip()
    form: dict[str, Any] = {"title": title, "intro": intro, "action": str(request.url.path),
                            "button": button, "back": back, "values": values}
    if len(reason) < min_length:
        return _reason_form(request, session, **form, status_code=422, errors=FormErrors(
            alasan=f"Tulis alasannya, paling sedikit {min_length} huruf"))
    try:
        await services.answer(service, call(reason))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return _reason_form(request, session, **form, status_code=422,
                            errors=_refused(exc, "alasan"))
    return _done(request, session, title, done, back)


@router.get("/antrean/{enrollment_id}/batal")
async def cancel_form(request: Request, enrollment_id: str, session: Supervisor) -> HTMLResponse:
    return _reason_form(request, session, title="Tutup pengiriman",
                        intro=f"Rekaman {enrollment_id} tidak akan dikirim lagi.",
                        action=str(request.url.path), button="Tutup pengiriman",
                        back="/supervisor/antrean")


@router.post("/antrean/{enrollment_id}/batal")
async def cancel(request: Request, enrollment_id: str, session: Supervisor,
                 settings: SettingsDep) -> Response:
    client = services.sync(settings, session.access_token)
    return await _with_reason(
        request, session, title="Tutup pengiriman", button="Tutup pengiriman",
        intro=f"Rekaman {enrollment_id} tidak akan dikirim lagi.", back="/supervisor/antrean",
        min_length=3, service="sync", done=f"Pengiriman {enrollment_id} ditutup.",
        call=lambda reason: cancel_submission.asyncio_detailed(
            enrollment_id, client=client, body=CancelIn(reason=reason)))


# --- approvals ---------------------------------------------------------------------------


@router.get("/persetujuan")
async def approvals(request: Request, session: Supervisor,
                    settings: SettingsDep) -> HTMLResponse:
    counts: list[Any] | None = None
    recordings: list[Any] | None = None
    down: list[str] = []
    # Each list stands alone: a store that is down still leaves the recordings to review.
    try:
        counts = await services.answer("inventory", list_stock_counts.asyncio_detailed(
            client=services.inventory(settings, session.access_token),
            status="PENDING_APPROVAL"))
    except ServiceDown as exc:
        down.append(exc.name)
    try:
        page = await services.answer("enrollment", list_enrollments.asyncio_detailed(
            client=services.enrollment(settings, session.access_token),
            status="MENUNGGU_VERIFIKASI", per_page=100))
        recordings = page.items
    except ServiceDown as exc:
        down.append(exc.name)
    return _page(request, session, "supervisor/approvals.html", counts=counts,
                 recordings=recordings, down=down)


@router.post("/opname/{count_id}/setujui")
async def approve_count(request: Request, count_id: int, session: Supervisor,
                        settings: SettingsDep) -> Response:
    if await _form(request, session) is None:
        return _csrf(request, session)
    try:
        await services.answer("inventory", approve_stock_count.asyncio_detailed(
            count_id, client=services.inventory(settings, session.access_token),
            body=DecisionIn(note="")))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return _done(request, session, "Tidak dapat disetujui", exc.message,
                     "/supervisor/persetujuan")
    return _done(request, session, "Hitungan disetujui",
                 f"Hitungan stock opname nomor {count_id} disetujui.", "/supervisor/persetujuan")


@router.get("/opname/{count_id}/tolak")
async def reject_count_form(request: Request, count_id: int, session: Supervisor) -> HTMLResponse:
    return _reason_form(request, session, title="Tolak hitungan",
                        intro=f"Hitungan nomor {count_id} ditolak; gudang menghitung ulang.",
                        action=str(request.url.path), button="Tolak hitungan",
                        back="/supervisor/persetujuan")


@router.post("/opname/{count_id}/tolak")
async def reject_count(request: Request, count_id: int, session: Supervisor,
                       settings: SettingsDep) -> Response:
    client = services.inventory(settings, session.access_token)
    return await _with_reason(
        request, session, title="Tolak hitungan", button="Tolak hitungan",
        intro=f"Hitungan nomor {count_id} ditolak; gudang menghitung ulang.",
        back="/supervisor/persetujuan", min_length=3, service="inventory",
        done=f"Hitungan nomor {count_id} ditolak.",
        call=lambda reason: reject_stock_count.asyncio_detailed(
            count_id, client=client, body=DecisionIn(note=reason)))


@router.post("/rekaman/{enrollment_id}/setujui")
async def approve_recording(request: Request, enrollment_id: str, session: Supervisor,
                            settings: SettingsDep) -> Response:
    if await _form(request, session) is None:
        return _csrf(request, session)
    try:
        await services.answer("enrollment", review.asyncio_detailed(
            enrollment_id, client=services.enrollment(settings, session.access_token),
            body=Review(approve=True)))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return _done(request, session, "Tidak dapat disetujui", exc.message,
                     "/supervisor/persetujuan")
    return _done(request, session, "Rekaman disetujui",
                 f"Rekaman {enrollment_id} dilepas untuk dikirim ke pusat.",
                 "/supervisor/persetujuan")


@router.get("/rekaman/{enrollment_id}/tolak")
async def refuse_recording_form(request: Request, enrollment_id: str,
                                session: Supervisor) -> HTMLResponse:
    return _reason_form(request, session, title="Tolak rekaman",
                        intro=f"Rekaman {enrollment_id} tidak dikirim ke pusat.",
                        action=str(request.url.path), button="Tolak rekaman",
                        back="/supervisor/persetujuan")


@router.post("/rekaman/{enrollment_id}/tolak")
async def refuse_recording(request: Request, enrollment_id: str, session: Supervisor,
                           settings: SettingsDep) -> Response:
    client = services.enrollment(settings, session.access_token)
    return await _with_reason(
        request, session, title="Tolak rekaman", button="Tolak rekaman",
        intro=f"Rekaman {enrollment_id} tidak dikirim ke pusat.",
        back="/supervisor/persetujuan", min_length=3, service="enrollment",
        done=f"Rekaman {enrollment_id} ditolak.",
        call=lambda reason: review.asyncio_detailed(
            enrollment_id, client=client, body=Review(approve=False, note=reason)))


# --- accounts ----------------------------------------------------------------------------


@router.get("/akun")
async def accounts(request: Request, session: Supervisor, settings: SettingsDep) -> HTMLResponse:
    try:
        got = await services.answer("accounts", list_users.asyncio_detailed(
            client=services.accounts_as(settings, session.access_token)))
    except ServiceDown as exc:
        return _down(request, session, exc)
    return _page(request, session, "supervisor/accounts.html", accounts=got.accounts)


ACCOUNT_ACTIONS = {
    "nonaktifkan": ("Akun dinonaktifkan", "Akun {u} dinonaktifkan; semua sesinya berakhir."),
    "aktifkan": ("Akun diaktifkan", "Akun {u} aktif kembali."),
    "buka-kunci": ("Kunci dibuka", "Akun {u} dapat masuk lagi."),
    "reset-sandi": ("Kata sandi direset", "Berikan kata sandi sementara ini kepada {u}."),
}


@router.post("/akun/{username}/{action}")
async def account_action(request: Request, username: str, action: str, session: Supervisor,
                         settings: SettingsDep, pool: PoolDep) -> Response:
    if action not in ACCOUNT_ACTIONS:
        return pages.render(request, "refused.html", session=session, status_code=404,
                            title="Halaman tidak ada", message="Tindakan ini tidak dikenal.")
    if await _form(request, session) is None:
        return _csrf(request, session)
    client = services.accounts_as(settings, session.access_token)
    temporary = None
    try:
        if action == "reset-sandi":
            out = await services.answer("accounts", reset_password.asyncio_detailed(
                username, client=client))
            temporary = out.temporary_password
        elif action == "buka-kunci":
            await services.answer("accounts", unlock_user.asyncio_detailed(
                username, client=client))
        else:
            status = "DISABLED" if action == "nonaktifkan" else "ACTIVE"
            await services.answer("accounts", change_user.asyncio_detailed(
                username, client=client, body=AccountPatch.from_dict({"status": status})))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return _done(request, session, "Tidak dapat dilakukan", exc.message, "/supervisor/akun")
    if action in ("nonaktifkan", "reset-sandi"):
        # Accounts refuses the next refresh; this office's own sessions end now, not then.
        await _end_sessions(pool, username)
    title, message = ACCOUNT_ACTIONS[action]
    return _done(request, session, title, message.format(u=username), "/supervisor/akun",
                 temporary=temporary)


async def _end_sessions(pool: Any, username: str) -> None:
    async with pool.acquire() as conn:
        await sessions.end_all_of(conn, username)


@router.get("/akun-baru")
async def new_account_form(request: Request, session: Supervisor) -> HTMLResponse:
    return _page(request, session, "supervisor/account_new.html", chosen=[])


@router.post("/akun-baru")
async def new_account(request: Request, session: Supervisor, settings: SettingsDep) -> Response:
    got = await _form(request, session)
    if got is None:
        return _csrf(request, session)
    values, _ = got
    form = await request.form()
    chosen = [r for r in form.getlist("peran") if isinstance(r, str) and r in ROLES]
    errors = FormErrors()
    if not re.fullmatch(r"[a-z][a-z0-9._-]{2,31}", values.get("username", "").strip()):
        errors.add("username", "Nama pengguna: huruf kecil, angka, titik atau garis, "
                               "diawali huruf, 3 sampai 32 tanda")
    if not values.get("nama", "").strip():
        errors.add("nama", "Tulis nama lengkap petugas")
    if not chosen:
        errors.add("peran", "Pilih paling sedikit satu peran")
    if not values.get("sandi", ""):
        errors.add("sandi", "Tulis kata sandi pertama")
    if not errors:
        try:
            await services.answer("accounts", create_user.asyncio_detailed(
                client=services.accounts_as(settings, session.access_token),
                body=AccountIn.from_dict({
                    "username": values["username"].strip(), "name": values["nama"].strip(),
                    "roles": chosen, "password": values["sandi"]})))
        except ServiceDown as exc:
            return _down(request, session, exc)
        except Refused as exc:
            field = getattr(exc.problem, "field", None) or ""
            name = {"username": "username", "name": "nama", "roles": "peran",
                    "password": "sandi"}.get(str(field).split(".")[0], "")
            errors.add(name, exc.message)
    if errors:
        values.pop("sandi", None)
        return _page(request, session, "supervisor/account_new.html", status_code=422,
                     values=values, errors=errors, chosen=chosen)
    return _done(request, session, "Akun dibuat",
                 f"Akun {values['username'].strip()} dibuat. Pemiliknya mengganti kata sandi "
                 "saat pertama masuk.", "/supervisor/akun")


@router.get("/akun/{username}/peran")
async def roles_form(request: Request, username: str, session: Supervisor,
                     settings: SettingsDep) -> Response:
    try:
        account = await services.answer("accounts", get_user.asyncio_detailed(
            username, client=services.accounts_as(settings, session.access_token)))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return _done(request, session, "Akun tidak ditemukan", exc.message, "/supervisor/akun")
    return _page(request, session, "supervisor/roles.html", account=account)


@router.post("/akun/{username}/peran/ubah")
async def change_roles(request: Request, username: str, session: Supervisor,
                       settings: SettingsDep, pool: PoolDep) -> Response:
    if await _form(request, session) is None:
        return _csrf(request, session)
    form = await request.form()
    chosen = [r for r in form.getlist("peran") if isinstance(r, str) and r in ROLES]
    if not chosen:
        return _done(request, session, "Peran tidak diubah",
                     "Pilih paling sedikit satu peran.", "/supervisor/akun")
    try:
        await services.answer("accounts", change_user.asyncio_detailed(
            username, client=services.accounts_as(settings, session.access_token),
            body=AccountPatch.from_dict({"roles": chosen})))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return _done(request, session, "Peran tidak diubah", exc.message, "/supervisor/akun")
    await _end_sessions(pool, username)  # a session may hold a role taken away
    return _done(request, session, "Peran diubah",
                 f"Peran {username}: {', '.join(ROLE_NAMES[r] for r in chosen)}.",
                 "/supervisor/akun")


# --- the audit search --------------------------------------------------------------------

SEARCHES: dict[str, Any] = {
    "enrollment": (enrollment_audit, services.enrollment),
    "sync": (sync_audit, services.sync),
    "printing": (printing_audit, services.printing),
    "inventory": (inventory_audit, services.inventory),
    "accounts": (accounts_audit, services.accounts_as),
    "dashboard": (dashboard_audit, services.dashboard),
}


@router.get("/audit")
async def audit_search(request: Request, session: Supervisor,
                       settings: SettingsDep) -> HTMLResponse:
    kind = request.query_params.get("menurut", "nik")
    text = request.query_params.get("cari", "").strip()
    values = {"menurut": kind, "cari": text}
    if "cari" not in request.query_params:
        return _page(request, session, "supervisor/audit.html", values=values, rows=None)
    errors = FormErrors()
    if kind == "nik" and not re.fullmatch(r"\d{16}", text):
        errors.add("cari", "NIK harus 16 angka")
    elif kind == "pengguna" and not re.fullmatch(r"[A-Za-z0-9._@-]{1,100}", text):
        errors.add("cari", "Tulis nama pengguna, misalnya rina")
    if errors:
        return _page(request, session, "supervisor/audit.html", status_code=422,
                     values=values, errors=errors, rows=None)
    query = {"target": text} if kind == "nik" else {"actor": text}

    async def one(service: str) -> tuple[str, list[Any] | None]:
        search, client = SEARCHES[service]
        try:
            page = await services.answer(service, search.asyncio_detailed(
                client=client(settings, session.access_token), limit=200, **query))
        except (ServiceDown, Refused):
            return service, None
        return service, list(page.items)

    answers = await asyncio.gather(*(one(s) for s in AUDITED))
    rows = sorted(((service, row) for service, items in answers if items is not None
                   for row in items), key=lambda pair: pair[1].at, reverse=True)
    down = [SERVICE_NAMES[s] for s, items in answers if items is None]
    return _page(request, session, "supervisor/audit.html", values=values, rows=rows,
                 down=down, service_names=SERVICE_NAMES, when=_when,
                 action_name=action_name)


def _when(moment: dt.datetime) -> str:
    # In the office's own time (WIB, WITA or WIT), as on its paper registers.
    office = current_office()
    return moment.astimezone(office.tz).strftime(f"%d-%m-%Y %H:%M:%S {office.zona}")
