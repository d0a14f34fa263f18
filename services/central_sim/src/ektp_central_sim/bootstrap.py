"""Builds the simulator's runtime: its database only (no relay, no consumer)."""

from __future__ import annotations

from pathlib import Path

from ektp_shared.runtime import ServiceRuntime

from .config import Settings

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def build_runtime(settings: Settings) -> ServiceRuntime:
    return ServiceRuntime(settings=settings, migrations_dir=MIGRATIONS)
