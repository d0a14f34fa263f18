"""The accounts service's settings (env prefix ``EKTP_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ektp_shared.config import JWT_PRIVATE_KEY, ServiceSettings, key_file


class Settings(ServiceSettings):
    service_name: str = "accounts"
    http_port: int = 8005
    database_url: str = "postgresql://ektp:ektp@127.0.0.1:5432/ektp_accounts"
    # Accounts publishes and consumes no events: no relay, no consumer.
    relay_enabled: bool = False
    consumer_enabled: bool = False
    # The office's token issuer: the only service whose settings name the signing key.
    jwt_private_key_file: Path = key_file(JWT_PRIVATE_KEY)

    # An access token lives minutes: a disabled or locked user is out of every service
    # within one lifetime, since this service refuses to refresh them.
    access_token_minutes: float = Field(5.0, gt=0, le=60)
    # A sign-in's refresh credential lives one working day at most (not extended by use).
    session_hours: float = Field(12.0, gt=0, le=24 * 7)
    # This many wrong passwords in a row lock the account until a supervisor unlocks it.
    # Ended sessions are deleted this long after their end (the audit table keeps the story).
    session_retention_days: int = Field(7, ge=1)
    lockout_after: int = Field(5, ge=1, le=100)
    password_min_length: int = Field(10, ge=8, le=64)
    # argon2id cost (argon2-cffi's defaults are RFC 9106's low-memory profile).
    argon2_time_cost: int = Field(3, ge=1)
    argon2_memory_kib: int = Field(65536, ge=8)
    argon2_parallelism: int = Field(4, ge=1)
