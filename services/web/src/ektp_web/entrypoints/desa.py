"""The village mode (issue #16): the pages an officer carries to a desa with no network.

The pages are shells with no one's data in them (the device's IndexedDB holds the worklist
and the records; static/desa.js fills the page), so the service worker (``/sw.js``) keeps
them and they open offline. What needs the office goes through this app's JSON routes
under ``/desa/api``, with the officer's web session and its CSRF token in a header: the
worklist, the device's kit registration, and the records in batches for enrollment."""

from __future__ import annotations

import hashlib
import json
import secrets
from functools import cache
from importlib.resources import files
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ektp_shared.answers import Refused
from ektp_shared.problems import Problem

from .. import handlers
from .. import village as calls
from ..adapters.services import ServiceDown
from ..adapters.sessions import WebSession
from ..domain.menus import may_open
from . import pages
from .deps import SESSION_COOKIE, PoolDep, SettingsDep
from .perekaman import OUTCOME_NAMES, _desa_choices

router = APIRouter(include_in_schema=False)

# The shells, each at its address under the worker's scope (/desa/).
SHELLS = {"/desa/": "desa/ringkasan.html", "/desa/siapkan": "desa/siapkan.html",
          "/desa/daftar": "desa/daftar.html", "/desa/rekam": "desa/rekam.html"}
STATIC = ("web.css", "desa.js", "perekaman.js", "nacl-fast.min.js", "desa-ikon.svg")
MANIFEST = "/desa/manifest.webmanifest"
CSRF_HEADER = "X-CSRF-Token"


def _shell_html(template: str, batch: int) -> str:
    from ..domain import recording_form as rf

    return pages.ENV.get_template(template).render(
        session=None, batch=batch, desa=_desa_choices(), outcome_names=OUTCOME_NAMES,
        labels=rf.LABELS, fingers=rf.FINGERS, irises=rf.IRISES, values={}, errors={},
        summary=[])


@cache
def worker_version(batch: int) -> str:
    """Changes whenever a kept page or file does: the worker then fetches them all anew."""
    digest = hashlib.sha256()
    for template in SHELLS.values():
        digest.update(_shell_html(template, batch).encode())
    for name in (*STATIC, "desa-sw.js"):
        digest.update((files("ektp_web") / "static" / name).read_bytes())
    return digest.hexdigest()[:16]


def _shell(path: str, batch: int) -> HTMLResponse:
    # Nobody's data in it: the browser may keep it (the worker does), but asks each time.
    return HTMLResponse(_shell_html(SHELLS[path], batch),
                        headers={"Cache-Control": "no-cache"})


@router.get("/desa")
async def village_root() -> Response:
    return Response(status_code=308, headers={"Location": "/desa/"})


@router.get("/desa/")
async def overview(settings: SettingsDep) -> HTMLResponse:
    return _shell("/desa/", settings.village_batch_size)


@router.get("/desa/siapkan")
async def prepare(settings: SettingsDep) -> HTMLResponse:
    return _shell("/desa/siapkan", settings.village_batch_size)


@router.get("/desa/daftar")
async def worklist_page(settings: SettingsDep) -> HTMLResponse:
    return _shell("/desa/daftar", settings.village_batch_size)


@router.get("/desa/rekam")
async def recording_page(settings: SettingsDep) -> HTMLResponse:
    return _shell("/desa/rekam", settings.village_batch_size)


@router.get("/sw.js")
async def service_worker(settings: SettingsDep) -> Response:
    """At the root so it may control /desa/ (a worker's scope is at most its own folder)."""
    script = (files("ektp_web") / "static" / "desa-sw.js").read_text()
    kept = [*SHELLS, *(f"/static/{name}" for name in STATIC), MANIFEST]
    script = (script.replace("__VERSION__", worker_version(settings.village_batch_size))
              .replace("__KEPT__", json.dumps(kept)))
    return Response(script, media_type="text/javascript",
                    headers={"Cache-Control": "no-cache"})


@router.get(MANIFEST)
async def manifest() -> JSONResponse:
    from ektp_shared.office import current as current_office

    office = current_office()
    return JSONResponse({
        "name": f"e-KTP {office.short_name}: mode desa", "short_name": "e-KTP desa",
        "description": "Cek lapangan dan perekaman di desa, juga tanpa jaringan.",
        "lang": "id", "start_url": "/desa/", "scope": "/desa/", "display": "standalone",
        "background_color": "#ffffff", "theme_color": "#0b0c0c",
        "icons": [{"src": "/static/desa-ikon.svg", "sizes": "any", "type": "image/svg+xml",
                   "purpose": "any"}],
    }, media_type="application/manifest+json", headers={"Cache-Control": "no-cache"})


