"""Wires the accounts service: its database (no relay, no consumer), the signing key and
the password hasher."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI

from ektp_shared.runtime import ServiceRuntime

from .adapters.passwords import Passwords
from .config import Settings
from .handlers import Keys

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def build_runtime(settings: Settings) -> ServiceRuntime:
    return ServiceRuntime(settings=settings, migrations_dir=MIGRATIONS)


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
