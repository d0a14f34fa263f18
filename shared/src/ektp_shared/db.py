"""PostgreSQL access (asyncpg) and versioned migrations (Alembic), applied at start."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeAlias

import asyncpg

from .config import ServiceSettings, dsn_user

if TYPE_CHECKING:
    from asyncpg.pool import PoolConnectionProxy

    # What handlers receive: a plain connection or one borrowed from a pool.
    Connection: TypeAlias = asyncpg.Connection | PoolConnectionProxy[asyncpg.Record]
else:
    Connection = asyncpg.Connection

log = logging.getLogger(__name__)

# Errors that mean "the database is not reachable right now", as opposed to "this
# statement is wrong": callers retry the first kind and report the second.
TRANSIENT_DB_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    asyncio.TimeoutError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.TooManyConnectionsError,
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.CrashShutdownError,
    asyncpg.exceptions.InterfaceError,
    asyncpg.exceptions.ConnectionFailureError,
    asyncpg.exceptions.SerializationError,
    asyncpg.exceptions.DeadlockDetectedError,
)

DbErrorKind = Literal["transient", "operator", "timeout", "poison"]


class DbErrorClass(NamedTuple):
    kind: DbErrorKind
    # A short name for alarms and metric labels, e.g. "read_only", "disk_full".
    reason: str


# Conditions an operator must fix (disk, mode, grants, a migration not run): no message is
# at fault, so none may go to a DLQ for them. SQLSTATE first, then its class (two chars).
_OPERATOR_STATES = {
    "25006": "read_only",  # read-only transaction (standby, default_transaction_read_only)
    "42501": "privilege",  # a revoked grant
    "42P01": "schema", "42703": "schema", "42883": "schema", "3F000": "schema",
    "3D000": "schema",  # the database itself is gone
    "28000": "login", "28P01": "login",
    "53100": "disk_full",
    "53200": "out_of_memory",
}
_OPERATOR_CLASSES = {"53": "resources", "58": "system", "XX": "internal"}
# Ran out of time (statement_timeout, lock_timeout): maybe load, maybe this message.
_TIMEOUT_STATES = {"57014": "statement_timeout", "55P03": "lock_timeout"}


def classify_db_error(exc: BaseException) -> DbErrorClass:
    """What an error while applying a message means for the message.

    ``transient``: the database is unreachable; retry. ``operator``: the database cannot do
    the work until someone fixes it; pause and alarm. ``timeout``: retry, but a message that
    times out again and again is the message's fault. ``poison``: this message can never be
    applied (a handler's own error, a constraint it breaks).
    """
    if isinstance(exc, TRANSIENT_DB_ERRORS):
        return DbErrorClass("transient", "connection")
    state = getattr(exc, "sqlstate", None) if isinstance(exc, asyncpg.PostgresError) else None
    if state:
        if state in _TIMEOUT_STATES:
            return DbErrorClass("timeout", _TIMEOUT_STATES[state])
        reason = _OPERATOR_STATES.get(state) or _OPERATOR_CLASSES.get(state[:2])
        if reason:
            return DbErrorClass("operator", reason)
    return DbErrorClass("poison", "message")


async def _init_connection(conn: Connection) -> None:
    for typename in ("json", "jsonb"):
        await conn.set_type_codec(
            typename, encoder=json.dumps, decoder=json.loads, schema="pg_catalog"
        )


async def create_pool(
    dsn: str, *, min_size: int = 1, max_size: int = 10, attempts: int = 60
) -> asyncpg.Pool:
    """Open a pool, waiting (up to ``attempts`` seconds) for the server to come up."""
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(
                dsn, min_size=min_size, max_size=max_size, init=_init_connection,
                command_timeout=60,
            )
            assert pool is not None
            return pool
        except TRANSIENT_DB_ERRORS as exc:
            if attempt == attempts:
                raise
            log.warning("database not reachable yet (%s), retrying", type(exc).__name__)
            await asyncio.sleep(1)
    raise RuntimeError("unreachable")


@asynccontextmanager
async def transaction(pool: asyncpg.Pool) -> AsyncIterator[Connection]:
    async with pool.acquire() as conn, conn.transaction():
        yield conn


def sqlalchemy_url(dsn: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if dsn.startswith(prefix):
            return "postgresql+asyncpg://" + dsn[len(prefix):]
    return dsn


def run_migrations(dsn: str, migrations_dir: Path, *, grant_to: str | None = None) -> None:
    """Upgrade the database to the newest revision (blocking; call in a thread).

    Each service keeps its revisions in its own ``migrations/`` folder whose ``env.py`` calls
    :func:`ektp_shared.migrations_env.run`. ``grant_to`` is the service's runtime role: after
    the upgrade the owner grants it DML on every table, audit_log append-only
    (:data:`ektp_shared.migrations_env.RUNTIME_GRANTS`), so later tables are covered too.
    """
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    cfg.set_main_option("sqlalchemy.url", sqlalchemy_url(dsn).replace("%", "%%"))
    cfg.attributes["grant_to"] = grant_to
    command.upgrade(cfg, "head")


async def migrate(dsn: str, migrations_dir: Path, *, grant_to: str | None = None) -> None:
    # Alembic's async env runs its own event loop, so it gets a thread of its own.
    await asyncio.to_thread(run_migrations, dsn, migrations_dir, grant_to=grant_to)


async def migrate_service(settings: ServiceSettings, migrations_dir: Path) -> None:
    """Migrate as the owner role and grant the service's runtime role (DESIGN section 6)."""
    owner, runtime = dsn_user(settings.migration_dsn), settings.database_role
    if owner == runtime:
        log.warning(
            "%s migrates with its own role (EKTP_MIGRATION_DATABASE_URL not set): it owns its "
            "tables, so its audit table is not append-only", settings.service_name,
        )
    await migrate(settings.migration_dsn, migrations_dir,
                  grant_to=runtime if owner != runtime else None)


def record_to_dict(record: asyncpg.Record | None) -> dict[str, Any] | None:
    return dict(record) if record is not None else None
