"""Helpers for the sync service's tests and benchmark."""

from __future__ import annotations

from typing import Any

from .config import Settings


def fast_settings(**over: Any) -> Settings:
    """Seconds where production has minutes: the tests must fit the suite's budget."""
    base: dict[str, Any] = dict(
        log_json=False, log_level="WARNING", relay_idle_seconds=0.1,
        central_timeout=1.0, central_connect_timeout=0.5,
        retry_attempts=2, retry_base_seconds=0.05, retry_max_seconds=0.2,
        breaker_failures=3, breaker_reset_seconds=0.5,
        item_backoff_base_seconds=0.05, item_backoff_max_seconds=0.3, max_item_attempts=3,
        submit_batch_size=25, sender_idle_seconds=0.1, verdict_poll_seconds=0.3,
        roster_interval_seconds=3600, reports_idle_seconds=0.2, outbox_blank_seconds=0.2,
    )
    return Settings(**{**base, **over})


def env_of(settings: Settings) -> dict[str, str]:
    """The same settings as EKTP_* variables, for a real process."""
    out = {}
    for name, value in settings.model_dump().items():
        if value is None:
            continue
        if hasattr(value, "get_secret_value"):
            value = value.get_secret_value()
        out[f"EKTP_{name.upper()}"] = str(value)
    return out
