"""The store's screens (gudang blangko, issue #11): receipts, issues and returns, stock
opname, destructions with their berita acara, the reconciliation report. Everything is
inventory's to judge and to keep: the pages send what the storekeeper typed with the
storekeeper's own token, and show inventory's problems beside the fields."""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
import uuid
from http import HTTPStatus
from typing import Any, Literal

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from ektp_client_inventory.api.destructions import get_berita_acara, post_destruction
from ektp_client_inventory.api.issues import post_issue
from ektp_client_inventory.api.receipts import post_receipt, upload_receipt
from ektp_client_inventory.api.reports import get_reconciliation
from ektp_client_inventory.api.returns import post_return
from ektp_client_inventory.api.stock import get_request_letter, get_stock
from ektp_client_inventory.api.stock_counts import post_stock_count
from ektp_client_inventory.models import (
    BodyUploadReceipt,
    DestructionIn,
    IssueIn,
    Problem,
    ReceiptIn,
    ReturnIn,
    StockCountIn,
)
from ektp_client_inventory.types import UNSET, File
from ektp_client_inventory.types import Response as InventoryAnswer
from ektp_shared.answers import Refused, refusal
from ektp_shared.office import current as current_office

from ..adapters import services
from ..adapters.services import ServiceDown
from ..adapters.sessions import WebSession
from . import pages
from .deps import SettingsDep, Storekeeper

router = APIRouter(include_in_schema=False, prefix="/gudang")

# inventory's field (first part of its dotted path) -> the form's field
FIELDS = {"letter_number": "nomor_surat", "letter_date": "tanggal_surat", "file": "berkas",
          "quantity": "jumlah", "serials": "serial_awal", "ranges": "serial_awal",
          "witnesses": "saksi1_nama", "destroyed_on": "tanggal", "place": "tempat",
          "method": "cara", "reason": "alasan", "returned_from": "dari",
          "returned_to": "ke", "location": "lokasi", "from": "dari", "to": "sampai"}
PLACES = {"store": "Gudang", "print-room": "Ruang cetak", "ministry": "Kementerian",
          "resident": "Pada penduduk (tercetak)", "destroyed": "Dimusnahkan",
          "written-off": "Dihapusbukukan"}
STATES = {"IN_STORE": "Di gudang", "ISSUED": "Di ruang cetak", "USED": "Tercetak",
          "SPOILED": "Rusak", "DESTROYED": "Dimusnahkan",
          "RETURNED": "Dikembalikan ke kementerian", "ADJUSTED": "Dihapusbukukan"}


class FormErrors(dict[str, str]):
    def add(self, field: str | None, message: str) -> None:
        self.setdefault(field or "", message)


def _refused_errors(exc: Refused, form_serials: str = "serial_awal") -> FormErrors:
    errors = FormErrors()
    problem = exc.problem
    listed = getattr(problem, "errors", None)
    items = ([(item.field, item.message) for item in listed] if isinstance(listed, list)
             and listed else [(getattr(problem, "field", None), exc.message)])
    for field, message in items:
        head = field.split(".", 1)[0] if isinstance(field, str) else None
        name = FIELDS.get(head or "")
        if name == "serial_awal":
            name = form_serials
        errors.add(name, message)
    return errors


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _serials(text: str) -> list[str]:
    # Typed or pasted from a reader: one per line, or separated by spaces or commas.
    return [s for s in re.split(r"[\s,;]+", text) if s]


def _ranges(values: dict[str, str]) -> list[dict[str, str]]:
    first, last = values.get("serial_awal", "").strip(), values.get("serial_akhir", "").strip()
    if not first and not last:
        return []
    return [{"first": first, "last": last or first}]


async def _form(request: Request, session: WebSession) -> tuple[dict[str, str], bytes] | None:
    form = await request.form()
    token = form.get("csrf_token")
    if not isinstance(token, str) or not secrets.compare_digest(token.encode(),
                                                                session.csrf_token.encode()):
        return None
    values: dict[str, str] = {}
    upload = b""
    for name, value in form.multi_items():
        if isinstance(value, str):
            values[name] = value
        elif isinstance(value, UploadFile):
            upload = await value.read()
    return values, upload


def _page(request: Request, session: WebSession, template: str, *, status_code: int = 200,
          values: dict[str, str] | None = None, errors: FormErrors | None = None,
          **context: Any) -> HTMLResponse:
    errors = errors or FormErrors()
    summary = [(field, message) for field, message in errors.items()]
    values = dict(values or {})
    values.setdefault("kunci", str(uuid.uuid4()))
    return pages.render(request, template, session=session, status_code=status_code,
                        values=values, errors=errors, summary=summary, places=PLACES, states=STATES,
                        **context)


