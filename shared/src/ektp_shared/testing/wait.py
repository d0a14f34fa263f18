"""Waiting in tests for something that happens asynchronously (a Kafka round trip)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


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
