"""The ASGI middlewares of every service, outermost first:

- :class:`RequestContextMiddleware`: request id and Prometheus metrics;
- :class:`RequestGate`: a request to a route that needs a token is refused (401) before its
  body is read, and a body is capped per route (``ektp_shared.limits.BODY_LIMITS``): a
  Content-Length over the cap is a 413 at once, a streamed body a 413 as soon as it passes
  the cap, without reading or keeping the rest;
- :class:`UnstorableTextGuard`: text PostgreSQL cannot store (NUL, lone surrogates) is a
  422 naming the field, checked while the body streams by, before the route sees its end.
"""

from __future__ import annotations

import codecs
import json
import re
import time
import uuid
from collections.abc import Callable
from typing import Any, NoReturn
from urllib.parse import parse_qsl

from fastapi import FastAPI
from fastapi import routing as fastapi_routing
from fastapi.dependencies.models import Dependant
from fastapi.responses import JSONResponse
from prometheus_client import Counter, Histogram
from starlette.exceptions import HTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .auth import TokenVerifier, current_principal
from .limits import DEFAULT_BODY_BYTES, body_limit, describe_bytes
from .logging import request_id_var
from .problems import PROBLEM_JSON, Problem

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


# --- refusing a request while its body streams in --------------------------------------


class RefusedWhileReading(HTTPException):
    """Raised from ``receive`` to stop the app reading. An HTTPException, so that FastAPI's
    body parsing lets it through instead of turning it into a 400."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.status, problem.detail)
        self.problem = problem


class _Refusal:
    """Runs the app with a ``receive`` that may refuse: whatever the app then answers (a 400
    from body parsing, a 500 for the exception) is replaced by the refusal's problem."""

    def __init__(self, scope: Scope, send: Send) -> None:
        self.scope = scope
        self._send = send
        self.problem: Problem | None = None
        self.started = False
        self.answered = False

    def refuse(self, problem: Problem) -> NoReturn:
        self.problem = problem
        raise RefusedWhileReading(problem)

    async def send(self, message: Message) -> None:
        if self.problem is not None:
            if message["type"] == "http.response.start":
                await self.answer()
            return  # the app's own answer to the refusal is dropped
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)

    async def answer(self) -> None:
        if self.problem is None or self.answered or self.started:
            return
        self.answered = True
        await send_problem(self.scope, self._send, self.problem, close=True)

    async def run(self, app: ASGIApp, receive: Receive) -> None:
        try:
            await app(self.scope, receive, self.send)
        except Exception:
            if self.problem is None or self.started:
                raise
        await self.answer()


