"""A request is refused before its body is read: no token -> 401, too large -> 413, and the
text guard checks a body as it streams instead of holding it whole (ektp_shared.middleware).

Driven at the ASGI level, so each test sees exactly how much of the body the app asked for.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from ektp_shared.limits import DEFAULT_BODY_BYTES
from ektp_shared.middleware import UnstorableTextGuard

from .helpers import sample_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

CHUNK = b"x" * 65536


class Body:
    """An endless (or finite) request body that counts how much the app has taken."""

    def __init__(self, chunks: list[bytes] | None = None) -> None:
        self.chunks = chunks
        self.taken = 0
        self.reads = 0

    async def receive(self) -> dict[str, Any]:
        self.reads += 1
        if self.chunks is None:
            self.taken += len(CHUNK)
            return {"type": "http.request", "body": CHUNK, "more_body": True}
        chunk = self.chunks.pop(0) if self.chunks else b""
        self.taken += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": bool(self.chunks)}


async def call(app: Any, method: str, path: str, headers: dict[str, str], body: Body
               ) -> tuple[int, dict[str, str], Any]:
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "server": ("sample", 80), "client": ("127.0.0.1", 5000),
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await asyncio.wait_for(app(scope, body.receive, send), timeout=20)
    start = next(m for m in sent if m["type"] == "http.response.start")
    raw = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    head = {k.decode(): v.decode() for k, v in start["headers"]}
    is_json = "json" in head.get("content-type", "")
    return start["status"], head, json.loads(raw) if is_json else raw


@pytest.fixture
async def app(infra, topic_prefix, create_database, jwt_keys):
    from sample_service.service import build_app

    service = build_app(sample_settings(infra, await create_database("gate"), topic_prefix))
    async with service.router.lifespan_context(service):
        yield service


async def test_no_token_is_refused_before_a_byte_of_the_body_is_read(app, make_token):
    for auth in ({}, {"authorization": "Bearer not.a.jwt"},
                 {"authorization": f"Bearer {make_token(ttl_minutes=-5)}"}):
        body = Body()  # endless: reading it would never end
        status, headers, problem = await call(
            app, "POST", "/notes/keyed",
            {"content-type": "application/json", "transfer-encoding": "chunked", **auth}, body)
        assert status == 401, problem
        assert body.reads == 0
        assert problem["type"].endswith("/unauthorized")
        assert headers["www-authenticate"].startswith("Bearer")
        assert headers["connection"] == "close"


async def test_a_declared_length_over_the_cap_is_413_at_once(app, auth_header):
    body = Body()
    status, _, problem = await call(
        app, "POST", "/notes/keyed",
        {"content-type": "application/json", "content-length": str(300 * 1024 * 1024),
         **auth_header("storekeeper")}, body)
    assert status == 413 and body.reads == 0
    assert problem["limit_bytes"] == DEFAULT_BODY_BYTES and "64 KiB" in problem["detail"]


async def test_a_streamed_body_is_cut_off_as_soon_as_it_passes_the_cap(app, auth_header):
    for ctype in ("application/json", "application/octet-stream"):
        body = Body()
        status, headers, problem = await call(
            app, "POST", "/notes/keyed",
            {"content-type": ctype, "transfer-encoding": "chunked",
             **auth_header("storekeeper")}, body)
        assert status == 413, problem
        assert problem["limit_bytes"] == DEFAULT_BODY_BYTES
        assert body.taken <= DEFAULT_BODY_BYTES + len(CHUNK)
        assert headers["connection"] == "close" and "x-request-id" in headers


async def test_a_body_within_the_cap_and_the_public_routes_still_work(app, auth_header):
    text = json.dumps({"text": "catatan"}).encode()
    status, _, answer = await call(
        app, "POST", "/notes/keyed", {"content-type": "application/json",
                                      "idempotency-key": "gate-1", **auth_header("storekeeper")},
        Body([text[:5], text[5:]]))
    assert status == 201 and answer["text"] == "catatan", answer
    for path in ("/healthz", "/readyz", "/openapi.json"):
        status, _, _ = await call(app, "GET", path, {}, Body([]))
        assert status == 200, path
    status, _, _ = await call(app, "GET", "/docs", {}, Body([]))
    assert status == 200
    # the text guard still names the field, in a body that came in pieces
    bad = b'{"text": "a\\u0000b"}'
    status, _, problem = await call(
        app, "POST", "/notes/keyed", {"content-type": "application/json",
                                      **auth_header("storekeeper")}, Body([bad[:9], bad[9:]]))
    assert status == 422 and problem["errors"][0]["field"] == "text"


async def _guarded(inner: Callable[..., Awaitable[None]], ctype: str, chunks: list[bytes]
                   ) -> tuple[list[bytes], list[dict[str, Any]]]:
    """Run ``inner`` behind the guard; the body's last chunk never comes."""
    seen: list[bytes] = []
    sent: list[dict[str, Any]] = []
    waiting = asyncio.Event()

    async def receive() -> dict[str, Any]:
        if chunks:
            return {"type": "http.request", "body": chunks.pop(0), "more_body": True}
        await waiting.wait()  # a slow client: the rest of the body is still on its way
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/import", "query_string": b"",
             "headers": [(b"content-type", ctype.encode())]}
    task = asyncio.ensure_future(UnstorableTextGuard(inner)(scope, receive, send))
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.5)
    except TimeoutError:
        pass
    waiting.set()
    await asyncio.wait_for(task, timeout=5)
    return seen, sent


async def test_the_text_guard_passes_the_body_on_as_it_comes_not_whole():
    seen: list[bytes] = []

    async def route(scope: Any, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return
            seen.append(message["body"])

    await _guarded(route, "application/x-ndjson", [b'{"a": 1}\n', b'{"b": 2}\n'])
    assert seen == [b'{"a": 1}\n', b'{"b": 2}\n'], "the route had each chunk while more came"


async def test_the_text_guard_stops_a_line_with_a_nul_before_the_route_sees_the_end():
    seen: list[bytes] = []

    async def route(scope: Any, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            seen.append(message.get("body", b""))
            if not message.get("more_body"):
                break

    _, sent = await _guarded(route, "application/x-ndjson",
                             [b'{"a": "ok"}\n{"nama": "x', b'\\u0000"}\n'])
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = json.loads(b"".join(m.get("body", b"") for m in sent[1:]))
    assert start["status"] == 422 and body["errors"][0]["field"] == "line 2.nama"
    assert seen == [b'{"a": "ok"}\n{"nama": "x']
