"""Wires the web app: its database (sessions only; no relay, no consumer)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

import asyncpg

from ektp_shared.db import TRANSIENT_DB_ERRORS
from ektp_shared.runtime import ServiceRuntime

from .adapters import sessions
from .config import Settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
_DB_FAILURES: tuple[type[BaseException], ...] = (asyncpg.PostgresError, *TRANSIENT_DB_ERRORS)
log = logging.getLogger(__name__)


def build_runtime(settings: Settings) -> ServiceRuntime:
    async def purge_ended_sessions(runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                async with runtime.db.acquire() as conn:
                    await sessions.purge(conn, settings.idle_minutes)
            except _DB_FAILURES as exc:
                log.warning("session purge: %s; next round later", type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), settings.housekeeping_every_seconds)

    return ServiceRuntime(settings=settings, migrations_dir=MIGRATIONS,
                          background=[purge_ended_sessions])
