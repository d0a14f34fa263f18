"""The print room's screens (role printer; supervisors and admins too): the queue, the
printers and their status, the cards to check after a power cut, the card counter and the
Suket. Everything comes from printing's API; when printing does not answer, these screens
say so (503) and the rest of the app keeps working."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ektp_shared.answers import Refused

from .. import print_room as pr
from ..adapters.services import ServiceDown
from ..adapters.sessions import WebSession
from . import pages
from .api import _csrf_refused, _same
from .deps import Printer, SettingsDep

router = APIRouter(prefix="/ruang-cetak", include_in_schema=False)


def _field_errors(exc: Refused, fields: dict[str, str], default: str) -> dict[str, str]:
    """Printing's problem, beside the form field it names (its body field -> ours)."""
    errors: dict[str, str] = {}
    listed = getattr(exc.problem, "errors", None)
    if isinstance(listed, list) and listed:
        for item in listed:
            name = str(item.field).rsplit(".", 1)[-1]
            errors.setdefault(fields.get(name, default), item.message)
    else:
        field = getattr(exc.problem, "field", None)
        name = field.rsplit(".", 1)[-1] if isinstance(field, str) else ""
        errors[fields.get(name, default)] = exc.message
    return errors


def _down(request: Request, session: WebSession) -> HTMLResponse:
    return _page(request, session, "down.html", status_code=503)


def _summary(errors: dict[str, str]) -> list[tuple[str, str]]:
    return list(errors.items())


def _page(request: Request, session: WebSession, template: str, *, status_code: int = 200,
          **context: Any) -> HTMLResponse:
    return pages.render(request, f"ruang_cetak/{template}", session=session,
                        status_code=status_code, **context)


async def _form(request: Request, session: WebSession) -> dict[str, str] | None:
    form = await request.form()
    if not _same(form.get("csrf_token"), session.csrf_token):
        return None
    return {k: v.strip() for k, v in form.items() if isinstance(v, str)}


# --- the queue and the printers -----------------------------------------------------------


@router.get("")
async def overview(request: Request, session: Printer, settings: SettingsDep) -> Response:
    try:
        jobs = await pr.queue(settings, session)
        printers = await pr.printers(settings, session)
    except ServiceDown:
        return _down(request, session)
    return _page(request, session, "overview.html", jobs=jobs, printers=printers,
                 to_check=[j for j in jobs if j.status == "NEEDS_CHECK"])


async def _printer_page(request: Request, session: WebSession, settings: SettingsDep,
                        printer_id: str, *, values: dict[str, str], errors: dict[str, str],
                        status_code: int = 200) -> Response:
    try:
        printer = await pr.printer(settings, session, printer_id)
    except ServiceDown:
        return _down(request, session)
    except Refused as exc:
        return pages.render(request, "refused.html", session=session, status_code=exc.status,
                            title="Printer tidak ditemukan", message=exc.message)
    return _page(request, session, "printer.html", status_code=status_code, printer=printer,
                 statuses=pr.PRINTER_STATUSES, values=values, errors=errors,
                 summary=_summary(errors))


@router.get("/printer/{printer_id}")
async def printer_form(request: Request, printer_id: str, session: Printer,
                       settings: SettingsDep) -> Response:
    return await _printer_page(request, session, settings, printer_id, values={}, errors={})


@router.post("/printer/{printer_id}")
async def printer_status(request: Request, printer_id: str, session: Printer,
                         settings: SettingsDep) -> Response:
    form = await _form(request, session)
    if form is None:
        return _csrf_refused(request, session)
    status, reason = form.get("status", ""), form.get("alasan", "")
    errors: dict[str, str] = {}
    if status not in pr.PRINTER_STATUSES:
        errors["status"] = "Pilih status printer"
    else:
        try:
            await pr.set_printer_status(settings, session, printer_id, status, reason)
        except ServiceDown:
            return _down(request, session)
        except Refused as exc:
            errors = _field_errors(exc, {"status": "status", "reason": "alasan"}, "alasan")
        else:
            return RedirectResponse("/ruang-cetak#printer", status_code=303)
    return await _printer_page(request, session, settings, printer_id, values=form,
                               errors=errors, status_code=422)


# --- cards to check after a power cut -------------------------------------------------------


async def _check_page(request: Request, session: WebSession, settings: SettingsDep,
                      job_id: str, *, error: str | None = None,
                      status_code: int = 200) -> Response:
    try:
        job = await pr.job(settings, session, job_id)
    except ServiceDown:
        return _down(request, session)
    except Refused as exc:
        return pages.render(request, "refused.html", session=session, status_code=exc.status,
                            title="Pekerjaan cetak tidak ditemukan", message=exc.message)
    errors = {"hasil": error} if error else {}
    return _page(request, session, "check.html", status_code=status_code, job=job,
                 errors=errors, summary=_summary(errors))


@router.get("/periksa/{job_id}")
async def check_form(request: Request, job_id: str, session: Printer,
                     settings: SettingsDep) -> Response:
    return await _check_page(request, session, settings, job_id)


