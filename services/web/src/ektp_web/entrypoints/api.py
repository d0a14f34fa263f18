"""The office web app (port 8080): server-rendered pages over the services' APIs. Its HTML
routes are no API: they stay out of the OpenAPI document (only the ops routes are in it)."""

from __future__ import annotations

import secrets
from importlib.resources import files
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from ektp_shared.answers import Refused
from ektp_shared.app import create_app

from .. import handlers
from ..adapters.services import ServiceDown
from ..adapters.sessions import WebSession
from ..bootstrap import build_runtime
from ..config import Settings
from ..domain.menus import ROLE_NAMES
from . import akun, dasbor, gudang, pages, supervisor
from .deps import (
    PASSWORD_PAGE,
    SESSION_COOKIE,
    SIGN_IN_COOKIE,
    MustChangePassword,
    NotAllowed,
    NotSignedIn,
    PoolDep,
    SettingsDep,
    SignedIn,
)

router = APIRouter(include_in_schema=False)


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
            response = RedirectResponse(
                PASSWORD_PAGE if session.must_change_password else "/", status_code=303)
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


def build_app(settings: Settings | None = None, *, workers: bool = True) -> FastAPI:
    # Their screens use this module's CSRF and outage pages: imported once it is loaded.
    from . import desa, konflik, perekaman, ruang_cetak

    settings = settings or Settings()
    app = create_app(
        title="e-KTP office web app",
        description="The office's pages (HTML, not in this document): sign-in, perekaman, "
                    "the village mode.",
        runtime=build_runtime(settings),
        routers=[router, perekaman.router, gudang.router, ruang_cetak.router, dasbor.router,
                 akun.router, supervisor.router, desa.router, konflik.router],
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

    @app.exception_handler(MustChangePassword)
    async def to_password_page(request: Request, exc: MustChangePassword) -> Response:
        return RedirectResponse(PASSWORD_PAGE, status_code=303)

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
