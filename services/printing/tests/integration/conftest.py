"""A printing service in-process against the real broker and database, one per test."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest_asyncio

from ektp_printing.config import Settings
from ektp_printing.entrypoints.api import build_app
from ektp_shared.devinfra import InfraEndpoints
from ektp_shared.envelope import CloudEvent
from ektp_shared.kafka import dlq_topic
from ektp_shared.testing.kafka import create_topics, publish, read_events


@dataclass
class PrintingUnderTest:
    settings: Settings
    client: httpx.AsyncClient
    db: asyncpg.Pool
    auth: Callable[..., dict[str, str]]

    async def send(self, producer: str, events: list[CloudEvent]) -> None:
        await publish(self.settings.kafka, self.settings.topic(producer), events)

    async def published(self, expect: int, timeout: float = 30.0) -> list[CloudEvent]:
        return await read_events(self.settings.kafka, self.settings.topic("printing"),
                                 expect=expect, timeout=timeout)

    async def scalar(self, sql: str, *args: Any) -> Any:
        return await self.db.fetchval(sql, *args)

    async def register(self, name: str, status: str = "ONLINE", driver: str = "simulated",
                       **extra: Any) -> str:
        reply = await self.client.post(
            "/printers", headers=self.auth("supervisor"),
            json={"name": name, "model": "Evolis Primacy 2", "driver": driver,
                  "location": "Ruang cetak", "status": status,
                  "reason": "" if status == "ONLINE" else "rusak berat", **extra},
        )
        assert reply.status_code == 201, reply.text
        return str(reply.json()["id"])



def printing_settings(infra: InfraEndpoints, dsn: str, prefix: str, spool: Path,
                      public_key: Path, **overrides: Any) -> Settings:
    return Settings(
        database_url=dsn, kafka_bootstrap=infra.kafka_bootstrap, topic_prefix=prefix,
        log_json=False, spool_dir=spool, engine_poll_seconds=0.1, jwt_public_key_file=public_key,
        **overrides,
    )


@pytest_asyncio.fixture(loop_scope="session")
async def start_printing(
    infra: InfraEndpoints, topic_prefix: str, create_database: Callable[[str], Awaitable[str]],
    jwt_keys: tuple[Path, Path], print_room_keys: tuple[Path, Path],
    auth_header: Callable[..., dict[str, str]], tmp_path: Path,
) -> AsyncIterator[Callable[..., Awaitable[PrintingUnderTest]]]:
    stops: list[Callable[[], Awaitable[None]]] = []

    async def start(**overrides: Any) -> PrintingUnderTest:
        prefix = f"{topic_prefix}{uuid.uuid4().hex[:6]}."
        settings = printing_settings(infra, await create_database("printing"), prefix,
                                     tmp_path / "spool", jwt_keys[1], **overrides)
        topics = [settings.topic(p) for p in ("central", "inventory", "printing")]
        await create_topics(infra.kafka, topics + [dlq_topic(t) for t in topics])
        app = build_app(settings)
        lifespan = app.router.lifespan_context(app)
        await lifespan.__aenter__()
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                   base_url="http://printing.test")

        async def stop() -> None:
            await client.aclose()
            await lifespan.__aexit__(None, None, None)

        stops.append(stop)
        return PrintingUnderTest(settings, client, app.state.pool, auth_header)

    yield start
    for stop in reversed(stops):
        await stop()