def _down(request: Request, session: WebSession, exc: ServiceDown) -> HTMLResponse:
    return pages.render(request, "service_down.html", session=session, status_code=503,
                        service=exc.name)


def _csrf(request: Request, session: WebSession) -> HTMLResponse:
    return pages.render(
        request, "refused.html", session=session, status_code=403,
        title="Formulir tidak diterima",
        message="Formulir ini tidak dapat diterima karena token keamanannya tidak cocok. "
                "Muat ulang halaman, lalu isi dan kirim lagi.")


def _status(exc: Refused) -> int:
    return exc.status if exc.status < 500 else 400


def _key(values: dict[str, str]) -> str | Any:
    return values.get("kunci") or UNSET


# --- the store's overview ----------------------------------------------------------------


@router.get("")
async def overview(request: Request, session: Storekeeper,
                   settings: SettingsDep) -> HTMLResponse:
    try:
        stock = await services.answer("inventory", get_stock.asyncio_detailed(
            client=services.inventory(settings, session.access_token)))
    except ServiceDown as exc:
        return _down(request, session, exc)
    return _page(request, session, "gudang/overview.html", stock=stock.to_dict())


# --- receipts ----------------------------------------------------------------------------


@router.get("/penerimaan")
async def receipt_form(request: Request, session: Storekeeper) -> HTMLResponse:
    return _page(request, session, "gudang/receipt.html")


@router.post("/penerimaan")
async def receive(request: Request, session: Storekeeper, settings: SettingsDep) -> Response:
    got = await _form(request, session)
    if got is None:
        return _csrf(request, session)
    values, upload = got
    errors = FormErrors()
    letter_date = _date(values.get("tanggal_surat", ""))
    if not values.get("nomor_surat", "").strip():
        errors.add("nomor_surat", "Masukkan nomor surat pengantar")
    if letter_date is None:
        errors.add("tanggal_surat", "Masukkan tanggal surat seperti 2026-12-01")
    jumlah = values.get("jumlah", "").strip()
    if jumlah and not jumlah.isdigit():
        errors.add("jumlah", "Jumlah ditulis dengan angka")
    if not upload and not _ranges(values):
        errors.add("serial_awal", "Masukkan serial awal dan akhir, atau pilih berkas UID chip")
    if errors or letter_date is None:
        return _page(request, session, "gudang/receipt.html", status_code=422,
                     values=values, errors=errors)
    client = services.inventory(settings, session.access_token)
    quantity = int(jumlah) if jumlah else None
    try:
        if upload:
            done = await services.answer("inventory", upload_receipt.asyncio_detailed(
                client=client, idempotency_key=_key(values), body=BodyUploadReceipt(
                    file=File(payload=io.BytesIO(upload), file_name="uid.txt",
                              mime_type="text/plain"),
                    letter_date=letter_date, letter_number=values["nomor_surat"].strip(),
                    # None would go as the text "None": leave the part out instead.
                    quantity=quantity if quantity is not None else UNSET)))
        else:
            done = await services.answer("inventory", post_receipt.asyncio_detailed(
                client=client, idempotency_key=_key(values), body=ReceiptIn.from_dict({
                    "letter_number": values["nomor_surat"].strip(),
                    "letter_date": letter_date.isoformat(), "ranges": _ranges(values),
                    **({"quantity": quantity} if quantity else {})})))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        target = "berkas" if upload else "serial_awal"
        return _page(request, session, "gudang/receipt.html", status_code=_status(exc),
                     values=values, errors=_refused_errors(exc, target))
    return _page(request, session, "gudang/done.html", title="Penerimaan tercatat",
                 rows=[("Nomor batch", done.batch_reference),
                       ("Nomor surat", done.letter_number),
                       ("Jumlah blangko", done.quantity),
                       ("Serial", f"{done.first_serial} s.d. {done.last_serial}")])


# --- issues to the print room, and returns ------------------------------------------------


@router.get("/pengeluaran")
async def issue_form(request: Request, session: Storekeeper) -> HTMLResponse:
    return _page(request, session, "gudang/issue.html")


