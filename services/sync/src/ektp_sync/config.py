"""Settings of the sync service (prefix ``EKTP_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr

from ektp_shared.config import PRINT_ROOM_PUBLIC_KEY, ServiceSettings, key_file
from ektp_shared.office import current as current_office


class Settings(ServiceSettings):
    service_name: str = "sync"
    http_port: int = 8002
    database_url: str = "postgresql://ektp:ektp@127.0.0.1:5432/ektp_sync"

    # The print room's public key: the card's photo and signature from the centre are
    # sealed with it, so that only printing opens them.
    print_room_public_key_file: Path = key_file(PRINT_ROOM_PUBLIC_KEY)

    # The national data centre link.
    central_url: str = "http://127.0.0.1:8009"
    central_connect_timeout: float = 5.0
    central_timeout: float = 30.0
    central_api_key: SecretStr | None = None
    central_api_key_header: str = "X-API-Key"
    central_tls_verify: bool = True
    central_ca_file: Path | None = None
    central_client_cert_file: Path | None = None
    central_client_key_file: Path | None = None

    # Retries of one call (tenacity: exponential backoff with full jitter).
    retry_attempts: int = 3
    retry_base_seconds: float = 0.5
    retry_max_seconds: float = 10.0
    # The circuit breaker: open after this many failed calls in a row, probe after that long.
    breaker_failures: int = 5
    breaker_reset_seconds: float = 30.0
    # An item the centre refuses for now waits before its next try, growing to the cap; after
    # ``max_item_attempts`` such refusals it goes to the operator queue (retryable).
    item_backoff_base_seconds: float = 5.0
    item_backoff_max_seconds: float = 600.0
    max_item_attempts: int = 20

    # The centre lease: one instance at a time sends, polls, reports and pulls the roster;
    # when it dies another takes over after at most this many seconds.
    centre_lease_seconds: float = Field(default=5.0, gt=0.2, le=300)

    submit_batch_size: int = 100
    submit_concurrency: int = 2
    sender_idle_seconds: float = 1.0
    verdict_poll_seconds: float = 60.0
    verdict_batch_size: int = 500
    roster_interval_seconds: float = 3600.0
    # The office's own (EKTP_KABUPATEN).
    roster_kabupaten: str = Field(default_factory=lambda: current_office().kode)
    roster_page_size: int = 500
    reports_idle_seconds: float = 5.0
    # How often published print_ready rows get their card data blanked in the outbox.
    outbox_blank_seconds: float = 10.0
