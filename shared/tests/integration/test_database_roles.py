"""The audit trail only grows: the service's own database role may add audit rows and read
them, but never change or remove one; the owner role runs the migrations (DESIGN section 6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import asyncpg
import pytest
from sample_service.service import MIGRATIONS

from ektp_shared.db import migrate_service
from ektp_shared.testing.resources import owner_dsn

from .helpers import sample_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

LATER_REVISION = '''
from alembic import op

revision = "later"
down_revision = "{head}"


def upgrade() -> None:
    op.execute("CREATE TABLE later_things (id BIGSERIAL PRIMARY KEY, what TEXT NOT NULL)")
'''


async def test_the_service_role_may_add_audit_rows_but_never_change_or_remove_them(
    infra, topic_prefix, create_database
):
    settings = sample_settings(infra, await create_database("roles"), topic_prefix)
    await migrate_service(settings, MIGRATIONS)
    conn = await asyncpg.connect(settings.database_url)
    try:
        assert await conn.fetchval("SELECT current_user") != await _table_owner(settings)
        await conn.execute(
            "INSERT INTO audit_log (actor, role, action, target) VALUES ('budi', 'operator',"
            " 'enrollment.create', '7110014501900001')"
        )
        assert await conn.fetchval("SELECT count(*) FROM audit_log") == 1
        for statement in ("UPDATE audit_log SET actor = 'someone else'",
                          "DELETE FROM audit_log", "TRUNCATE audit_log",
                          "ALTER TABLE audit_log DROP COLUMN actor",
                          "UPDATE alembic_version SET version_num = '0000'"):
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await conn.execute(statement)
        assert await conn.fetchval("SELECT actor FROM audit_log") == "budi"
        # Its other tables are its own to change.
        await conn.execute("INSERT INTO notes (text) VALUES ('a')")
        await conn.execute("UPDATE notes SET text = 'b'")
        await conn.execute("DELETE FROM notes")
    finally:
        await conn.close()


async def test_tables_of_later_migrations_are_granted_too(
    infra, topic_prefix, create_database, tmp_path: Path
):
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    settings = sample_settings(infra, await create_database("later"), topic_prefix)
    await migrate_service(settings, migrations)
    # Chained on whatever the sample service's newest revision is.
    head = max(p.name.split("_")[0] for p in (migrations / "versions").glob("[0-9]*.py"))
    (migrations / "versions" / "9999_later.py").write_text(LATER_REVISION.format(head=head))
    await migrate_service(settings, migrations)
    conn = await asyncpg.connect(settings.database_url)
    try:
        await conn.execute("INSERT INTO later_things (what) VALUES ('x')")
        assert await conn.fetchval("SELECT what FROM later_things") == "x"
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute("DELETE FROM audit_log")
    finally:
        await conn.close()


async def _table_owner(settings) -> str:
    conn = await asyncpg.connect(owner_dsn(settings.database_url))
    try:
        return str(await conn.fetchval(
            "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'"))
    finally:
        await conn.close()
