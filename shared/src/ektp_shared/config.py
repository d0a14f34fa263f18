"""Settings every service reads from the environment (prefix ``EKTP_``)."""

from __future__ import annotations

from pathlib import Path
from typing import Self
from urllib.parse import unquote, urlsplit, urlunsplit

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def repo_root() -> Path:
    """The workspace root (where ``.run`` and ``.cache`` live in development)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "services").is_dir():
            return parent
    return Path.cwd()


def default_key_dir() -> Path:
    return repo_root() / ".run" / "keys"


class ServiceSettings(BaseSettings):
    """Settings shared by every service; each service subclasses it with its own fields.

    Every address is configurable so that the same code runs under ``make up``, under
    docker-compose and in the test fixtures.
    """

    model_config = SettingsConfigDict(env_prefix="EKTP_", env_file=None, extra="ignore")

    service_name: str = "ektp"
    kafka_bootstrap: str = "127.0.0.1:9092"
    # Lets tests run several isolated copies of the topics on one broker.
    topic_prefix: str = ""
    # The service's own role: under `make up` and compose one that may change its tables'
    # rows but only INSERT and SELECT audit_log (DESIGN section 6).
    database_url: str = "postgresql://ektp:ektp@127.0.0.1:5432/ektp"
    # The owner role, which runs Alembic and grants database_url's role its privileges. A
    # URL without a database ("postgresql://ektp:pw@host:5432") means database_url's
    # database. Unset: database_url migrates too (one role owns everything, so the audit
    # table is not append-only: a warning says so).
    migration_database_url: str | None = None
    db_pool_min: int = 1
    db_pool_max: int = 10
    http_host: str = "127.0.0.1"
    http_port: int = 8000
    log_level: str = "INFO"
    log_json: bool = True

    # Auth: services only ever hold the public key (least privilege); the token command
    # holds the private key.
    jwt_public_key_file: Path = Field(default_factory=lambda: default_key_dir() / "jwt.pub.pem")
    jwt_private_key_file: Path = Field(default_factory=lambda: default_key_dir() / "jwt.pem")
    jwt_issuer: str = "dukcapil-boltim"
    jwt_audience: str = "ektp"
    jwt_ttl_minutes: int = 12 * 60
    # An external OpenID Connect provider (Keycloak) trusted beside the office's tokens:
    # unset issuer, none. Its tokens are RS256/ES256; roles come from role_claim (a dotted
    # path), mapped by oidc_role_map (JSON {"provider-role": "office-role"}; default: the
    # office's role names as they are). Audience: oidc_audience, else jwt_audience.
    oidc_issuer: str | None = None
    oidc_jwks_url: str | None = None
    oidc_audience: str | None = None
    oidc_role_claim: str = "roles"
    oidc_role_map: str | None = None
    oidc_user_claim: str = "preferred_username"
    oidc_jwks_cache_seconds: float = Field(300.0, gt=0)
    oidc_jwks_min_refetch_seconds: float = Field(30.0, ge=0)

    # The national data centre's X25519 key pair (sealed biometric packets). Enrollment
    # holds only the public half; only the centre (central-sim locally) holds the private.
    centre_public_key_file: Path = Field(default_factory=lambda: default_key_dir() / "centre.pub")
    centre_private_key_file: Path = Field(default_factory=lambda: default_key_dir() / "centre.key")
    # The print room's X25519 key pair: sync seals the card's photo and signature with the
    # public half; only printing holds the private half, to render the card.
    print_room_public_key_file: Path = Field(
        default_factory=lambda: default_key_dir() / "print_room.pub")
    print_room_private_key_file: Path = Field(
        default_factory=lambda: default_key_dir() / "print_room.key")

    relay_batch_size: int = 500
    relay_idle_seconds: float = 0.2
    outbox_retention_days: int = 30
    # Idempotency-Key answers are replayed for this long, then purged (set-based, hourly).
    idempotency_retention_days: int = 30
    housekeeping_every_seconds: float = 3600.0
    consumer_enabled: bool = True
    relay_enabled: bool = True

    # How long Kafka keeps every topic and its DLQ (the provisioning step sets it).
    topic_retention_days: int = Field(90, ge=1)
    # Inbox rows outlive every copy of their message (a topic, a late DLQ copy written by a
    # lagging group), so a redelivery or an `ektp dlq replay` is always recognised.
    inbox_retention_days: int = Field(
        default_factory=lambda data: data["topic_retention_days"] + 7, ge=1
    )
    # The consumer's bound on one statement: a handler stuck on a lock cannot hold its
    # partition for ever; this many timeouts in a row make the message poison (DLQ).
    consumer_statement_timeout_seconds: float = Field(30.0, gt=0)
    consumer_timeout_attempts: int = Field(5, ge=1)
    # A batch retried, or Kafka lost, for this long makes /readyz say "degraded".
    consumer_stall_seconds: float = Field(60.0, gt=0)

    @model_validator(mode="after")
    def _oidc_complete(self) -> Self:
        if bool(self.oidc_issuer) != bool(self.oidc_jwks_url):
            raise ValueError("oidc_issuer and oidc_jwks_url go together: set both or neither")
        return self

    @model_validator(mode="after")
    def _inbox_outlives_topics(self) -> Self:
        if self.inbox_retention_days < self.topic_retention_days:
            raise ValueError(
                f"inbox_retention_days ({self.inbox_retention_days}) must be at least "
                f"topic_retention_days ({self.topic_retention_days}): a redelivered or "
                "replayed event would otherwise be applied twice"
            )
        return self

    def topic(self, name: str) -> str:
        """Full topic name for a producing service, e.g. ``topic("enrollment")``."""
        return f"{self.topic_prefix}ektp.{name}.events"

    @property
    def migration_dsn(self) -> str:
        """The owner role's DSN for this service's database (see migration_database_url)."""
        if not self.migration_database_url:
            return self.database_url
        owner = urlsplit(self.migration_database_url)
        if owner.path.strip("/"):
            return self.migration_database_url
        runtime = urlsplit(self.database_url)
        return urlunsplit(owner._replace(path=runtime.path, query=owner.query or runtime.query))

    @property
    def database_role(self) -> str | None:
        """The role the service connects as (database_url's user)."""
        return dsn_user(self.database_url)


def dsn_user(dsn: str) -> str | None:
    user = urlsplit(dsn).username
    return unquote(user) if user else None
