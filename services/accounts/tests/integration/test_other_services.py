"""A token from sign-in opens another service (enrollment), through the shared verifier."""

from __future__ import annotations

import httpx
import pytest

from ektp_enrollment.config import Settings as EnrollmentSettings
from ektp_enrollment.entrypoints.api import build_app as enrollment_app

from .conftest import bearer, sign_in

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_enrollment_accepts_the_token_of_a_signed_in_clerk(
        accounts, infra, topic_prefix, create_database, centre_keys, jwt_keys):
    settings = EnrollmentSettings(
        database_url=await create_database("enr"), kafka_bootstrap=infra.kafka_bootstrap,
        topic_prefix=topic_prefix, log_json=False, jwt_public_key_file=jwt_keys[1],
        centre_public_key_file=centre_keys[1])
    app = enrollment_app(settings, workers=False)
    session = await sign_in(accounts)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://enr") as enrollment:
            r = await enrollment.get("/enrollments", headers=bearer(session))
            assert r.status_code == 200, r.text
            forged = session["access_token"][:-4] + "AAAA"
            r = await enrollment.get("/enrollments",
                                     headers={"Authorization": f"Bearer {forged}"})
            assert r.status_code == 401
