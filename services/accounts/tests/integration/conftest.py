from __future__ import annotations

import httpx
import pytest

from ektp_accounts import handlers
from ektp_accounts.adapters.passwords import Passwords
from ektp_accounts.entrypoints.api import build_app
from ektp_shared.db import transaction

from ..conftest import accounts_settings

PASSWORD = "kopi-susu-2026"


@pytest.fixture
async def accounts(infra, topic_prefix, create_database, jwt_keys):
    """The accounts service in-process on a fresh database, with two staff accounts made
    through the handlers: rina (operator) and hendra (operator and supervisor)."""
    settings = accounts_settings(infra, await create_database("accounts"), topic_prefix,
                                 jwt_keys)
    app = build_app(settings, workers=False)
    async with app.router.lifespan_context(app):
        pool = app.state.pool
        passwords: Passwords = app.state.passwords
        async with transaction(pool) as conn:
            for username, roles in (("rina", ["operator"]),
                                    ("hendra", ["operator", "supervisor"])):
                await handlers.create_account(conn, settings, passwords, None,
                                              username=username, name=username.title(),
                                              roles=roles, password=PASSWORD,
                                              must_change_password=False)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://accounts") as c:
            c.pool = pool  # type: ignore[attr-defined]
            c.settings = settings  # type: ignore[attr-defined]
            yield c


async def sign_in(client, username="rina", password=PASSWORD, role=None, status=200):
    body = {"username": username, "password": password}
    if role:
        body["role"] = role
    r = await client.post("/sign-in", json=body)
    assert r.status_code == status, r.text
    return r.json()


def bearer(session) -> dict[str, str]:
    return {"Authorization": f"Bearer {session['access_token']}"}


async def audit_actions(pool, target=None) -> list[str]:
    rows = await pool.fetch(
        "SELECT action FROM audit_log WHERE $1::text IS NULL OR target = $1 ORDER BY id",
        target)
    return [r["action"] for r in rows]
