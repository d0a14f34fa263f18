"""Refresh while the sign-in lives: rotated on every use, refused once the account is
disabled, locked or its password changed; sign-out ends it."""

from __future__ import annotations

import pytest

from .conftest import PASSWORD, audit_actions, bearer, sign_in

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def refresh(client, credential, status=200, **extra):
    r = await client.post("/refresh", json={"refresh_token": credential, **extra})
    assert r.status_code == status, r.text
    return r.json()


async def test_refresh_rotates_and_a_reused_credential_ends_the_sign_in(accounts):
    session = await sign_in(accounts)
    second = await refresh(accounts, session["refresh_token"])
    assert second["refresh_token"] != session["refresh_token"]
    assert second["refresh_expires_at"] == session["refresh_expires_at"]  # not extended
    # The first credential again: someone holds a copy; the whole sign-in ends.
    await refresh(accounts, session["refresh_token"], status=401)
    await refresh(accounts, second["refresh_token"], status=401)
    assert "accounts.refresh_reused" in await audit_actions(accounts.pool, "rina")


async def test_a_disabled_clerk_cannot_refresh_nor_sign_in(accounts, auth_header):
    session = await sign_in(accounts)
    r = await accounts.patch("/users/rina", json={"status": "DISABLED"},
                             headers=auth_header("supervisor", "hendra"))
    assert r.status_code == 200 and r.json()["status"] == "DISABLED"
    refused = await refresh(accounts, session["refresh_token"], status=401)
    assert refused["type"].endswith("/session-ended")
    disabled = await sign_in(accounts, status=403)
    assert disabled["type"].endswith("/account-disabled")
    # enabled again: a new sign-in works, the old one stays ended
    await accounts.patch("/users/rina", json={"status": "ACTIVE"},
                         headers=auth_header("supervisor", "hendra"))
    await sign_in(accounts)
    await refresh(accounts, session["refresh_token"], status=401)
    actions = await audit_actions(accounts.pool, "rina")
    assert actions.count("accounts.change") == 2 and "accounts.sign_in_failed" in actions


async def test_a_locked_clerk_cannot_refresh(accounts):
    session = await sign_in(accounts)
    for _ in range(5):
        await sign_in(accounts, password="guess-guess", status=401 if _ < 4 else 423)
    await refresh(accounts, session["refresh_token"], status=401)


async def test_a_role_taken_away_ends_the_sign_in_in_that_role(accounts, auth_header):
    session = await sign_in(accounts, username="hendra", role="supervisor")
    await accounts.patch("/users/hendra", json={"roles": ["operator"]},
                         headers=auth_header("admin", "root"))
    refused = await refresh(accounts, session["refresh_token"], status=401)
    assert "without that role" in refused["detail"]


async def test_changing_the_password_ends_every_sign_in(accounts):
    first, second = await sign_in(accounts), await sign_in(accounts)
    wrong = await accounts.post("/me/password", headers=bearer(first), json={
        "current_password": "not-it-at-all", "new_password": "teh-manis-2027"})
    assert wrong.status_code == 422 and wrong.json()["field"] == "current_password"
    short = await accounts.post("/me/password", headers=bearer(first), json={
        "current_password": PASSWORD, "new_password": "short"})
    assert short.status_code == 422 and short.json()["field"] == "new_password"
    r = await accounts.post("/me/password", headers=bearer(first), json={
        "current_password": PASSWORD, "new_password": "teh-manis-2027"})
    assert r.status_code == 200 and r.json()["sessions_ended"] == 2, r.text
    for s in (first, second):
        await refresh(accounts, s["refresh_token"], status=401)
    await sign_in(accounts, status=401)
    await sign_in(accounts, password="teh-manis-2027")
    assert "accounts.password_change" in await audit_actions(accounts.pool, "rina")


async def test_sign_out_ends_the_sign_in(accounts):
    session = await sign_in(accounts)
    r = await accounts.post("/sign-out", json={"refresh_token": session["refresh_token"]})
    assert r.status_code == 200 and r.json() == {"signed_out": True}
    await refresh(accounts, session["refresh_token"], status=401)
    again = await accounts.post("/sign-out", json={"refresh_token": session["refresh_token"]})
    assert again.status_code == 200
    assert (await audit_actions(accounts.pool, "rina"))[-1] == "accounts.sign_out"


async def test_sessions_long_ended_are_purged(accounts):
    from ektp_accounts.adapters import repository as repo

    session = await sign_in(accounts)
    await refresh(accounts, session["refresh_token"])
    await accounts.pool.execute(
        "UPDATE sessions SET expires_at = now() - interval '8 days' WHERE username = 'rina'")
    await sign_in(accounts)  # a live one stays
    async with accounts.pool.acquire() as conn:
        assert await repo.purge_sessions(conn, 7) == 2
    assert await accounts.pool.fetchval("SELECT count(*) FROM sessions") == 1


async def test_every_refresh_reads_the_account_again(accounts):
    """Even with its refresh credential still live, an account disabled or locked since the
    last refresh gets no new token."""
    for column, value in (("status", "'DISABLED'"), ("locked_at", "now()")):
        session = await sign_in(accounts)
        await accounts.pool.execute(f"UPDATE staff SET {column} = {value} WHERE username='rina'")
        refused = await refresh(accounts, session["refresh_token"], status=401)
        assert refused["type"].endswith("/session-ended")
        await accounts.pool.execute(
            "UPDATE staff SET status = 'ACTIVE', locked_at = NULL WHERE username = 'rina'")
