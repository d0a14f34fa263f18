"""Throwaway resources for tests and benchmarks: a free loopback port, scratch databases."""

from __future__ import annotations

import contextlib
import socket
import uuid
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import asyncpg

# The two roles of the tests' service databases, as under `make up`: the owner runs the
# migrations, the service connects as the other (audit_log append-only). Fixed names and
# passwords, so that concurrent test sessions on one server share them without a race.
TEST_OWNER_ROLE = "ektp_test_owner"
TEST_SERVICE_ROLE = "ektp_test_service"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def free_ports(count: int) -> list[int]:
    """``count`` distinct free ports: each socket stays bound until all are chosen (calls
    of :func:`free_port` one after another may be handed the same port twice)."""
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [int(s.getsockname()[1]) for s in sockets]


def dsn_for(admin_dsn: str, database: str) -> str:
    """The admin DSN pointed at another database of the same server."""
    return f"{admin_dsn.rpartition('/')[0]}/{database}"


def with_role(dsn: str, role: str, *, database: str | None = None) -> str:
    """``dsn`` as ``role`` (its password is its name: loopback test clusters only), on
    ``database`` or, with ``database=""``, on no database (the migration URL form)."""
    parts = urlsplit(dsn)
    host = parts.hostname or "127.0.0.1"
    netloc = f"{quote(role)}:{quote(role)}@{host}" + (f":{parts.port}" if parts.port else "")
    path = parts.path if database is None else f"/{database}" if database else ""
    return urlunsplit(parts._replace(netloc=netloc, path=path))


async def ensure_test_roles(admin_dsn: str) -> None:
    conn = await asyncpg.connect(admin_dsn)
    try:
        for role in (TEST_OWNER_ROLE, TEST_SERVICE_ROLE):
            if await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", role) is None:
                with contextlib.suppress(asyncpg.DuplicateObjectError,
                                         asyncpg.UniqueViolationError):
                    await conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{role}'")
    finally:
        await conn.close()


def migration_url_for_tests(admin_dsn: str) -> str:
    """EKTP_MIGRATION_DATABASE_URL for the tests' service databases (no database: each
    service's own, from its database_url)."""
    return with_role(admin_dsn, TEST_OWNER_ROLE, database="")


async def create_service_database(admin_dsn: str, label: str, prefix: str = "test") -> str:
    """A new, empty database owned by the tests' owner role; returns the DSN of the
    service role (which :func:`ektp_shared.db.migrate_service` grants after migrating)."""
    await ensure_test_roles(admin_dsn)
    name = f"{prefix}_{label}_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}" OWNER {TEST_OWNER_ROLE}')
    finally:
        await conn.close()
    return with_role(admin_dsn, TEST_SERVICE_ROLE, database=name)


def owner_dsn(service_dsn: str) -> str:
    """The owner role's DSN of a database :func:`create_service_database` made: for a test
    that must do what the service may not (DDL, revoking a privilege)."""
    return with_role(service_dsn, TEST_OWNER_ROLE)


async def migrate_as_owner(service_dsn: str, migrations_dir: Path) -> None:
    """Migrate a database :func:`create_service_database` made, as the services do: as the
    owner role, granting the service role its rights (``db.migrate_service``)."""
    from ektp_shared.db import dsn_user, migrate

    await migrate(owner_dsn(service_dsn), migrations_dir, grant_to=dsn_user(service_dsn))


async def create_scratch_database(admin_dsn: str, label: str, prefix: str = "test") -> str:
    """A new, empty database named ``<prefix>_<label>_<random>``; returns its DSN."""
    name = f"{prefix}_{label}_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return dsn_for(admin_dsn, name)


async def drop_databases(admin_dsn: str, dsns: Iterable[str]) -> None:
    conn = await asyncpg.connect(admin_dsn)
    try:
        for dsn in dsns:
            await conn.execute(f'DROP DATABASE IF EXISTS "{dsn.rpartition("/")[2]}" WITH (FORCE)')
    finally:
        await conn.close()


@asynccontextmanager
async def scratch_database(admin_dsn: str, label: str, prefix: str = "bench") -> AsyncIterator[str]:
    """A database for the length of a ``with`` block (a benchmark's own), dropped after."""
    dsn = await create_scratch_database(admin_dsn, label, prefix)
    try:
        yield dsn
    finally:
        await drop_databases(admin_dsn, [dsn])
