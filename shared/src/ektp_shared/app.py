"""The HTTP app factory every service uses: health, readiness, metrics, errors, auth."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import ConfigDict, Field

from .auth import TokenVerifier
from .logging import configure_logging
from .middleware import RequestContextMiddleware, RequestGate, UnstorableTextGuard
from .openapi import Answer, binary, install_docs, install_openapi, operation_id
from .problems import Problem, install_problem_handlers
from .runtime import ServiceRuntime

log = logging.getLogger(__name__)


class Health(Answer):
    status: Literal["ok"]
    service: str


class RelayState(Answer):
    connected: bool
    leader: bool
    published: int
    held: int = Field(description="events Kafka refused for good, waiting for an operator")
    lease_token: int | None = Field(description="the relay's fencing token while it leads")
    last_error: str | None


class ConsumerState(Answer):
    connected: bool
    applied: int
    duplicates: int
    dead_lettered: int
    last_error: str | None


class KafkaState(Answer):
    relay: RelayState | None = Field(None, description="the outbox relay, if the service has one")
    outbox_backlog: int | None = Field(None, description="events not yet published")
    consumer: ConsumerState | None = Field(None, description="the consumer, if any")


class Readiness(Answer):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "service": "printing", "database": "up", "status": "degraded",
        "kafka": {"outbox_backlog": 0},
        "degraded": ["background task 'outbox relay' died: OSError: ..."],
    }]})

    service: str
    database: str = Field(description="`up`, or `down: <error>`")
    status: Literal["ready", "degraded", "not ready"]
    kafka: KafkaState | None = Field(None, description="reported, not required")
    degraded: list[str] | None = Field(None, description="why events do not move")


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
        app.state.token_verifier = TokenVerifier.from_settings(settings)
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

    app = FastAPI(title=title, description=description, version="0.1.0", lifespan=lifespan,
                  docs_url=None, redoc_url=None, generate_unique_id_function=operation_id)
    install_openapi(app)
    install_docs(app)
    app.state.settings = settings
    # The last added runs first: request id and metrics, then the token and the body's
    # size (before a byte of the body is read), then the text check as the body streams.
    app.add_middleware(UnstorableTextGuard)
    app.add_middleware(RequestGate, service=app)
    app.add_middleware(RequestContextMiddleware)
    install_problem_handlers(app)

    @app.get("/healthz", tags=["ops"], summary="The process is up", response_model=Health)
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "service": settings.service_name}

    @app.get("/readyz", tags=["ops"], summary="The database is reachable; Kafka state reported",
             response_model=Readiness, responses={503: {
                 "model": Readiness, "description": "Not ready: the database is down"}})
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
        reasons = rt.degraded_reasons()
        body["status"] = "degraded" if reasons else "ready"
        if reasons:
            body["degraded"] = reasons
        return JSONResponse(body)

    @app.get("/metrics", tags=["ops"], summary="Prometheus metrics", response_class=Response,
             responses=binary("text/plain", description="Prometheus text format"))
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    for router in routers:
        app.include_router(router)
    return app


__all__ = ["Problem", "create_app"]
