"""Auth on a sample endpoint, health without a token, problem details for errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx
import pytest

from ektp_shared.auth import generate_keypair, issue_token

from .helpers import sample_settings

# The default office's token issuer (ektp_shared.office).
ISSUER = "dukcapil.bolaangmongondowtimurkab.go.id"

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


@pytest.fixture
async def client(infra, topic_prefix, create_database, jwt_keys):
    from sample_service.service import build_app

    app = build_app(sample_settings(infra, await create_database("auth"), topic_prefix))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sample") as c:
            yield c


async def test_health_needs_no_token(client):
    assert (await client.get("/healthz")).status_code == 200
    ready = await client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["database"] == "up"
    assert "ektp_http_requests_total" in (await client.get("/metrics")).text


async def test_no_token_is_401_with_problem_details(client):
    r = await client.post("/notes")
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["status"] == 401 and "bearer token" in r.json()["detail"]
    assert r.headers["www-authenticate"].startswith("Bearer")


async def test_expired_token_is_401(client, make_token):
    expired = make_token(ttl_minutes=-5)
    r = await client.post("/notes", headers={"Authorization": f"Bearer {expired}"})
    assert r.status_code == 401 and "expired" in r.json()["detail"]


async def test_forged_token_is_401(client, tmp_path: Path):
    generate_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    forged = issue_token((tmp_path / "k.pem").read_bytes(), user="mallory", role="admin",
                         issuer=ISSUER, audience="ektp", ttl=dt.timedelta(hours=1))
    r = await client.post("/notes", headers={"Authorization": f"Bearer {forged}"})
    assert r.status_code == 401 and "not valid" in r.json()["detail"]


async def test_garbage_token_is_401(client):
    r = await client.post("/notes", headers={"Authorization": "Bearer not.a.jwt"})
    assert r.status_code == 401


async def test_wrong_role_is_403(client, auth_header):
    r = await client.post("/notes", headers=auth_header("viewer"))
    assert r.status_code == 403
    assert "viewer" in r.json()["detail"] and "storekeeper" in r.json()["detail"]


async def test_allowed_role_passes_and_is_audited(client, auth_header):
    r = await client.post("/notes", headers={**auth_header("storekeeper", "siti"),
                                             "X-Request-ID": "req-123"})
    assert r.status_code == 201 and r.json() == {"by": "siti"}
    assert r.headers["x-request-id"] == "req-123"
    pool = client._transport.app.state.pool
    row = await pool.fetchrow("SELECT actor, role, action, request_id FROM audit_log")
    assert dict(row) == {"actor": "siti", "role": "storekeeper", "action": "note.add",
                         "request_id": "req-123"}


async def test_unknown_route_is_problem_404(client):
    r = await client.get("/nothing-here")
    assert r.status_code == 404 and r.json()["title"] == "Not found"


async def test_twenty_concurrent_retries_with_one_key_create_one_note(client, auth_header):
    import asyncio

    headers = {**auth_header("storekeeper", "siti"), "Idempotency-Key": "k-20"}
    answers = await asyncio.gather(*[
        client.post("/notes/keyed", json={"text": "blangko"}, headers=headers)
        for _ in range(20)
    ])
    assert {r.status_code for r in answers} == {201}
    assert len({r.json()["id"] for r in answers}) == 1
    pool = client._transport.app.state.pool
    assert await pool.fetchval("SELECT count(*) FROM notes WHERE text='blangko'") == 1


async def test_a_key_reused_for_another_request_is_refused(client, auth_header):
    headers = {**auth_header("storekeeper", "siti"), "Idempotency-Key": "k-other"}
    first = await client.post("/notes/keyed", json={"text": "a"}, headers=headers)
    assert first.status_code == 201
    r = await client.post("/notes/keyed", json={"text": "b"}, headers=headers)
    assert r.status_code == 422 and r.json()["type"].endswith("idempotency-key-reused")


async def test_a_token_minted_for_a_month_is_refused_before_the_body(client, jwt_keys):
    """A signing key's holder cannot hand out a long-lived token: the service refuses any
    token whose lifetime (exp - iat) is over the office's maximum (12 h by default)."""
    import jwt

    now = int(dt.datetime.now(dt.UTC).timestamp())
    claims = {"sub": "budi", "role": "supervisor", "iss": ISSUER, "aud": "ektp",
              "iat": now, "exp": now + 30 * 24 * 3600}
    month = jwt.encode(claims, jwt_keys[0].read_bytes(), algorithm="EdDSA")
    r = await client.post("/notes", headers={"Authorization": f"Bearer {month}"})
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "longer than the 12 h" in r.json()["detail"]
    del claims["exp"]
    forever = jwt.encode(claims, jwt_keys[0].read_bytes(), algorithm="EdDSA")
    r = await client.post("/notes", headers={"Authorization": f"Bearer {forever}"})
    assert r.status_code == 401 and "exp" in r.json()["detail"]
