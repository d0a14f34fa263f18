"""Fixtures for the sync service: the simulated centre as a real server in a thread, the
sync service in-process (or as a real process), fast timings."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

from ektp_central_sim.config import Settings as CentreSettings
from ektp_central_sim.testing import SimServer, free_port
from ektp_sync.config import Settings
from ektp_sync.testing import fast_settings


@pytest.fixture
async def prefix(topic_prefix, provision_kafka) -> str:
    """Topics (provisioned) and consumer group of this test alone."""
    prefix = f"{topic_prefix}{uuid.uuid4().hex[:6]}."
    await provision_kafka(prefix)
    return prefix


@pytest.fixture
async def centre_settings(infra, create_database, centre_keys, jwt_keys, prefix) -> CentreSettings:
    return CentreSettings(database_url=await create_database("centre"),
                          kafka_bootstrap=infra.kafka_bootstrap, topic_prefix=prefix,
                          verdict_delay_seconds=0, log_json=False, log_level="WARNING")


@pytest.fixture
async def centre(centre_settings):
    """The simulated centre on a free port; ``centre.stop()`` makes it refuse connections."""
    server = SimServer(centre_settings, port=free_port())
    await asyncio.to_thread(server.start)
    yield server
    await asyncio.to_thread(server.stop)


@pytest.fixture
async def centre_api(centre):
    async with httpx.AsyncClient(base_url=centre.url, timeout=30) as client:
        yield client


@pytest.fixture
async def sync_settings(infra, create_database, jwt_keys, centre_keys, print_room_keys, prefix,
                        centre) -> Settings:
    return fast_settings(
        database_url=await create_database("sync"), kafka_bootstrap=infra.kafka_bootstrap,
        topic_prefix=prefix, central_url=centre.url,
    )


@pytest.fixture
async def start_sync(sync_settings):
    """``async with start_sync() as (app, client)``: the sync service in-process."""
    from contextlib import asynccontextmanager

    from ektp_sync.entrypoints.api import build_app

    @asynccontextmanager
    async def start(**over):
        app = build_app(sync_settings.model_copy(update=over))
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://sync") as c:
                yield app, c

    return start
