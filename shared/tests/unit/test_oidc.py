"""The services trust a province's OpenID Connect provider beside the office's own tokens:
RS256 and ES256 tokens checked against a JWKS this test serves on 127.0.0.1, roles mapped
from a configured claim, the keys cached and fetched again (bounded) for an unknown key."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from ektp_shared.auth import Principal, TokenVerifier, generate_keypair, issue_token, oidc_trust
from ektp_shared.config import ServiceSettings
from ektp_shared.problems import Problem
from ektp_shared.testing.oidc import ISSUER, Provider

# The default office's token issuer (ektp_shared.office).
OFFICE_ISSUER = "dukcapil.bolaangmongondowtimurkab.go.id"

ROLE_MAP = {"dukcapil-operator": "operator", "dukcapil-supervisor": "supervisor",
            "dukcapil-printer": "printer"}


@pytest.fixture
def provider(oidc_provider) -> Provider:
    oidc_provider.add_key("ec-1", "ES256")
    return oidc_provider


@pytest.fixture
def office_keys(tmp_path):
    generate_keypair(tmp_path / "jwt.pem", tmp_path / "jwt.pub.pem")
    return tmp_path / "jwt.pem", tmp_path / "jwt.pub.pem"


def verifier_for(provider: Provider, office_keys, **extra: Any) -> TokenVerifier:
    settings = ServiceSettings(
        jwt_public_key_file=office_keys[1], oidc_issuer=ISSUER, oidc_jwks_url=provider.url,
        oidc_role_claim="realm_access.roles", oidc_role_map=json.dumps(ROLE_MAP), **extra)
    return TokenVerifier.from_settings(settings)


pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_rs256_and_es256_tokens_of_the_provider_are_accepted_with_mapped_roles(
        provider, office_keys):
    verifier = verifier_for(provider, office_keys)
    for kid in ("rsa-1", "ec-1"):
        principal = await verifier.authenticate(provider.token(kid))
        assert principal == Principal(user="rina", role="operator", roles=("operator",))
    assert provider.hits == 1  # cached


async def test_the_offices_own_tokens_are_still_accepted_beside(provider, office_keys):
    verifier = verifier_for(provider, office_keys)
    token = issue_token(office_keys[0].read_bytes(), user="budi", role="printer",
                        issuer=OFFICE_ISSUER, audience="ektp", ttl=dt.timedelta(minutes=5))
    assert (await verifier.authenticate(token)).role == "printer"
    assert provider.hits == 0


async def test_several_roles_give_the_broadest_and_every_one_passes_require_role(
        provider, office_keys):
    verifier = verifier_for(provider, office_keys)
    principal = await verifier.authenticate(provider.token(
        "rsa-1", roles=["dukcapil-printer", "dukcapil-operator"]))
    assert principal.role == "operator" and principal.roles == ("operator", "printer")
    assert principal.holds({"printer"}) and not principal.holds({"storekeeper"})


@pytest.mark.parametrize(("change", "reason"), [
    ({"issuer": "https://elsewhere/realms/x"}, "issuer"),
    ({"audience": "account"}, "audience"),
    ({"minutes": -1}, "expired"),
    ({"roles": ["offline_access", "operator"]}, "no office role"),
])
async def test_tokens_the_trust_does_not_cover_are_refused(provider, office_keys, change,
                                                           reason):
    verifier = verifier_for(provider, office_keys)
    with pytest.raises(Problem) as err:
        await verifier.authenticate(provider.token("rsa-1", **change))
    assert err.value.status == 401 and reason in (err.value.detail or "").lower()


async def test_a_token_signed_by_another_key_with_a_known_kid_is_refused(provider,
                                                                         office_keys):
    verifier = verifier_for(provider, office_keys)
    forged_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    forged = jwt.encode({"iss": ISSUER, "aud": "ektp", "sub": "x", "iat": now,
                         "exp": now + dt.timedelta(minutes=5),
                         "realm_access": {"roles": ["dukcapil-supervisor"]}},
                        forged_key, algorithm="RS256", headers={"kid": "rsa-1"})
    with pytest.raises(Problem) as err:
        await verifier.authenticate(forged)
    assert err.value.status == 401


async def test_an_hmac_token_made_with_the_public_key_is_refused(provider, office_keys):
    verifier = verifier_for(provider, office_keys)
    with pytest.raises(Problem):
        await verifier.authenticate(jwt.encode(
            {"iss": ISSUER, "aud": "ektp", "sub": "x", "iat": 1, "exp": 2**31,
             "realm_access": {"roles": ["dukcapil-supervisor"]}},
            "the provider's public key text, used as a secret", algorithm="HS256",
            headers={"kid": "rsa-1"}))
    assert provider.hits == 0


async def test_a_rotated_key_is_fetched_again_but_unknown_kids_are_bounded(provider,
                                                                           office_keys):
    window = 2.0
    verifier = verifier_for(provider, office_keys, oidc_jwks_min_refetch_seconds=window)
    await verifier.authenticate(provider.token("rsa-1"))
    provider.add_key("rsa-2", "RS256")  # the provider rotates
    await asyncio.sleep(window + 0.1)
    assert (await verifier.authenticate(provider.token("rsa-2"))).user == "rina"
    assert provider.hits == 2
    # a flood of invented key ids: at most one fetch per min_refetch_seconds (counted on
    # the flood's own duration, which a loaded machine stretches)
    with Provider() as stranger:
        stranger.add_key("nobody", "RS256")
        tokens = [stranger.token("nobody") for _ in range(20)]
        started = time.monotonic()
        for token in tokens:
            with pytest.raises(Problem, match="no signing key"):
                await verifier.authenticate(token)
        took = time.monotonic() - started
    assert provider.hits <= 3 + int(took / window), (provider.hits, took)


async def test_issuer_and_jwks_url_go_together(office_keys):
    with pytest.raises(ValueError, match="go together"):
        ServiceSettings(oidc_issuer=ISSUER)
    assert oidc_trust(ServiceSettings()) is None
    with pytest.raises(ValueError, match="unknown office roles"):
        oidc_trust(ServiceSettings(oidc_issuer=ISSUER, oidc_jwks_url="http://x",
                                   oidc_role_map='{"a": "root"}'))
