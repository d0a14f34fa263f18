"""The office web app (port 8080): server-rendered pages over the services' APIs. Its HTML
routes are no API: they stay out of the OpenAPI document (only the ops routes are in it)."""

from __future__ import annotations

import secrets
import uuid
from importlib.resources import files
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import FormData, UploadFile

from ektp_shared.answers import Refused
from ektp_shared.app import create_app
from ektp_shared.limits import PHOTO_BYTES
from ektp_shared.office import current as current_office
from ektp_shared.wilayah import kecamatan_of_desa

from .. import handlers
from ..adapters.services import ServiceDown
from ..adapters.sessions import WebSession
from ..bootstrap import build_runtime
from ..config import Settings
from ..domain import recording_form as rf
from ..domain.menus import ROLE_NAMES
from . import gudang, pages
from .deps import (
    SESSION_COOKIE,
    SIGN_IN_COOKIE,
    NotAllowed,
    NotSignedIn,
    Operator,
    PoolDep,
    SettingsDep,
    SignedIn,
)

router = APIRouter(include_in_schema=False)
FileLike = UploadFile


def _same(a: object, b: str) -> bool:
    return isinstance(a, str) and bool(a) and secrets.compare_digest(a.encode(), b.encode())


def _csrf_refused(request: Request, session: WebSession | None) -> HTMLResponse:
    return pages.render(
        request, "refused.html", session=session, status_code=403,
        title="Formulir tidak diterima",
        message="Formulir ini tidak dapat diterima karena token keamanannya tidak cocok. "
                "Muat ulang halaman, lalu isi dan kirim lagi.")


def _down(request: Request, session: WebSession | None, exc: ServiceDown) -> HTMLResponse:
    return pages.render(request, "service_down.html", session=session, status_code=503,
                        service=exc.name)


# --- signing in and out -----------------------------------------------------------------------


