"""SQL of the accounts service: staff rows and their sessions (refresh credentials)."""

from __future__ import annotations

import datetime as dt
import uuid

import asyncpg

from ektp_shared.db import Connection

from ..domain.accounts import StaffAccount

_STAFF = """username, name, roles, password_hash, status, failed_attempts, locked_at,
            must_change_password, created_at, updated_at, last_sign_in_at"""


def _account(row: asyncpg.Record) -> StaffAccount:
    return StaffAccount(**{**dict(row), "roles": list(row["roles"])})


async def get(conn: Connection, username: str, *, for_update: bool = False) -> StaffAccount | None:
    lock = " FOR UPDATE" if for_update else ""
    row = await conn.fetchrow(f"SELECT {_STAFF} FROM staff WHERE username = $1{lock}", username)
    return _account(row) if row is not None else None


async def list_all(conn: Connection) -> list[StaffAccount]:
    rows = await conn.fetch(f"SELECT {_STAFF} FROM staff ORDER BY username")
    return [_account(r) for r in rows]


async def insert(conn: Connection, account: StaffAccount) -> StaffAccount:
    row = await conn.fetchrow(
        f"""INSERT INTO staff (username, name, roles, password_hash, status,
                               must_change_password)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (username) DO NOTHING
            RETURNING {_STAFF}""",
        account.username, account.name, account.roles, account.password_hash,
        account.status, account.must_change_password,
    )
    if row is None:
        raise KeyError(account.username)
    return _account(row)


async def save(conn: Connection, a: StaffAccount) -> StaffAccount:
    row = await conn.fetchrow(
        f"""UPDATE staff SET name = $2, roles = $3, password_hash = $4, status = $5,
                   failed_attempts = $6, locked_at = $7, must_change_password = $8,
                   last_sign_in_at = $9, updated_at = now()
            WHERE username = $1 RETURNING {_STAFF}""",
        a.username, a.name, a.roles, a.password_hash, a.status, a.failed_attempts,
        a.locked_at, a.must_change_password, a.last_sign_in_at,
    )
    if row is None:  # the handlers load the row FOR UPDATE first: it cannot vanish meanwhile
        raise KeyError(a.username)
    return _account(row)


async def count_active_admins(conn: Connection, *, besides: str | None = None) -> int:
    count: int = await conn.fetchval(
        """SELECT count(*) FROM staff WHERE 'admin' = ANY(roles) AND status = 'ACTIVE'
           AND username IS DISTINCT FROM $1""", besides)
    return count


# --- sessions -----------------------------------------------------------------------------


async def open_session(conn: Connection, *, username: str, role: str, token_hash: str,
                       expires_at: dt.datetime, family: uuid.UUID | None = None) -> uuid.UUID:
    session_id = uuid.uuid4()
    await conn.execute(
        """INSERT INTO sessions (id, family, username, role, token_hash, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6)""",
        session_id, family or session_id, username, role, token_hash, expires_at)
    return session_id


async def session_by_hash(conn: Connection, token_hash: str) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(
        """SELECT id, family, username, role, expires_at, revoked_at, revoked_why
           FROM sessions WHERE token_hash = $1 FOR UPDATE""", token_hash)
    return row


async def revoke_session(conn: Connection, session_id: uuid.UUID, why: str) -> None:
    await conn.execute(
        "UPDATE sessions SET revoked_at = now(), revoked_why = $2 WHERE id = $1 "
        "AND revoked_at IS NULL", session_id, why)


async def revoke_family(conn: Connection, family: uuid.UUID, why: str) -> None:
    await conn.execute(
        "UPDATE sessions SET revoked_at = now(), revoked_why = $2 WHERE family = $1 "
        "AND revoked_at IS NULL", family, why)


async def revoke_all(conn: Connection, username: str, why: str) -> int:
    status = await conn.execute(
        "UPDATE sessions SET revoked_at = now(), revoked_why = $2 WHERE username = $1 "
        "AND revoked_at IS NULL", username, why)
    return int(status.split()[-1])


async def purge_sessions(conn: Connection, older_than_days: int) -> int:
    """Sessions ended (expired) over ``older_than_days`` ago: every refresh leaves a row."""
    status = await conn.execute(
        "DELETE FROM sessions WHERE expires_at < now() - make_interval(days => $1)",
        older_than_days)
    return int(status.split()[-1])
