"""Settings every service reads from the environment (prefix ``EKTP_``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self
from urllib.parse import unquote, urlsplit, urlunsplit

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .kafka import KafkaAccess
from .office import Office
from .office import current as current_office


def repo_root() -> Path:
    """The workspace root (where ``.run`` and ``.cache`` live in development)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "services").is_dir():
            return parent
    return Path.cwd()


def default_key_dir() -> Path:
    return repo_root() / ".run" / "keys"


# The key files `ektp keys init` makes in default_key_dir(). Who holds which (DESIGN.md
# section 6, "Keys"): the token issuer the JWT private key, central-sim centre.key,
# printing print_room.key; the services only the public halves they use.
JWT_PRIVATE_KEY = "jwt.pem"
JWT_PUBLIC_KEY = "jwt.pub.pem"
CENTRE_PRIVATE_KEY = "centre.key"
CENTRE_PUBLIC_KEY = "centre.pub"
PRINT_ROOM_PRIVATE_KEY = "print_room.key"
PRINT_ROOM_PUBLIC_KEY = "print_room.pub"


def key_file(name: str) -> Any:
    """A settings field for one key file, by default in default_key_dir()."""
    return Field(default_factory=lambda: default_key_dir() / name)


# A working day: the longest a bearer token may live (exp - iat); verifier and issuer agree.
DEFAULT_TOKEN_MAX_TTL_SECONDS = 12 * 3600



# Partitions of each topic the provisioning step creates (EKTP_KAFKA_PARTITIONS): the most
# instances of one service that can consume a topic at once (DESIGN section 3).
DEFAULT_PARTITIONS = 6

class TokenSettings(BaseSettings):
    """What the token issuer and every verifier must agree on."""

    model_config = SettingsConfigDict(env_prefix="EKTP_", env_file=None, extra="ignore")

    # The office's own (ektp_shared.office: dukcapil.<its domain>) unless set.
    jwt_issuer: str = Field(default_factory=lambda: current_office().jwt_issuer)
    jwt_audience: str = "ektp"
    # A token valid for longer than this (exp - iat) is refused, and never minted.
    token_max_ttl_seconds: int = Field(DEFAULT_TOKEN_MAX_TTL_SECONDS, gt=0)


class ServiceSettings(TokenSettings):
    """Settings shared by every service; each service subclasses it with its own fields.

    Every address is configurable so that the same code runs under ``make up``, under
    docker-compose and in the test fixtures. A service's settings name only the key files
    it holds: the private keys are fields of central-sim (centre.key), printing
    (print_room.key) and the token issuer (ektp_shared.keys.KeySettings) alone.
    """

    service_name: str = "ektp"
    kafka_bootstrap: str = "127.0.0.1:9092"
    # Who the service is to Kafka (SASL/SCRAM-SHA-512): its own principal, ektp-<service>,
    # which may use only the topics of DESIGN section 3. Unset: no SASL (a broker that asks
    # for none). The password itself, or a file holding it (make up hands each service its
    # own: .run/secrets/kafka/ektp-<service>.password).
    kafka_username: str | None = None
    kafka_password: SecretStr | None = None
    kafka_password_file: Path | None = None
    # Provisioning (make topics, compose's provision): every topic's partitions and replicas.
    # Six: room for up to six instances of a consuming service to share each topic.
    kafka_partitions: int = Field(DEFAULT_PARTITIONS, ge=1)
    kafka_replication_factor: int = Field(1, ge=1)
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

    # Auth: services only ever hold the public key (least privilege); the token issuer
    # (`ektp token issue`) holds the private key.
    jwt_public_key_file: Path = key_file(JWT_PUBLIC_KEY)
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
    def _kafka_password_given(self) -> Self:
        if self.kafka_username and not (self.kafka_password or self.kafka_password_file):
            raise ValueError(f"kafka_username {self.kafka_username!r} needs kafka_password or "
                             "kafka_password_file (EKTP_KAFKA_PASSWORD[_FILE])")
        return self

    @property
    def kafka(self) -> KafkaAccess:
        """Where Kafka is and this process's principal (read the password file now)."""
        password = None
        if self.kafka_password is not None:
            password = self.kafka_password.get_secret_value()
        elif self.kafka_password_file is not None:
            password = self.kafka_password_file.read_text().strip()
        return KafkaAccess(self.kafka_bootstrap, self.kafka_username or None, password)

    @model_validator(mode="after")
    def _inbox_outlives_topics(self) -> Self:
        if self.inbox_retention_days < self.topic_retention_days:
            raise ValueError(
                f"inbox_retention_days ({self.inbox_retention_days}) must be at least "
                f"topic_retention_days ({self.topic_retention_days}): a redelivered or "
                "replayed event would otherwise be applied twice"
            )
        return self

    @property
    def office(self) -> Office:
        """The office this process serves (EKTP_KABUPATEN and its kin)."""
        return current_office()

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
