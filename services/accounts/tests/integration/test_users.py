"""The supervisor's management of staff accounts, every change audited."""

from __future__ import annotations

import pytest

from .conftest import audit_actions, sign_in

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

NEW = {"username": "siti.r", "name": "Siti Rahmawati", "roles": ["printer"],
       "password": "cetak-kartu-77"}


async def test_a_supervisor_makes_an_account_whose_holder_must_change_the_password(
        accounts, auth_header):
    sup = auth_header("supervisor", "hendra")
    r = await accounts.post("/users", json=NEW, headers=sup)
    assert r.status_code == 201, r.text
    assert r.json()["must_change_password"] and r.json()["roles"] == ["printer"]
    session = await sign_in(accounts, username="siti.r", password=NEW["password"])
    assert session["user"]["must_change_password"]
    again = await accounts.post("/users", json=NEW, headers=sup)
    assert again.status_code == 409 and again.json()["field"] == "username"
    listed = (await accounts.get("/users", headers=sup)).json()["accounts"]
    assert [a["username"] for a in listed] == ["hendra", "rina", "siti.r"]
    assert (await accounts.get("/users", headers=auth_header("operator"))).status_code == 403


async def test_bad_account_input_names_the_field(accounts, auth_header):
    sup = auth_header("supervisor", "hendra")
    for change, field in (({"username": "Siti R"}, "username"), ({"roles": []}, "roles"),
                          ({"roles": ["kepala"]}, "roles.0"), ({"name": "a\nb"}, "name"),
                          ({"password": "short"}, "password"),
                          ({"password": "siti.r-is-me-ok"}, "password")):
        r = await accounts.post("/users", json={**NEW, **change}, headers=sup)
        assert r.status_code == 422, (change, r.text)
        doc = r.json()
        assert field in (doc.get("field"), *(e["field"] for e in doc.get("errors") or ())), doc
    r = await accounts.patch("/users/rina", json={"status": "GONE"}, headers=sup)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "status"
    r = await accounts.patch("/users/nobody", json={"name": "X"}, headers=sup)
    assert r.status_code == 404


async def test_only_an_admin_makes_or_manages_an_admin(accounts, auth_header):
    sup, admin = auth_header("supervisor", "hendra"), auth_header("admin", "root")
    made = await accounts.post("/users", json={**NEW, "roles": ["admin"]}, headers=sup)
    assert made.status_code == 403
    raised = await accounts.patch("/users/hendra", json={"roles": ["admin"]}, headers=sup)
    assert raised.status_code == 403
    r = await accounts.post("/users", json={**NEW, "roles": ["admin"]}, headers=admin)
    assert r.status_code == 201
    assert (await accounts.post("/users/siti.r/password-reset", headers=sup)).status_code == 403


async def test_the_last_admin_cannot_be_disabled(accounts, auth_header):
    admin = auth_header("admin", "root")
    await accounts.post("/users", json={**NEW, "roles": ["admin"]}, headers=admin)
    r = await accounts.patch("/users/siti.r", json={"status": "DISABLED"}, headers=admin)
    assert r.status_code == 409 and "only active admin" in r.json()["detail"]


async def test_a_password_reset_gives_a_temporary_password_and_ends_sign_ins(
        accounts, auth_header):
    session = await sign_in(accounts)
    r = await accounts.post("/users/rina/password-reset", headers=auth_header("supervisor"))
    assert r.status_code == 200
    temporary = r.json()["temporary_password"]
    assert len(temporary) == 16 and r.json()["must_change_password"]
    refused = await accounts.post("/refresh", json={"refresh_token": session["refresh_token"]})
    assert refused.status_code == 401
    fresh = await sign_in(accounts, password=temporary)
    assert fresh["user"]["must_change_password"]
    assert "accounts.password_reset" in await audit_actions(accounts.pool, "rina")
