"""Waiting in tests for something that happens asynchronously (a Kafka round trip)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any


async def eventually(
    check: Callable[[], Awaitable[bool]],
    timeout: float = 60.0,
    what: str = "condition",
    *,
    interval: float = 0.2,
) -> None:
    """Wait until ``await check()`` is true; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(interval)
    raise AssertionError(f"{what} not reached within {timeout:g}s")


async def outbox_sent(db: Any, timeout: float = 30.0, what: str = "the outbox sent") -> None:
    """Wait until a service's outbox has nothing left to send.

    A state and its outbox row commit together; the relay sends the row a moment later.
    A test that stops the service as soon as the state shows, then reads the topic, races
    that relay, so it waits here first."""
    async def empty() -> bool:
        return await db.fetchval(
            "SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0

    await eventually(empty, timeout=timeout, what=what)
