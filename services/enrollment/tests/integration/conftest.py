from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest
import pytest_asyncio

from ektp_enrollment.config import Settings
from ektp_enrollment.entrypoints.api import build_app


@dataclass
class Office:
    """A running enrollment service (in process) and a client for it."""

    client: httpx.AsyncClient
    settings: Settings
    pool: asyncpg.Pool
    app: Any


def enrollment_settings(infra, dsn: str, prefix: str, centre_keys, jwt_keys, **extra: Any):
    return Settings(
        database_url=dsn, kafka_bootstrap=infra.kafka_bootstrap, topic_prefix=prefix,
        log_json=False, jwt_public_key_file=jwt_keys[1],
        centre_public_key_file=centre_keys[1], **extra,
    )


async def start_office(settings: Settings, *, workers: bool) -> AsyncIterator[Office]:
    app = build_app(settings, workers=workers)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://enrollment",
                                     timeout=60) as client:
            yield Office(client, settings, app.state.pool, app)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def office(request, infra, topic_prefix, create_database, centre_keys, jwt_keys):
    """One service per test module, with its own database and topics; a module asks for
    Kafka workers (relay, consumer) with ``WORKERS = True``."""
    workers = getattr(request.module, "WORKERS", False)
    extra = getattr(request.module, "SETTINGS", {})
    label = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")
    settings = enrollment_settings(
        infra, await create_database("enr"), f"{topic_prefix}{label}.", centre_keys, jwt_keys,
        **extra,
    )
    async for o in start_office(settings, workers=workers):
        yield o


async def eventually(
    check: Callable[[], Awaitable[bool]], timeout: float = 60.0, interval: float = 0.2
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")


@pytest.fixture
def operator(auth_header):
    return auth_header("operator", "rina")


@pytest.fixture
def supervisor(auth_header):
    return auth_header("supervisor", "pak.hendra")
