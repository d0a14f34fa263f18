"""The supervisor's conflicts of the village mode (issue #16): what enrollment held back
from a device's records instead of overwriting (two officers' outcomes for one resident, a
field check for someone already recorded, a recording of someone checked MENINGGAL), each
with a decision form. Enrollment keeps the conflicts and judges the decision."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ektp_shared.answers import Refused

from .. import village as calls
from ..adapters.services import ServiceDown
from ..adapters.sessions import WebSession
from . import pages
from .deps import SettingsDep, Supervisor
from .gudang import FormErrors, _csrf, _down, _form
from .perekaman import OUTCOME_NAMES, _desa_name

router = APIRouter(include_in_schema=False, prefix="/supervisor/konflik")
KINDS = {"OUTCOME_DIFFERS": "Hasil cek lapangan berbeda",
         "ALREADY_RECORDED": "Cek lapangan untuk penduduk yang sudah direkam",
         "RECORDING_AFTER_MENINGGAL": "Perekaman penduduk yang tercatat meninggal"}


def _said(value: Any) -> str:
    """A detail of the conflict in plain words (outcomes by their names)."""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_said(v)}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, list):
        return "; ".join(_said(v) for v in value)
    return OUTCOME_NAMES.get(str(value), str(value))


DETAIL_NAMES = {"checks": "Cek lapangan", "recording": "Perekaman", "message": "Keterangan",
                "enrollment_id": "Nomor perekaman", "field_check_id": "Nomor cek lapangan"}


def _check(check: Any) -> str:
    """One officer's check: who, what they found, when (the ids stay in the audit trail)."""
    if not isinstance(check, dict):
        return _said(check)
    when = str(check.get("checked_at") or "")[:16].replace("T", " ")
    note = f" ({check['note']})" if check.get("note") else ""
    return (f"{check.get('officer') or '-'}: {_said(check.get('outcome'))}{note}"
            + (f", {when}" if when else ""))


def _details(item: dict[str, Any]) -> list[tuple[str, str]]:
    """The conflict's details worth reading, by their Indonesian names; nothing empty."""
    details = item.get("details") or {}
    shown = []
    for k, v in details.items():
        if k == "choices" or v in (None, "", [], {}):
            continue
        said = "; ".join(_check(c) for c in v) if k == "checks" and isinstance(v, list) \
            else _said(v)
        shown.append((DETAIL_NAMES.get(str(k), str(k)), said))
    return shown


async def _list(request: Request, session: WebSession, settings: SettingsDep, *,
                errors: dict[str, FormErrors] | None = None,
                values: dict[str, dict[str, str]] | None = None,
                notice: str | None = None, status_code: int = 200) -> HTMLResponse:
    try:
        items = await calls.conflicts(settings, session, "OPEN")
    except ServiceDown as exc:
        return _down(request, session, exc)
    except Refused as exc:
        items, notice = [], exc.message
    errors = errors or {}
    summary = [(f"{name or 'keputusan'}-{cid}", message)
               for cid, found in errors.items() for name, message in found.items()]
    return pages.render(
        request, "supervisor/konflik.html", session=session, status_code=status_code,
        items=items, kinds=KINDS, details=_details, outcome_names=OUTCOME_NAMES,
        desa_name=_desa_name, errors=errors, values=values or {}, summary=summary,
        notice=notice)


@router.get("")
async def conflicts(request: Request, session: Supervisor, settings: SettingsDep) -> Response:
    decided = request.query_params.get("diputuskan", "")
    notice = f"Keputusan konflik {decided} disimpan." if decided else None
    return await _list(request, session, settings, notice=notice)


@router.post("/{conflict_id}")
async def decide(request: Request, conflict_id: str, session: Supervisor,
                 settings: SettingsDep) -> Response:
    got = await _form(request, session)
    if got is None:
        return _csrf(request, session)
    values, _ = got
    decision, reason = values.get("keputusan", "").strip(), values.get("alasan", "").strip()
    errors = FormErrors()
    if not decision:
        errors.add("keputusan", "Pilih keputusan")
    if not reason:
        errors.add("alasan", "Tulis alasan keputusan")
    if not errors:
        try:
            await calls.decide(settings, session, conflict_id, decision, reason)
        except ServiceDown as exc:
            return _down(request, session, exc)
        except Refused as exc:
            errors.add("keputusan" if exc.status == 409 or "decision" in exc.text
                       else "alasan", exc.message)
        else:
            return RedirectResponse(
                "/supervisor/konflik?" + urlencode({"diputuskan": conflict_id}), status_code=303)
    return await _list(request, session, settings, errors={conflict_id: errors},
                       values={conflict_id: values}, status_code=422)