@router.post("/pengeluaran")
async def issue(request: Request, session: Storekeeper, settings: SettingsDep) -> Response:
    got = await _form(request, session)
    if got is None:
        return _csrf(request, session)
    values, _ = got
    jumlah = values.get("jumlah", "").strip()
    errors = FormErrors()
    if jumlah and not jumlah.isdigit():
        errors.add("jumlah", "Jumlah ditulis dengan angka")
    if not jumlah and not _ranges(values):
        errors.add("serial_awal", "Masukkan serial awal dan akhir, atau jumlah blangko")
    if errors:
        return _page(request, session, "gudang/issue.html", status_code=422, values=values,
                     errors=errors)
    body: dict[str, Any] = {"ranges": _ranges(values)}
    if jumlah and not body["ranges"]:
        body["quantity"] = int(jumlah)
    try:
        done = await services.answer("inventory", post_issue.asyncio_detailed(
            client=services.inventory(settings, session.access_token),
            idempotency_key=_key(values), body=IssueIn.from_dict(body)))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return _page(request, session, "gudang/issue.html", status_code=_status(exc),
                     values=values, errors=_refused_errors(exc))
    return _page(request, session, "gudang/done.html", title="Blangko dikeluarkan",
                 rows=[("Nomor pengeluaran", done.reference), ("Ke", PLACES.get(
                     str(done.to), str(done.to))), ("Jumlah blangko", done.quantity),
                       ("Serial", f"{done.serials[0]} s.d. {done.serials[-1]}"
                        if done.serials else "-")])


@router.get("/pengembalian")
async def return_form(request: Request, session: Storekeeper) -> HTMLResponse:
    return _page(request, session, "gudang/return.html",
                 values={"dari": "print-room", "ke": "store"})


@router.post("/pengembalian")
async def give_back(request: Request, session: Storekeeper, settings: SettingsDep) -> Response:
    got = await _form(request, session)
    if got is None:
        return _csrf(request, session)
    values, _ = got
    if not _ranges(values):
        return _page(request, session, "gudang/return.html", status_code=422, values=values,
                     errors=FormErrors(serial_awal="Masukkan serial awal dan akhir"))
    body: dict[str, Any] = {"returned_from": values.get("dari", ""),
                            "returned_to": values.get("ke", ""), "ranges": _ranges(values),
                            "reason": values.get("alasan", "").strip()}
    if values.get("nomor_surat", "").strip():
        body["letter_number"] = values["nomor_surat"].strip()
    try:
        done = await services.answer("inventory", post_return.asyncio_detailed(
            client=services.inventory(settings, session.access_token),
            idempotency_key=_key(values), body=ReturnIn.from_dict(body)))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except (Refused, ValueError) as exc:  # ValueError: a place not of the contract's choices
        errors = (_refused_errors(exc) if isinstance(exc, Refused)
                  else FormErrors(dari="Pilih asal dan tujuan dari daftar"))
        return _page(request, session, "gudang/return.html", status_code=422, values=values,
                     errors=errors)
    return _page(request, session, "gudang/done.html", title="Pengembalian tercatat",
                 rows=[("Nomor pengembalian", done.reference),
                       ("Dari", PLACES.get(str(done.returned_from), str(done.returned_from))),
                       ("Ke", PLACES.get(str(done.returned_to), str(done.returned_to))),
                       ("Jumlah blangko", done.quantity)])


# --- stock opname -----------------------------------------------------------------------


@router.get("/opname")
async def count_form(request: Request, session: Storekeeper) -> HTMLResponse:
    return _page(request, session, "gudang/count.html", values={"lokasi": "store"})


@router.post("/opname")
async def count(request: Request, session: Storekeeper, settings: SettingsDep) -> Response:
    got = await _form(request, session)
    if got is None:
        return _csrf(request, session)
    values, _ = got
    serials = _serials(values.get("serial", ""))
    try:
        done = await services.answer("inventory", post_stock_count.asyncio_detailed(
            client=services.inventory(settings, session.access_token),
            idempotency_key=_key(values), body=StockCountIn.from_dict(
                {"location": values.get("lokasi", ""), "serials": serials})))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except (Refused, ValueError) as exc:
        errors = (_refused_errors(exc, "serial") if isinstance(exc, Refused)
                  else FormErrors(lokasi="Pilih lokasi dari daftar"))
        return _page(request, session, "gudang/count.html", status_code=422, values=values,
                     errors=errors)
    return _page(request, session, "gudang/counted.html", count=done.to_dict())


# --- destructions -------------------------------------------------------------------------


@router.get("/pemusnahan")
async def destruction_form(request: Request, session: Storekeeper) -> HTMLResponse:
    return _page(request, session, "gudang/destruction.html", values={
        "tanggal": current_office().today().isoformat(), "tempat": current_office().kantor,
        "cara": "dipotong dan dibakar"})


