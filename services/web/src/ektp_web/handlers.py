"""What the pages do: sign in and out, keep the access token fresh.
Every call to a service goes through its generated client (adapters/services.py)."""

from __future__ import annotations

import datetime as dt
import secrets

import asyncpg

from ektp_client_accounts.api.me import change_password as change_password_op
from ektp_client_accounts.api.sign_in import refresh as refresh_op
from ektp_client_accounts.api.sign_in import sign_in as sign_in_op
from ektp_client_accounts.api.sign_in import sign_out as sign_out_op
from ektp_client_accounts.models import PasswordChangeIn, RefreshIn, SignInIn, SignOutIn
from ektp_shared.answers import Refused
from ektp_shared.db import transaction

from .adapters import services
from .adapters import sessions as repo
from .adapters.sessions import WebSession
from .config import Settings


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_token() -> str:
    return secrets.token_urlsafe(32)


async def sign_in(pool: asyncpg.Pool, settings: Settings, *, username: str, password: str,
                  role: str | None) -> WebSession:
    """Sign in at accounts; the tokens stay in the web app's database, the browser gets the
    session's id only. Raises ``Refused`` with accounts' problem, or ``ServiceDown``."""
    body = SignInIn.from_dict({"username": username, "password": password,
                               **({"role": role} if role else {})})
    got = await services.answer("accounts", sign_in_op.asyncio_detailed(
        client=services.accounts(settings), body=body))
    now = _now()
    session = WebSession(
        id=new_token(), csrf_token=new_token(), username=got.user.username,
        name=got.user.name, role=str(got.role), roles=[str(r) for r in got.user.roles],
        access_token=got.access_token,
        access_expires_at=now + dt.timedelta(seconds=got.expires_in),
        refresh_token=got.refresh_token, expires_at=got.refresh_expires_at, last_seen_at=now,
        must_change_password=bool(got.user.must_change_password))
    async with transaction(pool) as conn:
        await repo.insert(conn, session)
    return session


async def current(pool: asyncpg.Pool, settings: Settings, session_id: str) -> WebSession | None:
    """The live session of this cookie, its access token fresh; ``None`` when it has ended
    (signed out, expired, idle too long, or accounts refused to refresh it)."""
    now = _now()
    async with pool.acquire() as conn:
        session = await repo.get(conn, session_id)
    if session is None:
        return None
    idle = dt.timedelta(minutes=settings.idle_minutes)
    if session.expires_at <= now or session.last_seen_at + idle <= now:
        async with pool.acquire() as conn:
            await repo.delete(conn, session_id)
        return None
    margin = dt.timedelta(seconds=settings.refresh_margin_seconds)
    if session.access_expires_at - margin > now:
        async with pool.acquire() as conn:
            await repo.touch(conn, session_id, now)
        session.last_seen_at = now
        return session
    return await _refresh(pool, settings, session_id)


async def _refresh(pool: asyncpg.Pool, settings: Settings, session_id: str) -> WebSession | None:
    # The row's lock: a rotated refresh credential shown twice would end the sign-in at
    # accounts (it takes that for a stolen copy), so two tabs refresh one after the other.
    async with transaction(pool) as conn:
        session = await repo.get(conn, session_id, for_update=True)
        if session is None:
            return None
        now = _now()
        if session.access_expires_at - dt.timedelta(
                seconds=settings.refresh_margin_seconds) > now:
            return session  # the other tab refreshed it meanwhile
        try:
            got = await services.answer("accounts", refresh_op.asyncio_detailed(
                client=services.accounts(settings),
                body=RefreshIn(refresh_token=session.refresh_token)))
        except Refused:
            await repo.delete(conn, session_id)  # refused: the session ends at once
            return None
        except services.ServiceDown:
            if session.access_expires_at > now:
                return session  # still valid for a little while; try again next page
            raise
        session.access_token = got.access_token
        session.access_expires_at = now + dt.timedelta(seconds=got.expires_in)
        session.refresh_token = got.refresh_token
        session.last_seen_at = now
        await repo.save_tokens(conn, session)
        return session


async def sign_out(pool: asyncpg.Pool, settings: Settings, session: WebSession) -> None:
    """End the session here at once; tell accounts too when it answers."""
    async with pool.acquire() as conn:
        await repo.delete(conn, session.id)
    try:
        await services.answer("accounts", sign_out_op.asyncio_detailed(
            client=services.accounts(settings),
            body=SignOutIn(refresh_token=session.refresh_token)))
    except (Refused, services.ServiceDown):
        pass  # the web session is gone; accounts' credential expires by itself


async def change_password(pool: asyncpg.Pool, settings: Settings, session: WebSession, *,
                          current: str, new: str) -> WebSession:
    """Change the password at accounts, which ends every sign-in of the account (this one
    too); sign in again with the new password in the same role, so the clerk stays in.
    Raises ``Refused`` (a wrong current password, a rule of the office) or ``ServiceDown``."""
    await services.answer("accounts", change_password_op.asyncio_detailed(
        client=services.accounts_as(settings, session.access_token),
        body=PasswordChangeIn(current_password=current, new_password=new)))
    async with pool.acquire() as conn:
        await repo.delete(conn, session.id)
    return await sign_in(pool, settings, username=session.username, password=new,
                         role=session.role)

