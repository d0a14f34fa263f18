"""The web app's sessions table (SQL only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ektp_shared.db import Connection


@dataclass
class WebSession:
    id: str
    csrf_token: str
    username: str
    name: str
    role: str
    roles: list[str]
    access_token: str
    access_expires_at: dt.datetime
    refresh_token: str
    expires_at: dt.datetime
    last_seen_at: dt.datetime
    # Set by a supervisor's new account or reset: no screen but the password page opens.
    must_change_password: bool = False


_COLUMNS = ("id, csrf_token, username, name, role, roles, access_token, access_expires_at, "
            "refresh_token, expires_at, last_seen_at, must_change_password")


async def insert(conn: Connection, s: WebSession) -> None:
    await conn.execute(
        f"INSERT INTO web_sessions ({_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)",
        s.id, s.csrf_token, s.username, s.name, s.role, s.roles, s.access_token,
        s.access_expires_at, s.refresh_token, s.expires_at, s.last_seen_at,
        s.must_change_password)


async def get(conn: Connection, session_id: str, *, for_update: bool = False) -> WebSession | None:
    lock = " FOR UPDATE" if for_update else ""
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM web_sessions WHERE id = $1{lock}",
                              session_id)
    return WebSession(**dict(row)) if row else None


async def save_tokens(conn: Connection, s: WebSession) -> None:
    await conn.execute(
        "UPDATE web_sessions SET access_token = $2, access_expires_at = $3, "
        "refresh_token = $4, last_seen_at = $5 WHERE id = $1",
        s.id, s.access_token, s.access_expires_at, s.refresh_token, s.last_seen_at)


async def touch(conn: Connection, session_id: str, now: dt.datetime) -> None:
    await conn.execute("UPDATE web_sessions SET last_seen_at = $2 WHERE id = $1",
                       session_id, now)


async def delete(conn: Connection, session_id: str) -> None:
    await conn.execute("DELETE FROM web_sessions WHERE id = $1", session_id)


async def purge(conn: Connection, idle_minutes: float) -> int:
    """Sessions past their end or left idle: nothing in them is of use any more."""
    status = await conn.execute(
        "DELETE FROM web_sessions WHERE expires_at <= now() "
        "OR last_seen_at <= now() - make_interval(secs => $1)", idle_minutes * 60)
    return int(status.split()[-1])


async def end_all_of(conn: Connection, username: str) -> int:
    """End every session of one account (disabled, roles changed, password reset here)."""
    done = await conn.execute("DELETE FROM web_sessions WHERE username = $1", username)
    return int(done.split()[-1])
