"""A dashboard in-process against the real broker and database, fresh topics and database
per test, fed by publishing events straight onto the four topics."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest_asyncio

from ektp_dashboard.config import Settings
from ektp_dashboard.entrypoints.api import build_app
from ektp_shared.envelope import CloudEvent
from ektp_shared.kafka import dlq_topic
from ektp_shared.runtime import PRODUCERS
from ektp_shared.testing.kafka import create_topics, publish
from ektp_shared.testing.wait import eventually


@dataclass
class DashboardUnderTest:
    settings: Settings
    client: httpx.AsyncClient
    db: asyncpg.Pool
    auth: Callable[..., dict[str, str]]

    async def send(self, producer: str, events: list[CloudEvent]) -> None:
        await publish(self.settings.kafka, self.settings.topic(producer), events)

    async def applied(self, n: int, timeout: float = 60.0) -> None:
        """Wait until ``n`` events (in total) went through the inbox."""
        await eventually(lambda: self._count_at_least(n), timeout, f"{n} events applied")

    async def _count_at_least(self, n: int) -> bool:
        return int(await self.db.fetchval("SELECT count(*) FROM inbox")) >= n

    async def progress(self, role: str = "viewer", **params: Any) -> dict[str, Any]:
        r = await self.client.get("/progress", headers=self.auth(role), params=params)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body



@pytest_asyncio.fixture(loop_scope="session")
async def make_dashboard(
    infra, topic_prefix, create_database, jwt_keys, auth_header,
) -> AsyncIterator[Callable[..., Awaitable[DashboardUnderTest]]]:
    stack = []

    async def make(**overrides: Any) -> DashboardUnderTest:
        fields: dict[str, Any] = {
            "database_url": await create_database("dashboard"),
            "kafka_bootstrap": infra.kafka_bootstrap,
            # Each dashboard its own topics and consumer group: tests never share offsets.
            "topic_prefix": f"{topic_prefix}{uuid.uuid4().hex[:6]}.",
            "log_json": False,
            # Nothing listens here: the other services count as down unless a test says so.
            "sync_url": "http://127.0.0.1:9", "inventory_url": "http://127.0.0.1:9",
            "printing_url": "http://127.0.0.1:9", "enrollment_url": "http://127.0.0.1:9",
            "remote_timeout_seconds": 0.5,
        }
        settings = Settings(**(fields | overrides))
        # The topics exist before the consumer subscribes (a consumer that subscribes to a
        # missing topic only sees it at its next metadata refresh, minutes later).
        topics = [settings.topic(p) for p in PRODUCERS]
        await create_topics(infra.kafka, topics + [dlq_topic(t) for t in topics])
        app = build_app(settings)
        ctx = app.router.lifespan_context(app)
        await ctx.__aenter__()
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                   base_url="http://dashboard")
        stack.append((ctx, client))
        return DashboardUnderTest(settings, client, app.state.pool, auth_header)

    yield make

    for ctx, client in reversed(stack):
        await client.aclose()
        await ctx.__aexit__(None, None, None)


@pytest_asyncio.fixture(loop_scope="session")
async def dashboard(make_dashboard) -> DashboardUnderTest:
    return await make_dashboard()


@dataclass
class ServedDashboard:
    url: str
    settings: Settings

    async def send(self, producer: str, events: list[CloudEvent]) -> None:
        await publish(self.settings.kafka, self.settings.topic(producer), events)

    async def wait_for(self, token: str, check: Callable[[dict[str, Any]], bool]) -> None:
        async with httpx.AsyncClient(base_url=self.url) as c:
            async def ok() -> bool:
                r = await c.get("/progress", params={"live": "false"},
                                headers={"Authorization": f"Bearer {token}"})
                return r.status_code == 200 and check(r.json())

            await eventually(ok, 60, "the dashboard to show the events")


@pytest_asyncio.fixture(loop_scope="session")
async def served_dashboard(infra, topic_prefix, create_database, jwt_keys):
    """The dashboard as a real HTTP server on a free port (for the CLI and the browser)."""
    from dashboard_server import serving

    settings = Settings(
        database_url=await create_database("dashboard"), kafka_bootstrap=infra.kafka_bootstrap,
        topic_prefix=f"{topic_prefix}{uuid.uuid4().hex[:6]}.", log_json=False,
        sync_url="http://127.0.0.1:9", inventory_url="http://127.0.0.1:9",
        printing_url="http://127.0.0.1:9", remote_timeout_seconds=0.5,
        page_refresh_seconds=2,
    )
    topics = [settings.topic(p) for p in PRODUCERS]
    await create_topics(infra.kafka, topics + [dlq_topic(t) for t in topics])
    with serving(build_app(settings)) as url:
        yield ServedDashboard(url, settings)
