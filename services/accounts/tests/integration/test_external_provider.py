"""A service configured to trust the province's OpenID Connect provider takes its tokens
(RS256, roles from a configured claim) beside the office's own, through the request gate
and the role check."""

from __future__ import annotations

import json

import httpx
import pytest

from ektp_accounts.entrypoints.api import build_app
from ektp_shared.testing.oidc import ISSUER

from ..conftest import accounts_settings
from .conftest import bearer, sign_in

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_a_provider_token_opens_the_supervisors_routes(
        accounts, infra, topic_prefix, create_database, jwt_keys, oidc_provider):
    settings = accounts_settings(
        infra, await create_database("accounts"), topic_prefix, jwt_keys,
        oidc_issuer=ISSUER, oidc_jwks_url=oidc_provider.url,
        oidc_role_claim="realm_access.roles",
        oidc_role_map=json.dumps({"dukcapil-supervisor": "supervisor",
                                  "dukcapil-operator": "operator"}))
    app = build_app(settings, workers=False)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://accounts") as c:
            supervisor = oidc_provider.token("rsa-1", roles=["dukcapil-supervisor"])
            r = await c.get("/users", headers={"Authorization": f"Bearer {supervisor}"})
            assert r.status_code == 200, r.text
            operator = oidc_provider.token("rsa-1", roles=["dukcapil-operator"])
            r = await c.get("/users", headers={"Authorization": f"Bearer {operator}"})
            assert r.status_code == 403
            other_realm = oidc_provider.token("rsa-1", roles=["dukcapil-supervisor"],
                                              issuer="https://sso.elsewhere/realms/x")
            r = await c.get("/users", headers={"Authorization": f"Bearer {other_realm}"})
            assert r.status_code == 401
            # the office's own token from a sign-in is still good here
            session = await sign_in(accounts, username="hendra", role="supervisor")
            r = await c.get("/users", headers=bearer(session))
            assert r.status_code == 200
