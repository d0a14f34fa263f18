"""Dasbor (every role; the Kepala's screen): the dashboard's figures behind the office's own
sign-in. Rendered here from the dashboard's ``/progress`` (its typed client, the session's
token), not proxied: the page keeps the web app's CSP, session and look, works without
JavaScript, and the browser never holds a token. A small static script refreshes the figures
by fetching ``/dasbor/isi`` (the same template's fragment) every minute."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ektp_client_dashboard.api.progress import get_progress

from ..adapters import services
from ..adapters.services import ServiceDown
from ..adapters.sessions import WebSession
from . import pages
from .deps import SignedIn

router = APIRouter(include_in_schema=False)
REFRESH_SECONDS = 60
BLANK_STATES = {"IN_STORE": "Di gudang", "ISSUED": "Di ruang cetak", "USED": "Terpakai",
                "SPOILED": "Rusak", "DESTROYED": "Dimusnahkan", "RETURNED": "Dikembalikan",
                "ADJUSTED": "Penyesuaian"}
PRINTER_STATES = {"ONLINE": "Siap", "OFFLINE": "Mati", "IN_REPAIR": "Diperbaiki",
                  "BROKEN": "Rusak"}


async def _figures(request: Request, session: WebSession) -> dict[str, Any] | None:
    """The dashboard's figures, or None when the dashboard does not answer."""
    client = services.dashboard(request.app.state.settings, session.access_token)
    try:
        progress = await services.answer(
            "dashboard", get_progress.asyncio_detailed(client=client))
    except ServiceDown:
        return None
    figures: dict[str, Any] = progress.to_dict()
    return figures


def _page(request: Request, session: WebSession, template: str,
          figures: dict[str, Any] | None) -> HTMLResponse:
    return pages.render(request, template, session=session,
                        status_code=200 if figures is not None else 503, p=figures,
                        blank_states=BLANK_STATES, printer_states=PRINTER_STATES,
                        refresh_seconds=REFRESH_SECONDS)


@router.get("/dasbor")
async def dashboard(request: Request, session: SignedIn) -> HTMLResponse:
    return _page(request, session, "dasbor/page.html", await _figures(request, session))


@router.get("/dasbor/isi")
async def dashboard_figures(request: Request, session: SignedIn) -> HTMLResponse:
    return _page(request, session, "dasbor/_isi.html", await _figures(request, session))
