"""The signed-in session of a page, and the role a screen is for."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

import asyncpg
from fastapi import Depends, Request

from .. import handlers
from ..adapters.sessions import WebSession
from ..config import Settings
from ..domain.menus import may_open

SESSION_COOKIE = "ektp_sesi"
SIGN_IN_COOKIE = "ektp_masuk"  # the sign-in form's CSRF token, before there is a session


class NotSignedIn(Exception):
    """No live session: the page sends the clerk to the sign-in page."""

    def __init__(self, ended: bool) -> None:
        self.ended = ended  # a cookie was there: the session ended (expired, refused)


class NotAllowed(Exception):
    """The clerk's role may not open this screen."""

    def __init__(self, session: WebSession, screen_role: str) -> None:
        self.session, self.screen_role = session, screen_role


class MustChangePassword(Exception):
    """A new or reset account: the password page first, before any other screen."""


# The pages a holder of a temporary password may still open: change it, or sign out.
PASSWORD_PAGE = "/akun/kata-sandi"  # noqa: S105 (an address, not a password)
OPEN_BEFORE_THE_CHANGE = (PASSWORD_PAGE, "/keluar")


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_pool(request: Request) -> asyncpg.Pool:
    pool: asyncpg.Pool = request.app.state.pool
    return pool


SettingsDep = Annotated[Settings, Depends(get_settings)]
PoolDep = Annotated[asyncpg.Pool, Depends(get_pool)]


async def signed_in(request: Request, pool: PoolDep, settings: SettingsDep) -> WebSession:
    session_id = request.cookies.get(SESSION_COOKIE)
    session = await handlers.current(pool, settings, session_id) if session_id else None
    if session is None:
        raise NotSignedIn(ended=session_id is not None)
    if session.must_change_password and request.url.path not in OPEN_BEFORE_THE_CHANGE:
        raise MustChangePassword
    return session


SignedIn = Annotated[WebSession, Depends(signed_in)]


def screen_for(role: str) -> Callable[[WebSession], Awaitable[WebSession]]:
    async def check(session: SignedIn) -> WebSession:
        if not may_open(session.role, role):
            raise NotAllowed(session, role)
        return session

    return check


Operator = Annotated[WebSession, Depends(screen_for("operator"))]
Printer = Annotated[WebSession, Depends(screen_for("printer"))]
Storekeeper = Annotated[WebSession, Depends(screen_for("storekeeper"))]
Supervisor = Annotated[WebSession, Depends(screen_for("supervisor"))]
