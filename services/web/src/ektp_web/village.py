"""The village mode's calls to enrollment (issue #16): a desa's worklist for the device,
the device's key registered as a kit, the device's records forwarded in batches, and the
conflicts the supervisor decides. Each with the signed-in officer's own token.

All through enrollment's generated client; a batch's answer is passed on to the page as
enrollment gave it (the page reads each record's result itself)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx

from ektp_shared.answers import Refused, refusal
from ektp_shared.office import current as current_office

from . import recording as calls
from .adapters import services
from .adapters.sessions import WebSession
from .config import Settings

BATCH = 50  # enrollment takes at most 50 records a request


async def worklist(settings: Settings, session: WebSession, desa: str) -> dict[str, Any]:
    """The whole worklist of a desa (every page), as the device keeps it."""
    items: list[dict[str, Any]] = []
    visits: list[dict[str, Any]] = []
    page, kode = 1, desa
    while True:
        work = await calls.worklist(settings, session, desa, page)
        kode = work.kode_desa
        visits = [v.to_dict() for v in work.visits]
        items += [{"nik": r.nik, "nama": r.nama, "kode_desa": r.kode_desa,
                   "tanggal_lahir": r.tanggal_lahir.isoformat(),
                   "jenis_kelamin": str(r.jenis_kelamin),
                   "last_check": None if not r.last_check else str(r.last_check)}
                  for r in work.items]
        if not work.items or len(items) >= work.total:
            break
        page += 1
    known = current_office().desa.get(kode)
    return {"kode_desa": kode, "nama_desa": known.nama if known else kode,
            "downloaded_at": dt.datetime.now(dt.UTC).isoformat(), "visits": visits,
            "items": items}


async def register_kit(settings: Settings, session: WebSession, kit_id: str, public_key: str,
                       label: str) -> dict[str, Any]:
    """Register the device's verify key; the same kit and key again answers the kit (a
    device retrying after a lost answer)."""
    from ektp_client_enrollment.api.kits import register_kit as register
    from ektp_client_enrollment.models import KitRegistration

    call = register.asyncio_detailed(
        client=services.enrollment(settings, session.access_token),
        body=KitRegistration(kit_id=kit_id, public_key=public_key, label=label))
    try:
        response = await call
    except httpx.TransportError as exc:
        raise services.ServiceDown("enrollment") from exc
    if response.status_code in (200, 201):  # 201 registered now, 200 registered before
        answer: dict[str, Any] = json.loads(response.content)
        return answer
    if response.status_code >= 500:
        raise services.ServiceDown("enrollment")
    raise refusal(response)


async def send_records(settings: Settings, session: WebSession, kit_id: str,
                       records: list[dict[str, Any]]) -> tuple[int, Any]:
    """One batch to enrollment: its status and JSON answer as they are (results per record
    or a problem), for the page to show against each record."""
    from ektp_client_enrollment.api.kits import sync_records
    from ektp_client_enrollment.models import KitRecords

    try:
        response = await sync_records.asyncio_detailed(
            kit_id, client=services.enrollment(settings, session.access_token),
            body=KitRecords.from_dict({"records": records}))
    except httpx.TransportError as exc:
        raise services.ServiceDown("enrollment") from exc
    if response.status_code >= 500:
        raise services.ServiceDown("enrollment")
    try:
        return response.status_code, json.loads(response.content)
    except ValueError:
        return response.status_code, {"title": "Jawaban layanan tidak terbaca",
                                      "status": response.status_code}


async def conflicts(settings: Settings, session: WebSession, status: str) -> list[dict[str, Any]]:
    """Every conflict in ``status`` (all pages), as the supervisor's page reads them."""
    from ektp_client_enrollment.api.field_checks import list_conflicts
    from ektp_client_enrollment.models.list_conflicts_status_type_0 import (
        check_list_conflicts_status_type_0,
    )

    items: list[dict[str, Any]] = []
    page = 1
    while True:
        got = await services.answer("enrollment", list_conflicts.asyncio_detailed(
            client=services.enrollment(settings, session.access_token),
            status=check_list_conflicts_status_type_0(status), page=page, per_page=100))
        items += [c.to_dict() for c in got.items]
        if not got.items or len(items) >= got.total:
            return items
        page += 1


async def decide(settings: Settings, session: WebSession, conflict_id: str, decision: str,
                 reason: str) -> dict[str, Any]:
    from ektp_client_enrollment.api.field_checks import decide_conflict
    from ektp_client_enrollment.models import Decision

    if not conflict_id.isdigit():
        raise Refused(404, "Konflik tidak ditemukan", f"konflik {conflict_id} tidak ada", "")
    decided = await services.answer("enrollment", decide_conflict.asyncio_detailed(
        int(conflict_id), client=services.enrollment(settings, session.access_token),
        body=Decision(decision=decision, reason=reason)))
    answer: dict[str, Any] = decided.to_dict()
    return answer