# --- the JSON routes (signed in at the office) ------------------------------------------------


async def village_session(request: Request, pool: PoolDep, settings: SettingsDep) -> WebSession:
    """The officer's session, or a problem the page can read (never a redirect to sign-in:
    the page keeps its records and says to sign in again)."""
    session_id = request.cookies.get(SESSION_COOKIE)
    session = await handlers.current(pool, settings, session_id) if session_id else None
    if session is None:
        raise Problem(401, "Not signed in", "Masuk dulu di aplikasi kantor, lalu coba lagi.",
                      type="not-signed-in")
    if session.must_change_password:
        raise Problem(403, "Forbidden", "Ganti kata sandi sementara dulu.", type="forbidden")
    if not may_open(session.role, "operator"):
        raise Problem(403, "Forbidden", "Mode desa untuk operator perekaman.", type="forbidden")
    return session


Officer = Annotated[WebSession, Depends(village_session)]


def _check_csrf(request: Request, session: WebSession) -> None:
    sent = request.headers.get(CSRF_HEADER, "")
    if not (sent and secrets.compare_digest(sent.encode(), session.csrf_token.encode())):
        raise Problem(403, "Forbidden", "Token keamanan tidak cocok; muat ulang halaman.",
                      type="csrf-refused")


async def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise Problem(422, "Invalid request", "Isi permintaan harus objek JSON.",
                      type="validation-error", errors=[{"field": "body",
                                                        "message": "harus objek JSON"}])
    return body


def _refused(exc: Refused) -> JSONResponse:
    status = exc.status if 400 <= exc.status < 500 else 502
    try:
        doc = json.loads(exc.text)
    except ValueError:
        doc = None
    if not isinstance(doc, dict):
        doc = {"title": exc.title or "Refused", "detail": exc.message, "status": status}
    return JSONResponse(doc, status_code=status, media_type="application/problem+json")


def _down(exc: ServiceDown) -> JSONResponse:
    return JSONResponse({"type": "about:blank", "title": "Service down", "status": 503,
                         "detail": f"{exc.name[:1].upper()}{exc.name[1:]} tidak dapat "
                                   "dihubungi; catatan tetap di perangkat."},
                        status_code=503, media_type="application/problem+json")


@router.get("/desa/api/sesi")
async def who(session: Officer) -> dict[str, str]:
    """Who prepares or syncs the device, and the token its requests carry."""
    return {"username": session.username, "name": session.name, "role": session.role,
            "csrf_token": session.csrf_token}


@router.get("/desa/api/daftar")
async def worklist(request: Request, session: Officer, settings: SettingsDep) -> Response:
    desa = request.query_params.get("desa", "").strip()
    if not desa:
        raise Problem(422, "Invalid request", "Pilih desa.", type="validation-error",
                      errors=[{"field": "desa", "message": "Pilih desa"}])
    try:
        return JSONResponse(await calls.worklist(settings, session, desa),
                            headers={"Cache-Control": "no-store"})
    except ServiceDown as exc:
        return _down(exc)
    except Refused as exc:
        return _refused(exc)


@router.post("/desa/api/kit")
async def register_kit(request: Request, session: Officer, settings: SettingsDep) -> Response:
    _check_csrf(request, session)
    body = await _json_body(request)
    try:
        kit = await calls.register_kit(settings, session, str(body.get("kit_id", "")),
                                       str(body.get("public_key", "")),
                                       str(body.get("label", "")))
    except ServiceDown as exc:
        return _down(exc)
    except Refused as exc:
        return _refused(exc)
    return JSONResponse(kit)


@router.post("/desa/api/kirim")
async def send(request: Request, session: Officer, settings: SettingsDep) -> Response:
    """One batch of the device's signed records, to enrollment as they are: enrollment
    checks each signature against the kit's key and remembers each (kit, record_id)."""
    _check_csrf(request, session)
    body = await _json_body(request)
    kit_id, records = body.get("kit_id"), body.get("records")
    if not isinstance(kit_id, str) or not kit_id or not isinstance(records, list) or not (
            1 <= len(records) <= calls.BATCH) or not all(isinstance(r, dict) for r in records):
        raise Problem(422, "Invalid request", f"kit_id dan 1 sampai {calls.BATCH} catatan.",
                      type="validation-error",
                      errors=[{"field": "records",
                               "message": f"1 sampai {calls.BATCH} catatan"}])
    try:
        status, answer = await calls.send_records(settings, session, kit_id, records)
    except ServiceDown as exc:
        return _down(exc)
    return JSONResponse(answer, status_code=status,
                        media_type="application/json" if status < 400
                        else "application/problem+json")
