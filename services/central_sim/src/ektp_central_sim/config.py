"""Settings of the national data centre simulator (development, demos and tests only)."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from pydantic import Field, SecretStr, model_validator

from ektp_shared.config import CENTRE_PRIVATE_KEY, ServiceSettings, key_file
from ektp_shared.office import current as current_office


class Settings(ServiceSettings):
    service_name: str = "central-sim"
    http_port: int = 8009
    database_url: str = "postgresql://ektp:ektp@127.0.0.1:5432/ektp_central_sim"
    # The centre speaks HTTP only: no outbox to relay, no topic to consume.
    relay_enabled: bool = False
    consumer_enabled: bool = False

    # The centre's private key, which opens the sealed biometric packets: only the centre
    # holds it (no other service's settings name it).
    centre_private_key_file: Path = key_file(CENTRE_PRIVATE_KEY)

    # When set, every /v1 and /control call must carry it in ``api_key_header``. Required
    # whenever http_host is not a loopback address: /control resets and rigs the centre.
    api_key: SecretStr | None = None
    api_key_header: str = "X-API-Key"
    # Seconds between receipt and the verdict (PRR / duplicate): seconds in tests, days in a demo.
    verdict_delay_seconds: float = 5.0
    # The kabupaten the roster and a new population default to: the office's (EKTP_KABUPATEN).
    kabupaten: str = Field(default_factory=lambda: current_office().kode)
    max_batch: int = 1000

    @model_validator(mode="after")
    def _key_beyond_loopback(self) -> Settings:
        if not is_loopback(self.http_host) and not (
            self.api_key and self.api_key.get_secret_value().strip()
        ):
            raise ValueError(
                f"central-sim listens on {self.http_host}, beyond 127.0.0.1: set EKTP_API_KEY "
                "(and the same EKTP_CENTRAL_API_KEY for sync), or listen on 127.0.0.1"
            )
        return self


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere
