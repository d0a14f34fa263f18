"""A clerk's sign-in: the token every service accepts, wrong passwords, the lockout and the
supervisor's unlock, and every one of them in the audit table."""

from __future__ import annotations

import jwt
import pytest

from ektp_shared.auth import TokenVerifier

from .conftest import PASSWORD, audit_actions, bearer, sign_in

# The default office's token issuer (ektp_shared.office).
ISSUER = "dukcapil.bolaangmongondowtimurkab.go.id"

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_a_clerk_signs_in_and_every_service_would_accept_the_token(accounts, jwt_keys):
    session = await sign_in(accounts)
    assert session["role"] == "operator" and session["token_type"] == "Bearer"
    assert session["expires_in"] == 300 and session["refresh_token"].startswith("ektp_rt_")
    verifier = TokenVerifier(jwt_keys[1].read_bytes(), issuer=ISSUER,
                             audience="ektp")
    principal = verifier.verify(session["access_token"])
    assert (principal.user, principal.role) == ("rina", "operator")
    claims = jwt.decode(session["access_token"], options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 300
    assert jwt.get_unverified_header(session["access_token"])["alg"] == "EdDSA"
    me = (await accounts.get("/me", headers=bearer(session))).json()
    assert me == {"username": "rina", "name": "Rina", "roles": ["operator"],
                  "role": "operator", "must_change_password": False}
    assert await audit_actions(accounts.pool, "rina") == ["accounts.create", "accounts.sign_in"]
    stored = await accounts.pool.fetchval("SELECT password_hash FROM staff WHERE username='rina'")
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


async def test_a_wrong_password_does_not_tell_whether_the_user_exists(accounts):
    wrong = await sign_in(accounts, password="not-the-password", status=401)
    nobody = await sign_in(accounts, username="nobody", password="not-the-password",
                           status=401)
    for doc in (wrong, nobody):
        doc.pop("request_id", None)
    assert wrong == nobody
    assert wrong["detail"] == "The username or the password is wrong."
    rows = await accounts.pool.fetch(
        "SELECT target, detail->>'reason' AS reason FROM audit_log "
        "WHERE action = 'accounts.sign_in_failed' ORDER BY id")
    assert [(r["target"], r["reason"]) for r in rows] == [
        ("rina", "wrong password"), ("nobody", "unknown username")]


async def test_five_wrong_passwords_lock_until_a_supervisor_unlocks(accounts, auth_header):
    for _ in range(4):
        await sign_in(accounts, password="guess-guess", status=401)
    locked = await sign_in(accounts, password="guess-guess", status=423)
    assert locked["type"].endswith("/account-locked") and "supervisor" in locked["detail"]
    # Locked means locked: the right password no longer opens it.
    await sign_in(accounts, status=423)
    account = (await accounts.get("/users/rina", headers=auth_header("supervisor"))).json()
    assert account["locked"] and account["failed_attempts"] == 5
    # Rina may not unlock herself; her supervisor may.
    rina_token = auth_header("operator", "rina")
    assert (await accounts.post("/users/rina/unlock", headers=rina_token)).status_code == 403
    r = await accounts.post("/users/rina/unlock", headers=auth_header("supervisor", "hendra"))
    assert r.status_code == 200 and not r.json()["locked"] and r.json()["failed_attempts"] == 0
    await sign_in(accounts)
    assert await audit_actions(accounts.pool, "rina") == [
        "accounts.create", *["accounts.sign_in_failed"] * 5, "accounts.locked",
        "accounts.sign_in_failed", "accounts.unlock", "accounts.sign_in"]


async def test_a_success_resets_the_count_of_wrong_passwords(accounts):
    for _ in range(4):
        await sign_in(accounts, password="guess-guess", status=401)
    await sign_in(accounts)
    for _ in range(4):
        await sign_in(accounts, password="guess-guess", status=401)
    await sign_in(accounts)  # not locked: the failures were not in a row


async def test_several_roles_pick_one_at_sign_in_and_may_switch(accounts, jwt_keys):
    refused = await sign_in(accounts, username="hendra", status=422)
    assert refused["field"] == "role" and "operator, supervisor" in refused["detail"]
    not_held = await sign_in(accounts, username="hendra", role="admin", status=422)
    assert not_held["field"] == "role"
    session = await sign_in(accounts, username="hendra", role="operator")
    assert session["role"] == "operator"
    switched = await accounts.post("/refresh", json={
        "refresh_token": session["refresh_token"], "role": "supervisor"})
    assert switched.status_code == 200, switched.text
    verifier = TokenVerifier(jwt_keys[1].read_bytes(), issuer=ISSUER,
                             audience="ektp")
    assert verifier.verify(switched.json()["access_token"]).role == "supervisor"
    # the next refresh keeps the role switched to
    again = await accounts.post("/refresh", json={
        "refresh_token": switched.json()["refresh_token"]})
    assert again.json()["role"] == "supervisor"
    assert "accounts.switch_role" in await audit_actions(accounts.pool, "hendra")


async def test_bad_input_is_a_422_naming_the_field(accounts):
    r = await accounts.post("/sign-in", json={"username": "rina"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "password"
    r = await accounts.post("/sign-in", json={"username": "rina", "password": "x" * 129})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "password"
    r = await accounts.post("/sign-in", json={"username": "rina", "password": PASSWORD,
                                              "role": "kepala"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "role"
    r = await accounts.post("/refresh", json={})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "refresh_token"