@router.get("/periksa/{job_id}/pratinjau")
async def card_preview(job_id: str, session: Printer, settings: SettingsDep) -> Response:
    """The card image printing rendered, fetched with the clerk's token and served from here
    (the pages' CSP lets images come only from this address)."""
    try:
        png = await pr.preview(settings, session, job_id)
    except ServiceDown:
        return Response(status_code=503)
    except Refused as exc:
        return Response(status_code=exc.status)
    return Response(png, media_type="image/png",
                    headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


@router.post("/periksa/{job_id}")
async def check(request: Request, job_id: str, session: Printer,
                settings: SettingsDep) -> Response:
    form = await _form(request, session)
    if form is None:
        return _csrf_refused(request, session)
    outcome = form.get("hasil", "")
    if outcome not in pr.CHECK_OUTCOMES:
        return await _check_page(request, session, settings, job_id,
                                 error="Pilih bagaimana kartu keluar", status_code=422)
    try:
        job = await pr.check(settings, session, job_id, outcome, form.get("catatan", ""))
    except ServiceDown:
        return _down(request, session)
    except Refused as exc:
        return await _check_page(request, session, settings, job_id, error=exc.message,
                                 status_code=exc.status)
    return _page(request, session, "checked.html", job=job)


# --- the card counter ---------------------------------------------------------------------


@router.get("/serah-terima")
async def counter(request: Request, session: Printer, settings: SettingsDep,
                  nik: str = "") -> Response:
    nik = nik.strip()
    errors: dict[str, str] = {}
    jobs = None
    if nik:
        if not (len(nik) == 16 and nik.isdigit()):
            errors["nik"] = "NIK terdiri dari 16 angka"
        else:
            try:
                jobs = await pr.jobs_of(settings, session, nik)
            except ServiceDown:
                return _down(request, session)
            except Refused as exc:
                errors["nik"] = exc.message
    return _page(request, session, "counter.html", status_code=422 if errors else 200,
                 nik=nik, jobs=jobs, values={}, errors=errors, summary=_summary(errors),
                 key=str(uuid.uuid4()))


@router.post("/serah-terima")
async def hand_over(request: Request, session: Printer, settings: SettingsDep) -> Response:
    form = await _form(request, session)
    if form is None:
        return _csrf_refused(request, session)
    nik = form.get("nik", "")
    errors: dict[str, str] = {}
    if not form.get("penerima"):
        errors["penerima"] = "Tulis nama orang yang mengambil kartu"
    else:
        try:
            done = await pr.hand_over(settings, session, nik, form["penerima"],
                                      form.get("hubungan", ""), form.get("kunci"))
        except ServiceDown:
            return _down(request, session)
        except Refused as exc:
            errors = _field_errors(exc, {"handed_to": "penerima", "relationship": "hubungan",
                                         "nik": "penerima"}, "penerima")
        else:
            return _page(request, session, "handed_over.html", done=done)
    try:
        jobs = await pr.jobs_of(settings, session, nik) if len(nik) == 16 else []
    except (ServiceDown, Refused):
        jobs = []
    return _page(request, session, "counter.html", status_code=422, nik=nik, jobs=jobs,
                 values=form, errors=errors, summary=_summary(errors),
                 key=form.get("kunci") or str(uuid.uuid4()))


# --- Suket --------------------------------------------------------------------------------


@router.get("/suket")
async def suket_form(request: Request, session: Printer) -> Response:
    return _page(request, session, "suket.html", values={}, errors={}, summary=[],
                 key=str(uuid.uuid4()))


@router.post("/suket")
async def suket(request: Request, session: Printer, settings: SettingsDep) -> Response:
    form = await _form(request, session)
    if form is None:
        return _csrf_refused(request, session)
    nik = form.get("nik", "")
    errors: dict[str, str] = {}
    if not (len(nik) == 16 and nik.isdigit()):
        errors["nik"] = "NIK terdiri dari 16 angka"
    else:
        try:
            issued = await pr.suket(settings, session, nik, form.get("nama", ""),
                                    form.get("kunci"))
        except ServiceDown:
            return _down(request, session)
        except Refused as exc:
            errors = _field_errors(exc, {"nik": "nik", "nama": "nama"}, "nik")
        else:
            return _page(request, session, "suket_issued.html", suket=issued)
    return _page(request, session, "suket.html", status_code=422, values=form, errors=errors,
                 summary=_summary(errors), key=form.get("kunci") or str(uuid.uuid4()))


@router.get("/suket/{number}/pdf")
async def suket_pdf(number: str, session: Printer, settings: SettingsDep) -> Response:
    try:
        pdf = await pr.suket_document(settings, session, number)
    except ServiceDown:
        return Response("Layanan pencetakan tidak tersedia.", status_code=503)
    except Refused as exc:
        return Response(exc.message, status_code=exc.status)
    return Response(pdf, media_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="suket-{number}.pdf"',
        "Cache-Control": "no-store"})
