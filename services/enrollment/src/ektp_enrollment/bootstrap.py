"""Builds the runtime: pool and migrations, outbox relay, and the consumer of the
centre's verdicts and roster entries."""

from __future__ import annotations

import asyncio
from pathlib import Path

from ektp_shared.runtime import ConsumerSpec, ServiceRuntime

from .config import Settings
from .handlers import CONSUMED

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def build_runtime(settings: Settings) -> ServiceRuntime:
    return ServiceRuntime(
        settings=settings,
        migrations_dir=MIGRATIONS,
        consumer_spec=ConsumerSpec(
            group_id=f"{settings.topic_prefix}enrollment",
            topics=[settings.topic("central")],
            handlers=CONSUMED,
        ),
    )


if __name__ == "__main__":  # a worker process: relay and consumer without HTTP
    from ektp_shared.logging import configure_logging

    s = Settings()
    configure_logging(s.service_name, s.log_level, s.log_json)
    asyncio.run(build_runtime(s).run_forever())