@router.post("/pemusnahan")
async def destroy(request: Request, session: Storekeeper, settings: SettingsDep) -> Response:
    got = await _form(request, session)
    if got is None:
        return _csrf(request, session)
    values, _ = got
    destroyed_on = _date(values.get("tanggal", ""))
    if destroyed_on is None:
        return _page(request, session, "gudang/destruction.html", status_code=422,
                     values=values,
                     errors=FormErrors(tanggal="Masukkan tanggal seperti 2026-12-01"))
    witnesses = [{"nama": values.get(f"saksi{n}_nama", "").strip(),
                  "nip": values.get(f"saksi{n}_nip", "").strip(),
                  "jabatan": values.get(f"saksi{n}_jabatan", "").strip()} for n in (1, 2, 3)]
    witnesses = [w for w in witnesses if any(w.values())]
    body = {"destroyed_on": destroyed_on.isoformat(), "ranges": _ranges(values),
            "serials": _serials(values.get("serial_lain", "")), "witnesses": witnesses,
            "place": values.get("tempat", "").strip() or current_office().kantor,
            "method": values.get("cara", "").strip() or "dipotong dan dibakar"}
    try:
        done = await services.answer("inventory", post_destruction.asyncio_detailed(
            client=services.inventory(settings, session.access_token),
            idempotency_key=_key(values), body=DestructionIn.from_dict(body)))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return _page(request, session, "gudang/destruction.html", status_code=_status(exc),
                     values=values, errors=_refused_errors(exc))
    return _page(request, session, "gudang/done.html", title="Pemusnahan tercatat",
                 rows=[("Nomor berita acara", done.reference),
                       ("Tanggal", done.destroyed_on.isoformat()),
                       ("Jumlah blangko", done.quantity)],
                 download=(f"/gudang/pemusnahan/{done.reference}/berita-acara.pdf",
                           "Unduh berita acara pemusnahan (PDF)"))


def _attachment(content: bytes, media_type: str, filename: str) -> Response:
    return Response(content, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store"})


@router.get("/pemusnahan/{reference}/berita-acara.pdf")
async def berita_acara(request: Request, reference: str, session: Storekeeper,
                       settings: SettingsDep) -> Response:
    try:
        pdf = await services.answer("inventory", get_berita_acara.asyncio_detailed(
            reference, client=services.inventory(settings, session.access_token)))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return pages.render(request, "refused.html", session=session,
                            status_code=_status(exc), title="Berita acara tidak ada",
                            message=exc.message)
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", reference)
    return _attachment(pdf.payload.read(), "application/pdf", f"berita-acara-{safe}.pdf")


# --- the reconciliation report and the request letter ------------------------------------


@router.get("/laporan")
async def report_form(request: Request, session: Storekeeper) -> HTMLResponse:
    today = current_office().today()
    return _page(request, session, "gudang/report.html", values={
        "dari": today.replace(day=1).isoformat(), "sampai": today.isoformat()})


async def _raw(settings: SettingsDep, session: WebSession, kwargs: dict[str, Any]) -> bytes:
    # The report and the letter come as CSV, text or PDF, which the generated parser (JSON
    # only) cannot read: the request is the generated one, the body is taken as it is.
    client = services.inventory(settings, session.access_token)
    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.TransportError as exc:
        raise ServiceDown("inventory") from exc
    if response.status_code >= 500:
        raise ServiceDown("inventory")
    if response.status_code >= 400:
        raise refusal(InventoryAnswer(status_code=HTTPStatus(response.status_code),
                                      content=response.content, headers=response.headers,
                                      parsed=Problem.from_dict(response.json())))
    return response.content


@router.get("/laporan/unduh")
async def report(request: Request, session: Storekeeper, settings: SettingsDep) -> Response:
    params = request.query_params
    start, end = _date(params.get("dari", "")), _date(params.get("sampai", ""))
    kind: Literal["csv", "pdf"] = "csv" if params.get("format") == "csv" else "pdf"
    values = {"dari": params.get("dari", ""), "sampai": params.get("sampai", "")}
    if start is None or end is None:
        errors = FormErrors()
        if start is None:
            errors.add("dari", "Masukkan tanggal awal seperti 2026-12-01")
        if end is None:
            errors.add("sampai", "Masukkan tanggal akhir seperti 2026-12-31")
        return _page(request, session, "gudang/report.html", status_code=422, values=values,
                     errors=errors)
    try:
        content = await _raw(settings, session, get_reconciliation._get_kwargs(
            from_=start, to=end, format_=kind))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return _page(request, session, "gudang/report.html", status_code=_status(exc),
                     values=values, errors=_refused_errors(exc))
    name = f"rekonsiliasi-{start.isoformat()}-{end.isoformat()}.{kind}"
    return _attachment(content, "application/pdf" if kind == "pdf" else "text/csv", name)


@router.get("/surat-permintaan.pdf")
async def request_letter(request: Request, session: Storekeeper,
                         settings: SettingsDep) -> Response:
    try:
        content = await _raw(settings, session, get_request_letter._get_kwargs(format_="pdf"))
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        return pages.render(request, "refused.html", session=session,
                            status_code=_status(exc), title="Surat belum dapat dibuat",
                            message=exc.message)
    return _attachment(content, "application/pdf", "surat-permintaan-blangko.pdf")
