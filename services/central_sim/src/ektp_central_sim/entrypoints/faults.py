"""ASGI middleware that makes the centre's ``/v1`` API misbehave as the fault plan says."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..adapters import repository as repo

log = logging.getLogger(__name__)


class ConnectionDropped(Exception):
    """Raised after a partial answer so that the server closes the connection (``down``)."""


class FaultInjection:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        state = scope["app"].state
        centre = state.centre
        plan = centre.faults
        fault = plan.draw(centre.rng)
        if fault is not None:
            await repo.bump(state.pool, {f"fault_{fault}": 1})
        if plan.latency_seconds:
            await asyncio.sleep(plan.latency_seconds)
        if fault == "down":
            # An ASGI app cannot refuse a connection; it can drop it mid-answer, which the
            # client sees the same way: a transport error and no answer.
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-length", b"1000")]})
            raise ConnectionDropped("centre simulated as down")
        if fault == "error":
            body = json.dumps({"type": "about:blank", "title": "Service Unavailable",
                               "status": 503, "detail": "pusat data sedang gangguan"}).encode()
            await send({"type": "http.response.start", "status": 503, "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        if fault == "timeout":
            # Do the work, then hold the answer past the client's patience.
            held: list[Message] = []

            async def hold(message: Message) -> None:
                held.append(message)

            await self.app(scope, receive, hold)
            await asyncio.sleep(plan.timeout_seconds)
            with contextlib.suppress(Exception):
                for message in held:
                    await send(message)
            return
        await self.app(scope, receive, send)
