"""Settings of the national data centre simulator (development, demos and tests only)."""

from __future__ import annotations

from pydantic import SecretStr

from ektp_shared.config import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "central-sim"
    http_port: int = 8009
    database_url: str = "postgresql://ektp:ektp@127.0.0.1:5432/ektp_central_sim"
    # The centre speaks HTTP only: no outbox to relay, no topic to consume.
    relay_enabled: bool = False
    consumer_enabled: bool = False

    # When set, every /v1 and /control call must carry it in ``api_key_header``.
    api_key: SecretStr | None = None
    api_key_header: str = "X-API-Key"
    # Seconds between receipt and the verdict (PRR / duplicate): seconds in tests, days in a demo.
    verdict_delay_seconds: float = 5.0
    kabupaten: str = "71.10"
    max_batch: int = 1000
