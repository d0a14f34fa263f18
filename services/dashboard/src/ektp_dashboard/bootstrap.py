"""Wires the dashboard: one consumer over all four topics into the read model; in province
mode over every office's four topics, each office into its kabupaten's read model."""

from __future__ import annotations

from pathlib import Path

from ektp_shared.runtime import PRODUCERS, ConsumerSpec, ServiceRuntime

from . import province
from .config import Settings
from .handlers import EventHandlers

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def build_runtime(settings: Settings) -> ServiceRuntime:
    if settings.dashboard_mode == "province":
        topics = province.topic_handlers(settings)
        return ServiceRuntime(
            settings=settings,
            migrations_dir=MIGRATIONS,
            prepare=lambda s: province.prepare(settings),
            consumer_spec=ConsumerSpec(
                group_id=province.group_id(settings),
                topics=sorted(topics),
                handlers={},
                topic_handlers=topics,
            ),
        )
    return ServiceRuntime(
        settings=settings,
        migrations_dir=MIGRATIONS,
        consumer_spec=ConsumerSpec(
            group_id=f"{settings.topic_prefix}dashboard",
            topics=[settings.topic(p) for p in PRODUCERS],
            handlers=EventHandlers(settings).table(),
        ),
    )
