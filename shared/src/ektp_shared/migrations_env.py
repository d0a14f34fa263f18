"""The body of every service's ``migrations/env.py``: online migrations over asyncpg.

A session-level advisory lock makes concurrent starts (API and worker of one service)
apply each revision once. Migrations run as the owner role; after the upgrade the owner
grants the service's runtime role what it needs, audit_log append-only (DESIGN section 6).
"""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import pool, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import async_engine_from_config

MIGRATION_LOCK_ID = 6975_2026

# Re-run after every upgrade, so tables made by later revisions are covered too. The
# service may change its own rows, but the audit trail only grows: no UPDATE, DELETE or
# TRUNCATE on audit_log, and Alembic's own bookkeeping is read only.
RUNTIME_GRANTS = (
    "GRANT USAGE ON SCHEMA public TO {role}",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
    "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
    "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {role}",
    "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {role}",
)


def _quote_role(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _do_run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=None, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    config = context.config
    engine = async_engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    async with engine.connect() as connection:
        await connection.execute(text(f"SELECT pg_advisory_lock({MIGRATION_LOCK_ID})"))
        await connection.commit()
        try:
            await connection.run_sync(_do_run)
            await connection.commit()
            grant_to = config.attributes.get("grant_to")
            if grant_to:
                for statement in RUNTIME_GRANTS:
                    await connection.execute(text(statement.format(role=_quote_role(grant_to))))
                await connection.commit()
        finally:
            await connection.execute(text(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_ID})"))
            await connection.commit()
    await engine.dispose()


def run() -> None:
    if context.is_offline_mode():
        raise SystemExit("offline (SQL script) migrations are not supported; run online")
    asyncio.run(_run_async())
