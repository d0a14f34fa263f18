"""Running the enrollment service in process for the integration tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx

from ektp_enrollment.config import Settings
from ektp_enrollment.entrypoints.api import build_app
from ektp_shared.kafka import dlq_topic
from ektp_shared.testing.kafka import create_topics


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
    if workers:
        # The runtime creates topics in the background, racing the consumer's subscribe; a
        # consumer that subscribed first may not see the topic until its next metadata
        # refresh (minutes). Creating them first keeps the tests quick and steady.
        topics = [settings.topic(p) for p in ("enrollment", "central")]
        await create_topics(settings.kafka, topics + [dlq_topic(t) for t in topics])
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://enrollment",
                                     timeout=60) as client:
            yield Office(client, settings, app.state.pool, app)