def _sign_in_page(request: Request, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    token = request.cookies.get(SIGN_IN_COOKIE) or handlers.new_token()
    response = pages.render(request, "sign_in.html", status_code=status_code,
                            csrf_token=token, **context)
    response.set_cookie(SIGN_IN_COOKIE, token, httponly=True, samesite="strict",
                        secure=request.app.state.settings.cookie_secure, path="/masuk")
    return response


@router.get("/masuk")
async def sign_in_form(request: Request) -> HTMLResponse:
    notice = None
    if request.query_params.get("sesi") == "berakhir":
        notice = "Sesi Anda telah berakhir. Silakan masuk lagi."
    elif request.query_params.get("sesi") == "keluar":
        notice = "Anda telah keluar."
    return _sign_in_page(request, errors={}, values={}, notice=notice)


ACCOUNTS_MESSAGES = {
    "sign-in-refused": ("password", "Nama pengguna atau kata sandi salah."),
    "account-locked": ("username", "Akun ini terkunci karena terlalu banyak kata sandi salah. "
                                   "Minta supervisor untuk membukanya."),
    "account-disabled": ("username", "Akun ini dinonaktifkan. Tanyakan kepada supervisor."),
}


def _role_choices(message: str) -> list[str]:
    # Accounts names the roles the account holds in its message ("choose one of: a, b").
    tail = message.rsplit(":", 1)[-1]
    held = [r.strip() for r in tail.split(",") if r.strip() in ROLE_NAMES]
    return held or list(ROLE_NAMES)


@router.post("/masuk")
async def sign_in(request: Request, pool: PoolDep, settings: SettingsDep) -> Response:
    form = await request.form()
    if not _same(form.get("csrf_token"), request.cookies.get(SIGN_IN_COOKIE, "")):
        return _csrf_refused(request, None)
    username = str(form.get("username") or "").strip()
    password = str(form.get("password") or "")
    role = str(form.get("role") or "") or None
    roles = [r for r in form.getlist("roles") if isinstance(r, str) and r in ROLE_NAMES]
    errors: dict[str, str] = {}
    if not username:
        errors["username"] = "Masukkan nama pengguna"
    if not password:
        errors["password"] = "Masukkan kata sandi"  # noqa: S105 (a message, not a password)
    if roles and role is None:
        errors["role"] = "Pilih peran untuk bekerja hari ini"
    status = 400
    if not errors:
        try:
            session = await handlers.sign_in(pool, settings, username=username,
                                             password=password, role=role)
        except ServiceDown as exc:
            return _down(request, None, exc)
        except Refused as exc:
            status = exc.status
            # The type is a URI ending with the problem's name (ektp_shared.problems).
            problem_type = exc.problem.type_.rsplit("/", 1)[-1] if exc.problem else ""
            field = getattr(exc.problem, "field", None)
            if problem_type in ACCOUNTS_MESSAGES:
                name, message = ACCOUNTS_MESSAGES[problem_type]
                errors[name] = message
            elif field == "role":
                roles = _role_choices(exc.message)
                errors["role"] = ("Akun ini memegang beberapa peran. Pilih satu peran, lalu "
                                  "masukkan kata sandi lagi.")
            else:
                errors["username" if field != "password" else "password"] = exc.message
        else:
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(SESSION_COOKIE, session.id, httponly=True, samesite="strict",
                                secure=settings.cookie_secure, path="/")
            response.delete_cookie(SIGN_IN_COOKIE, path="/masuk")
            return response
    return _sign_in_page(request, status_code=status, errors=errors, roles=roles,
                         values={"username": username, "role": role or ""}, notice=None)


@router.post("/keluar")
async def sign_out(request: Request, session: SignedIn, pool: PoolDep,
                   settings: SettingsDep) -> Response:
    form = await request.form()
    if not _same(form.get("csrf_token"), session.csrf_token):
        return _csrf_refused(request, session)
    await handlers.sign_out(pool, settings, session)
    response = RedirectResponse("/masuk?sesi=keluar", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# --- the screens ------------------------------------------------------------------------------


@router.get("/")
async def home(request: Request, session: SignedIn) -> HTMLResponse:
    return pages.render(request, "home.html", session=session)




# --- perekaman --------------------------------------------------------------------------------


def _desa_choices() -> list[tuple[str, str]]:
    office = current_office()
    kecamatan = office.kecamatan
    return [(kode, f"{desa.nama} (Kec. {kecamatan[kecamatan_of_desa(kode)].nama})")
            for kode, desa in sorted(office.desa.items(), key=lambda kv: kv[1].nama)]


def _recording_page(request: Request, session: WebSession, *, values: dict[str, str],
                    errors: rf.FormErrors, status_code: int = 200) -> HTMLResponse:
    return pages.render(
        request, "recording.html", session=session, status_code=status_code, values=values,
        errors=errors.by_field, summary=errors.summary(), labels=rf.LABELS,
        fingers=rf.FINGERS, irises=rf.IRISES, desa=_desa_choices(),
        idempotency_key=values.get("kunci") or str(uuid.uuid4()),
        photo_max_kb=PHOTO_BYTES[1] // 1000)


@router.get("/perekaman")
async def recording_form(request: Request, session: Operator) -> HTMLResponse:
    return _recording_page(request, session, values={}, errors=rf.FormErrors())


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


@router.post("/perekaman")
async def record(request: Request, session: Operator, settings: SettingsDep) -> Response:
    form = await request.form()
    if not _same(form.get("csrf_token"), session.csrf_token):
        return _csrf_refused(request, session)
    text, uploads = await _split(form)
    errors = rf.form_errors(text, handlers.RECORDING_CHOICES)
    if errors:
        return _recording_page(request, session, values=text, errors=errors, status_code=422)
    text["tanggal_lahir"] = rf.birth_date(*(text.get(f"tanggal_lahir-{p}", "")
                                            for p in ("hari", "bulan", "tahun")))
    try:
        recorded = await handlers.record(settings, session, rf.request_body(text, uploads),
                                         text.get("kunci") or None)
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        errors = rf.FormErrors()
        problem = exc.problem
        listed = getattr(problem, "errors", None)
        if isinstance(listed, list) and listed:
            for item in listed:
                errors.add(rf.form_field_of(item.field), item.message)
        else:
            field = getattr(problem, "field", None)
            errors.add(rf.form_field_of(field) if isinstance(field, str) else None,
                       exc.message)
        return _recording_page(request, session, values=text, errors=errors,
                               status_code=exc.status if exc.status < 500 else 400)
    return pages.render(request, "recorded.html", session=session, recorded=recorded)


def build_app(settings: Settings | None = None, *, workers: bool = True) -> FastAPI:
    from . import ruang_cetak  # its screens use this module's CSRF and outage pages

    settings = settings or Settings()
    app = create_app(
        title="e-KTP office web app",
        description="The office's pages (HTML, not in this document): sign-in, perekaman.",
        runtime=build_runtime(settings), routers=[router, gudang.router, ruang_cetak.router],
        workers=workers)
    app.mount("/static", StaticFiles(directory=str(files("ektp_web") / "static")),
              name="static")
    app.middleware("http")(pages.security_headers)

    @app.exception_handler(NotSignedIn)
    async def to_sign_in(request: Request, exc: NotSignedIn) -> Response:
        target = "/masuk?sesi=berakhir" if exc.ended else "/masuk"
        response = RedirectResponse(target, status_code=303)
        if exc.ended:
            response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    @app.exception_handler(NotAllowed)
    async def refused(request: Request, exc: NotAllowed) -> Response:
        return pages.render(
            request, "refused.html", session=exc.session, status_code=403,
            title="Anda tidak dapat membuka halaman ini",
            message=f"Halaman ini untuk {ROLE_NAMES[exc.screen_role].lower()}. Anda masuk "
                    f"sebagai {ROLE_NAMES.get(exc.session.role, exc.session.role).lower()}.")

    @app.exception_handler(ServiceDown)
    async def down(request: Request, exc: ServiceDown) -> Response:
        return _down(request, None, exc)

    return app
