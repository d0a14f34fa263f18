"""The recording counter's screens (perekaman, role operator; supervisors and admins too):
the recording form. Enrollment judges and keeps everything; the pages send what the clerk
typed and chose with the clerk's own token, and show enrollment's problems beside the fields."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData, UploadFile

from ektp_shared.answers import Refused
from ektp_shared.limits import PHOTO_BYTES
from ektp_shared.wilayah import boltim_desa, boltim_kecamatan, kecamatan_of_desa

from .. import handlers
from ..adapters.services import ServiceDown
from ..adapters.sessions import WebSession
from ..domain import recording_form as rf
from . import pages
from .api import _csrf_refused, _down, _same
from .deps import Operator, SettingsDep

router = APIRouter(include_in_schema=False)
FileLike = UploadFile


def _desa_choices() -> list[tuple[str, str]]:
    kecamatan = boltim_kecamatan()
    return [(kode, f"{desa.nama} (Kec. {kecamatan[kecamatan_of_desa(kode)].nama})")
            for kode, desa in sorted(boltim_desa().items(), key=lambda kv: kv[1].nama)]


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
