"""Figures only another service holds (sync health, the store's own stock count, the print
room), fetched over HTTP. A service that is down or slow shows as unavailable; the page never
fails because of it. Answers are cached briefly so a wall of open pages does not hammer the
other services: per caller's role as well as URL, since what a service shows depends on the
role (a viewer gets masked NIKs where an operator gets them whole).

The caller's bearer token is passed on: the dashboard holds no credentials of its own, and a
viewer sees there exactly what the other services let a viewer see.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass
class _Cached:
    at: float
    value: dict[str, Any]


class RemoteFigures:
    def __init__(
        self, *, timeout: float, cache_seconds: float,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.cache_seconds = cache_seconds
        self._client = httpx.AsyncClient(timeout=timeout, transport=transport)
        self._cache: dict[tuple[str, str], _Cached] = {}
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}

    async def close(self) -> None:
        await self._client.aclose()

    async def get(self, url: str, authorization: str | None, role: str) -> dict[str, Any]:
        """``{"available": true, ...the service's JSON}`` or ``{"available": false, "error"}``.

        ``role`` is the caller's (from their verified token): one role's answer is never
        served to another."""
        key = (role, url)
        hit = self._cache.get(key)
        if hit and time.monotonic() - hit.at < self.cache_seconds:
            return hit.value
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:  # one fetch per role and URL at a time; the others get its answer
            hit = self._cache.get(key)
            if hit and time.monotonic() - hit.at < self.cache_seconds:
                return hit.value
            value = await self._fetch(url, authorization)
            # A refusal is about this caller's token, not the service: never shared.
            if value.get("status") not in (401, 403):
                self._cache[key] = _Cached(time.monotonic(), value)
            return value

    async def _fetch(self, url: str, authorization: str | None) -> dict[str, Any]:
        headers = {"Authorization": authorization} if authorization else {}
        try:
            response = await self._client.get(url, headers=headers)
        except httpx.HTTPError as exc:
            return {"available": False, "error": f"tidak terhubung: {type(exc).__name__}"}
        if response.status_code != 200:
            return {"available": False, "status": response.status_code,
                    "error": f"HTTP {response.status_code}"}
        try:
            body = response.json()
        except ValueError:
            return {"available": False, "error": "jawaban bukan JSON"}
        if isinstance(body, list):
            body = {"items": body}
        if not isinstance(body, dict):
            return {"available": False, "error": "jawaban tidak dikenal"}
        return {"available": True, **body}
