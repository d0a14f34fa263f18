"""Rendering: the templates, the security headers every answer carries, the refusal pages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from ektp_shared.office import current as current_office

from ..adapters.sessions import WebSession
from ..domain import device_capture
from ..domain.menus import ROLE_NAMES, menu_for

ENV = Environment(loader=PackageLoader("ektp_web", "templates"),
                  autoescape=select_autoescape(default=True), trim_blocks=True,
                  lstrip_blocks=True)
# The office's names on every page (EKTP_KABUPATEN).
ENV.globals["office"] = current_office()


def capture_device(request: Request) -> device_capture.DevicePage | None:
    """The clerk's capture device as this app is configured (``_sbi_capture.html`` asks, so
    the recording routes need not know of it)."""
    s = request.app.state.settings
    return device_capture.device_page(s.sbi_url, s.finger_quality_min, s.iris_quality_min,
                                      s.face_quality_min)


ENV.globals.update(capture_device=capture_device, capture_parts=device_capture.PARTS)

# No inline script or style anywhere: everything the page runs or wears comes from /static.
# The page may connect to this server and to the clerk's capture device, when one is set.
def csp(device_origin: str = "") -> str:
    connect = f"'self' {device_origin}".strip()
    return ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            f"font-src 'self'; connect-src {connect}; manifest-src 'self'; worker-src 'self'; "
            "form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")


# The API docs pages (shared with every service: Swagger UI and ReDoc, vendored) start
# with an inline script; they show no personal data, and only they get this one.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self' blob:; "
            "frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def render(request: Request, template: str, *, session: WebSession | None = None,
           status_code: int = 200, **context: Any) -> HTMLResponse:
    html = ENV.get_template(template).render(
        request=request, session=session, role_name=ROLE_NAMES,
        menu=menu_for(session.role) if session else [], **context)
    # Pages show residents' and staff's data: never kept by the browser or a proxy.
    return HTMLResponse(html, status_code=status_code,
                        headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


async def security_headers(request: Request,
                           call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    if request.url.path in DOCS_PATHS:
        response.headers.setdefault("Content-Security-Policy", DOCS_CSP)
    response.headers.setdefault("Content-Security-Policy",
                                csp(request.app.state.settings.sbi_url))
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