async def send_problem(scope: Scope, send: Send, problem: Problem, *, close: bool) -> None:
    headers = dict(problem.headers or {})
    if close:  # the body was not read to its end: this connection cannot carry another
        headers["Connection"] = "close"
    response = JSONResponse(problem.body(scope.get("path")), status_code=problem.status,
                            media_type=PROBLEM_JSON, headers=headers)
    await response(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


# --- token first, body capped -------------------------------------------------------------


def _needs_token(dependant: Dependant) -> bool:
    stack = [dependant]
    while stack:
        dep = stack.pop()
        if dep.call is current_principal:
            return True
        stack.extend(dep.dependencies)
    return False


class _RouteRule:
    __slots__ = ("limit", "needs_token", "route")

    def __init__(self, route: Any, needs_token: bool, limit: int) -> None:
        self.route, self.needs_token, self.limit = route, needs_token, limit


def _effective_routes(service: FastAPI) -> list[Any]:
    """Every route as the app serves it, with its full path (FastAPI >= 0.16x keeps
    included routers nested and flattens them through ``iter_route_contexts``)."""
    iterate = getattr(fastapi_routing, "iter_route_contexts", None)
    return list(iterate(service.routes)) if iterate else list(service.routes)


def _too_large(limit: int) -> Problem:
    return Problem(
        413, "Permintaan terlalu besar",
        f"isi permintaan lebih dari {describe_bytes(limit)} ({limit} byte), batas untuk "
        "alamat ini; kirim data yang lebih kecil atau bagi menjadi beberapa berkas",
        type="payload-too-large", limit_bytes=limit,
    )


def _unauthorized(detail: str) -> Problem:
    return Problem(401, "Unauthorized", detail, type="unauthorized",
                   headers={"WWW-Authenticate": 'Bearer realm="ektp"'})


class RequestGate:
    """Token first, then the body's size, before any byte of the body is read.

    A route needs a token when its dependencies include ``auth.current_principal`` (every
    ``require_role`` does), so the public routes (``/healthz``, ``/readyz``, ``/metrics``,
    ``/docs``, ``/openapi.json``, the dashboard's page) need no list here. This only refuses
    a missing or invalid token early, with the same 401; the route's own role dependency
    still decides what the token may do.
    """

    def __init__(self, app: ASGIApp, service: FastAPI,
                 limit_of: Callable[[str, str], int] = body_limit) -> None:
        self.app = app
        self.service = service  # its routes are read at the first request, once all are added
        self.limit_of = limit_of
        self._rules: list[_RouteRule] | None = None

    def rules(self) -> list[_RouteRule]:
        if self._rules is None:
            rules = []
            for route in _effective_routes(self.service):
                dependant = getattr(route, "dependant", None)
                if isinstance(dependant, Dependant):
                    methods = route.methods or ("GET",)
                    limit = max(self.limit_of(m, route.path) for m in methods)
                    rules.append(_RouteRule(route, _needs_token(dependant), limit))
                else:  # the docs, the OpenAPI document, static files: public, small bodies
                    rules.append(_RouteRule(route, False, DEFAULT_BODY_BYTES))
            self._rules = rules
        return self._rules

    def rule_for(self, scope: Scope) -> _RouteRule | None:
        partial = None
        for rule in self.rules():
            match, _ = rule.route.matches(scope)
            if match is Match.FULL:
                return rule
            if match is Match.PARTIAL and partial is None:
                partial = rule  # right path, wrong method: it answers 405
        return partial

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rule = self.rule_for(scope)
        limit = rule.limit if rule is not None else DEFAULT_BODY_BYTES
        if rule is not None and rule.needs_token:
            refusal = await self._check_token(scope)
            if refusal is not None:
                await send_problem(scope, send, refusal, close=_has_body(scope))
                return
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await send_problem(scope, send, _too_large(limit), close=True)
            return
        refusal_of = _Refusal(scope, send)
        received = 0

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refusal_of.refuse(_too_large(limit))
            return message

        await refusal_of.run(self.app, capped_receive)

    async def _check_token(self, scope: Scope) -> Problem | None:
        verifier: TokenVerifier | None = getattr(self.service.state, "token_verifier", None)
        if verifier is None:
            return None  # not started (no lifespan): the route's dependency answers
        header = ""
        for name, value in scope.get("headers") or ():
            if name == b"authorization":
                header = value.decode("latin-1")
                break
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return _unauthorized("This call needs a bearer token (Authorization: Bearer ...).")
        try:
            await verifier.authenticate(token.strip())
        except Problem as problem:
            return problem
        return None


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers") or ():
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None  # the server refuses a malformed length before we are called
    return None


def _has_body(scope: Scope) -> bool:
    for name, value in scope.get("headers") or ():
        if name == b"transfer-encoding" or (name == b"content-length" and value != b"0"):
            return True
    return False


# --- text PostgreSQL cannot store ---------------------------------------------------------


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


class _BodyScanner:
    """Finds unstorable text as the chunks of a body go by.

    Text and NDJSON are checked a line at a time (only the unfinished line is kept); a JSON
    document is kept until its end (it is within the route's cap: RequestGate), and parsed
    again only when it holds a NUL or a ``\\u`` escape.
    """

    def __init__(self, ctype: str) -> None:
        self.ctype = ctype
        self.by_line = ctype.startswith("text/") or ctype == "application/x-ndjson"
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.pending = ""
        self.line = 0
        self.gave_up = False  # not UTF-8: the route's own parsing answers that

    def feed(self, chunk: bytes, final: bool) -> str | None:
        if self.gave_up:
            return None
        try:
            text = self.decoder.decode(chunk, final=final)
        except UnicodeDecodeError:
            self.gave_up, self.pending = True, ""
            return None
        if not self.by_line:
            self.pending += text
            return self._in_json(self.pending, "") if final else None
        lines = (self.pending + text).split("\n")
        self.pending = "" if final else lines.pop()
        for line in lines:
            self.line += 1
            field = self._in_line(line.rstrip("\r"))
            if field is not None:
                return field
        return None

    def _in_line(self, line: str) -> str | None:
        where = f"line {self.line}"
        if self.ctype.startswith("text/"):
            return where if _bad_text(line) else None
        return self._in_json(line, where)

    @staticmethod
    def _in_json(text: str, where: str) -> str | None:
        if not _bad_text(text) and "\\u" not in text:
            return None  # the common case: nothing to look for, no second JSON parse
        try:
            doc = json.loads(text)
        except ValueError:
            return None  # malformed JSON: the route's own validation names it
        field = unstorable_text(doc, where)
        if field is None:
            return None
        return field or "body"


class UnstorableTextGuard:
    """Answer 422 naming the field when a request carries text PostgreSQL cannot store.

    Checked here, before any handler acts, so no service half-writes such a request or
    answers it with a 500. The path and query are checked first; a JSON / NDJSON / text
    body as it streams to the route, which gets its last chunk only once all is checked.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        field = self._in_url(scope)
        if field is not None:
            await send_problem(scope, send, self._problem(field), close=_has_body(scope))
            return
        headers = dict(scope.get("headers") or [])
        ctype = headers.get(b"content-type", b"").decode("latin-1").split(";")[0].strip().lower()
        if not (ctype.startswith(_TEXT_BODIES) or ctype.endswith("+json")):
            await self.app(scope, receive, send)
            return
        scanner = _BodyScanner(ctype)
        refusal = _Refusal(scope, send)

        async def checked_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                found = scanner.feed(message.get("body", b""),
                                     final=not message.get("more_body", False))
                if found is not None:
                    refusal.refuse(self._problem(found))
            return message

        await refusal.run(self.app, checked_receive)

    @staticmethod
    def _problem(field: str) -> Problem:
        field = _UNSTORABLE.sub("\N{REPLACEMENT CHARACTER}", field)  # a key may be the culprit
        return Problem(
            422, "Invalid request",
            f"{field}: contains a character that cannot be stored (NUL or an unpaired "
            "surrogate); remove it and send again",
            type="validation-error",
            errors=[{"field": field, "message": "contains a NUL or unpaired surrogate"}],
        )

    @staticmethod
    def _in_url(scope: Scope) -> str | None:
        if _bad_text(scope.get("path", "")):
            return "path"
        query = scope.get("query_string", b"").decode("latin-1")
        for name, value in parse_qsl(query, keep_blank_values=True, errors="replace"):
            if _bad_text(name) or _bad_text(value):
                return name or "query"
        return None
