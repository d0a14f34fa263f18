"""Wires the accounts service: its database (no relay, no consumer), the signing key and
the password hasher."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

import asyncpg
from fastapi import FastAPI

from ektp_shared.db import TRANSIENT_DB_ERRORS
from ektp_shared.runtime import ServiceRuntime

from .adapters import repository as repo
from .adapters.passwords import Passwords
from .config import Settings
from .handlers import Keys

_DB_FAILURES: tuple[type[BaseException], ...] = (asyncpg.PostgresError, *TRANSIENT_DB_ERRORS)
MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


log = logging.getLogger(__name__)


def build_runtime(settings: Settings) -> ServiceRuntime:
    async def purge_ended_sessions(runtime: ServiceRuntime, stop: asyncio.Event) -> None:
        await purge_sessions_every_round(runtime, stop, settings)

    return ServiceRuntime(settings=settings, migrations_dir=MIGRATIONS,
                          background=[purge_ended_sessions])


async def purge_sessions_every_round(runtime: ServiceRuntime, stop: asyncio.Event,
                                     settings: Settings) -> None:
    """Every refresh leaves a rotated row: delete the sessions long ended, each round."""
    while not stop.is_set():
        try:
            async with runtime.db.acquire() as conn:
                purged = await repo.purge_sessions(conn, settings.session_retention_days)
            if purged:
                log.info("purged %d ended sessions", purged)
        except _DB_FAILURES as exc:
            log.warning("session purge: %s; next round later", type(exc).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), settings.housekeeping_every_seconds)


def signing_keys(settings: Settings) -> Keys:
    """The private key that signs the office's tokens: this service is its only holder."""
    path = settings.jwt_private_key_file
    if not path.is_file():
        raise RuntimeError(f"no JWT private key at {path}; run `ektp keys init` (the accounts "
                           "service signs the office's tokens)")
    return Keys(private_key_pem=path.read_bytes(), issuer=settings.jwt_issuer,
                audience=settings.jwt_audience)


def on_started(settings: Settings) -> Callable[[FastAPI], Awaitable[None]]:
    async def load(app: FastAPI) -> None:
        app.state.signing_keys = signing_keys(settings)
        app.state.passwords = Passwords(settings)

    return load
