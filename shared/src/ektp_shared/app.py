"""The HTTP app factory every service uses: health, readiness, metrics, errors, auth."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .auth import TokenVerifier
from .logging import configure_logging, request_id_var
from .problems import Problem, install_problem_handlers
from .runtime import ServiceRuntime

log = logging.getLogger(__name__)

REQUESTS = Counter(
    "ektp_http_requests_total", "HTTP requests", ["method", "route", "status"]
)
LATENCY = Histogram(
    "ektp_http_request_seconds", "HTTP request latency", ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


class RequestContextMiddleware:
    """Request id (``X-Request-ID`` in and out) and Prometheus metrics, as plain ASGI."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming[:64] if incoming and incoming.isprintable() else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            REQUESTS.labels(scope["method"], route, str(status)).inc()
            LATENCY.labels(scope["method"], route).observe(time.perf_counter() - started)
            request_id_var.reset(token)


def create_app(
    *,
    title: str,
    runtime: ServiceRuntime,
    routers: Sequence[APIRouter] = (),
    description: str = "",
    on_started: Sequence[Callable[[FastAPI], Awaitable[None]]] = (),
    workers: bool = True,
) -> FastAPI:
    settings = runtime.settings

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(settings.service_name, settings.log_level, settings.log_json)
        if not settings.jwt_public_key_file.is_file():
            raise RuntimeError(
                f"no JWT public key at {settings.jwt_public_key_file}; run `ektp keys init`"
            )
        app.state.token_verifier = TokenVerifier.from_file(
            settings.jwt_public_key_file, issuer=settings.jwt_issuer, audience=settings.jwt_audience
        )
        await runtime.start(workers=workers)
        app.state.runtime = runtime
        app.state.pool = runtime.db
        for hook in on_started:
            await hook(app)
        log.info("%s started", settings.service_name)
        try:
            yield
        finally:
            await runtime.stop()

    app = FastAPI(title=title, description=description, version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    app.add_middleware(RequestContextMiddleware)
    install_problem_handlers(app)

    @app.get("/healthz", tags=["ops"], summary="The process is up")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "service": settings.service_name}

    @app.get("/readyz", tags=["ops"], summary="The database is reachable; Kafka state reported")
    async def readyz(request: Request) -> JSONResponse:
        rt: ServiceRuntime = request.app.state.runtime
        body: dict[str, Any] = {"service": settings.service_name}
        try:
            await asyncio.wait_for(rt.db.fetchval("SELECT 1"), timeout=2)
            body["database"] = "up"
        except Exception as exc:
            body["database"] = f"down: {type(exc).__name__}"
            body["status"] = "not ready"
            return JSONResponse(body, status_code=503)
        body["kafka"] = await rt.kafka_status()
        body["status"] = "ready"
        return JSONResponse(body)

    @app.get("/metrics", tags=["ops"], summary="Prometheus metrics")
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    for router in routers:
        app.include_router(router)
    return app


__all__ = ["Problem", "create_app"]
