"""Akun: one's own password (every role). A supervisor's new account or reset leaves a
temporary password; until it is changed here no other screen opens (deps.signed_in)."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ektp_shared.answers import Refused

from .. import handlers
from ..adapters.services import ServiceDown
from ..adapters.sessions import WebSession
from . import pages
from .deps import PASSWORD_PAGE, SESSION_COOKIE, PoolDep, SettingsDep, SignedIn

router = APIRouter(include_in_schema=False)
FIELDS = ("current_password", "new_password", "confirm_password")


def _password_page(request: Request, session: WebSession, errors: dict[str, str],
                   status_code: int = 200) -> HTMLResponse:
    return pages.render(request, "akun/password.html", session=session, errors=errors,
                        summary=[(f, errors[f]) for f in FIELDS if f in errors],
                        status_code=status_code)


def _in_indonesian(field: str | None, message: str) -> tuple[str, str]:
    """Accounts' password rules (ektp_accounts.domain.accounts.check_password) in the
    office's words; the rule's figures come from accounts, so its settings stay the truth."""
    if field == "current_password":
        return field, "Kata sandi sekarang salah."
    if m := re.search(r"at least (\d+) characters", message):
        return "new_password", f"Kata sandi baru paling sedikit {m[1]} karakter."
    if m := re.search(r"at most (\d+) characters", message):
        return "new_password", f"Kata sandi baru paling banyak {m[1]} karakter."
    if "username" in message:
        return "new_password", "Kata sandi baru tidak boleh memuat nama pengguna."
    return "new_password", "Kata sandi baru tidak dapat dipakai. Pilih yang lain."


@router.get(PASSWORD_PAGE)
async def password_form(request: Request, session: SignedIn) -> HTMLResponse:
    return _password_page(request, session, {})


@router.post(PASSWORD_PAGE)
async def change_password(request: Request, session: SignedIn, pool: PoolDep,
                          settings: SettingsDep) -> Response:
    from .api import _csrf_refused, _down, _same

    form = await request.form()
    if not _same(form.get("csrf_token"), session.csrf_token):
        return _csrf_refused(request, session)
    current, new, confirm = (str(form.get(f) or "") for f in FIELDS)
    errors: dict[str, str] = {}
    if not current:
        errors[FIELDS[0]] = "Masukkan kata sandi sekarang."
    if not new:
        errors[FIELDS[1]] = "Masukkan kata sandi baru."
    elif new == current:
        errors[FIELDS[1]] = "Kata sandi baru harus berbeda dari yang sekarang."
    if new and confirm != new:
        errors[FIELDS[2]] = "Ketik kata sandi baru yang sama dua kali."
    if errors:
        return _password_page(request, session, errors, status_code=400)
    try:
        fresh = await handlers.change_password(pool, settings, session, current=current,
                                               new=new)
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        field, message = _in_indonesian(getattr(exc.problem, "field", None), exc.message)
        return _password_page(request, session, {field: message}, status_code=exc.status)
    response = pages.render(request, "akun/changed.html", session=fresh)
    response.set_cookie(SESSION_COOKIE, fresh.id, httponly=True, samesite="strict",
                        secure=settings.cookie_secure, path="/")
    return response
