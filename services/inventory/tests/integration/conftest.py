from __future__ import annotations

import httpx
import pytest

from ektp_inventory.config import Settings
from ektp_inventory.entrypoints.api import build_app


def make_settings(infra, dsn: str, prefix: str, **extra) -> Settings:
    return Settings(database_url=dsn, kafka_bootstrap=infra.kafka_bootstrap, topic_prefix=prefix,
                    log_json=False, **extra)



@pytest.fixture
async def api(infra, topic_prefix, create_database, jwt_keys):
    """The API in-process without relay or consumer: commands and reads against a fresh
    database; the outbox rows are there to inspect."""
    settings = make_settings(infra, await create_database("inventory"), topic_prefix)
    app = build_app(settings, workers=False)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://inventory") as c:
            c.pool = app.state.pool  # type: ignore[attr-defined]
            c.settings = settings  # type: ignore[attr-defined]
            yield c
