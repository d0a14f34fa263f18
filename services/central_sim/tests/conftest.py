from __future__ import annotations

import httpx
import pytest

from ektp_central_sim.config import Settings
from ektp_central_sim.entrypoints.api import build_app


@pytest.fixture
async def sim_settings(infra, create_database, centre_keys, jwt_keys, topic_prefix) -> Settings:
    return Settings(database_url=await create_database("centralsim"),
                    kafka_bootstrap=infra.kafka_bootstrap, topic_prefix=topic_prefix,
                    verdict_delay_seconds=0, log_json=False)


@pytest.fixture
async def centre(sim_settings):
    """The simulator in-process, as the sync service would reach it."""
    app = build_app(sim_settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://centre") as client:
            yield client
