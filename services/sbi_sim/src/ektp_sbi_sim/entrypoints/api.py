"""The SBI device service's HTTP face: MOSIP's own verbs on a localhost port in 4501-4600.

The recording page comes from the office server, so the browser asks first (CORS preflight,
and Chrome's Private Network Access preflight: a public or office page calling 127.0.0.1).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from ..config import Settings
from ..domain import samples
from ..domain.device import Quality, SimulatedDevices

SBI_METHODS = ("MOSIPDISC", "MOSIPDINFO", "RCAPTURE", "STREAM")
ALLOWED_METHODS = ", ".join((*SBI_METHODS, "GET", "POST", "PUT", "OPTIONS"))


class SimulatorState(BaseModel):
    """The control of the simulator (tests and demos): who is in front of the device."""

    default_quality: float = Field(85, ge=0, le=100)
    quality: dict[str, float] = Field(default_factory=dict,
                                      description="R_INDEX, L_IRIS... -> score 0-100")
    face_quality: float = Field(90, ge=0, le=100)
    missing: list[str] = Field(default_factory=list, description="fingers it cannot read")


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw:
        return {}
    try:
        parsed = json.loads(raw)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def build_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    devices = SimulatedDevices(
        f"http://{settings.host}:{settings.port}/",
        Quality(settings.default_quality, dict(settings.quality), settings.face_quality,
                set(settings.missing)))
    app = FastAPI(title="Simulated SBI device service (development and tests only)",
                  docs_url=None, redoc_url=None, openapi_url=None)

    def allowed(origin: str | None) -> str | None:
        if origin is None:
            return None
        if "*" in settings.allowed_origins or origin in settings.allowed_origins:
            return origin
        return None

    @app.middleware("http")
    async def cors(request: Request,
                   call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        origin = allowed(request.headers.get("origin"))
        if request.method == "OPTIONS":
            response: Response = Response(status_code=204 if origin else 403)
            if origin:
                response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
                response.headers["Access-Control-Allow-Headers"] = request.headers.get(
                    "access-control-request-headers", "content-type")
                response.headers["Access-Control-Max-Age"] = "600"
                # Chrome's Private Network Access: the device on the clerk's own PC agrees
                # to be called from the office server's page.
                if request.headers.get("access-control-request-private-network") == "true":
                    response.headers["Access-Control-Allow-Private-Network"] = "true"
        else:
            response = await call_next(request)
        if origin:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Vary"] = "Origin"
        return response

    @app.api_route("/device", methods=["MOSIPDISC"])
    async def discover(request: Request) -> JSONResponse:
        kind = str((await _body(request)).get("type") or "Biometric Device")
        return JSONResponse(devices.discover(kind))

    @app.api_route("/info", methods=["MOSIPDINFO"])
    async def info() -> JSONResponse:
        return JSONResponse(devices.device_info())

    @app.api_route("/capture", methods=["RCAPTURE"])
    async def capture(request: Request) -> JSONResponse:
        return JSONResponse(devices.capture(await _body(request)))

    @app.api_route("/stream", methods=["STREAM"])
    async def stream(request: Request) -> StreamingResponse:
        """A short MJPEG preview of the face camera (a few frames, then the stream ends)."""
        timeout = float(str((await _body(request)).get("timeout") or "2000")) / 1000

        async def frames() -> AsyncIterator[bytes]:
            for frame in range(max(1, min(int(timeout * 5), 50))):
                jpeg = samples.face_jpeg(frame=frame)
                yield (b"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: "
                       + str(len(jpeg)).encode() + b"\r\n\r\n" + jpeg + b"\r\n")
                await asyncio.sleep(0.2)

        return StreamingResponse(frames(), media_type="multipart/x-mixed-replace; boundary=frame")

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.put("/simulator")
    async def set_state(state: SimulatorState) -> SimulatorState:
        devices.quality = Quality(state.default_quality, dict(state.quality),
                                  state.face_quality, set(state.missing))
        return state

    return app
