"""The HTTP app factory every service uses: health, readiness, metrics, errors, auth."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any, Literal
from urllib.parse import parse_qsl

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from pydantic import ConfigDict, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .auth import TokenVerifier
from .logging import configure_logging, request_id_var
from .openapi import Answer, binary, install_docs, install_openapi
from .problems import PROBLEM_JSON, Problem, install_problem_handlers
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


def unstorable_text(value: Any, where: str) -> str | None:
    """The field (dotted path) of the first string PostgreSQL cannot store, or None.

    PostgreSQL text holds no NUL character, and UTF-8 has no lone surrogate (JSON lets a
    client send both as ``\\u0000`` / ``\\ud800``): left in, they fail deep in a handler.
    """
    stack: list[tuple[Any, str]] = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if _bad_text(item):
                return path
        elif isinstance(item, dict):
            for key, sub in item.items():
                sub_path = f"{path}.{key}" if path else str(key)
                if _bad_text(str(key)):
                    return sub_path
                stack.append((sub, sub_path))
        elif isinstance(item, list):
            stack.extend((sub, f"{path}[{i}]") for i, sub in enumerate(item))
    return None


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _bad_text(text: str) -> bool:
    return _UNSTORABLE.search(text) is not None


_TEXT_BODIES = ("application/json", "application/x-ndjson", "text/")


class UnstorableTextGuard:
    """Answer 422 naming the field when a request carries text PostgreSQL cannot store.

    Checked once here, before any handler runs, so no service half-writes such a request or
    answers it with a 500. Path, query and JSON / NDJSON / text bodies are checked; the
    body is buffered (the route reads it whole anyway) and replayed to the app.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        field = self._in_url(scope)
        headers = dict(scope.get("headers") or [])
        ctype = headers.get(b"content-type", b"").decode("latin-1").split(";")[0].strip().lower()
        if field is None and (ctype.startswith(_TEXT_BODIES) or ctype.endswith("+json")):
            body, complete = await self._read_body(receive)
            field = self._in_body(body, ctype)
            receive = self._replay(body, complete, receive)
        if field is None:
            await self.app(scope, receive, send)
            return
        field = _UNSTORABLE.sub("\N{REPLACEMENT CHARACTER}", field)  # a key may be the culprit
        problem = Problem(
            422, "Invalid request",
            f"{field}: contains a character that cannot be stored (NUL or an unpaired "
            "surrogate); remove it and send again",
            type="validation-error",
            errors=[{"field": field, "message": "contains a NUL or unpaired surrogate"}],
        )
        response = JSONResponse(problem.body(scope.get("path")), status_code=422,
                                media_type=PROBLEM_JSON)
        await response(scope, receive, send)

    @staticmethod
    def _in_url(scope: Scope) -> str | None:
        if _bad_text(scope.get("path", "")):
            return "path"
        query = scope.get("query_string", b"").decode("latin-1")
        for name, value in parse_qsl(query, keep_blank_values=True, errors="replace"):
            if _bad_text(name) or _bad_text(value):
                return name or "query"
        return None

    @staticmethod
    def _in_body(body: bytes, ctype: str) -> str | None:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return None  # not UTF-8: the route's own parsing answers that
        if not _bad_text(text) and "\\u" not in text:
            return None  # the common case: nothing to look for, no second JSON parse
        if ctype.startswith("text/"):
            for number, line in enumerate(text.splitlines(), start=1):
                if _bad_text(line):
                    return f"line {number}"
            return None
        lines = text.splitlines() if ctype == "application/x-ndjson" else [text]
        for number, line in enumerate(lines, start=1):
            try:
                doc = json.loads(line)
            except ValueError:
                continue  # malformed JSON: the route's own validation names it
            where = f"line {number}" if len(lines) > 1 else ""
            field = unstorable_text(doc, where)
            if field is not None:
                return field or "body"
        return None

    @staticmethod
    async def _read_body(receive: Receive) -> tuple[bytes, bool]:
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks), False  # disconnected
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                return b"".join(chunks), True

    @staticmethod
    def _replay(body: bytes, complete: bool, receive: Receive) -> Receive:
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                if complete:
                    return {"type": "http.request", "body": body, "more_body": False}
                return {"type": "http.disconnect"}
            return await receive()

        return replay


class Health(Answer):
    status: Literal["ok"]
    service: str


class RelayState(Answer):
    connected: bool
    leader: bool
    published: int
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
        "degraded": ["background task 'relay' died: OSError: ..."],
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

    app = FastAPI(title=title, description=description, version="0.1.0", lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    install_openapi(app)
    install_docs(app)
    app.state.settings = settings
    # added first so it runs inside the request-id middleware: its 422 carries the id
    app.add_middleware(UnstorableTextGuard)
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
