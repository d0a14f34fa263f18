"""Trust in an external OpenID Connect provider (Keycloak, as a province would run), beside
the office's own EdDSA tokens.

Its issuer and JWKS URL come from the settings (``EKTP_OIDC_ISSUER``, ``EKTP_OIDC_JWKS_URL``);
its tokens are RS256 or ES256, signed by a key of the JWKS named by the token's ``kid``. The
JWKS is fetched at the first use and kept ``oidc_jwks_cache_seconds``; a token naming a
key the cache lacks (the provider rotated its keys) fetches it again, at most once every
``oidc_jwks_min_refetch_seconds``, so tokens with invented key ids cannot make every request
a call to the provider. The office roles come from a claim of the token
(``EKTP_OIDC_ROLE_CLAIM``, a dotted path such as ``realm_access.roles``), each value mapped
through ``EKTP_OIDC_ROLE_MAP`` (by default the office's role names stand for themselves).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Mapping, Sequence
from typing import Any

import httpx
import jwt

log = logging.getLogger(__name__)

ALGORITHMS = ("RS256", "ES256")


class OidcRefusal(Exception):
    """The token is not one the provider's trust accepts; the message says why."""


class OidcTrust:
    def __init__(
        self,
        *,
        issuer: str,
        jwks_url: str,
        audience: str,
        role_claim: str = "roles",
        role_map: Mapping[str, str] | None = None,
        office_roles: Sequence[str],
        user_claim: str = "preferred_username",
        cache_seconds: float = 300.0,
        min_refetch_seconds: float = 30.0,
        timeout_seconds: float = 5.0,
        max_ttl_seconds: int | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.issuer = issuer
        self.jwks_url = jwks_url
        self.audience = audience
        self.role_claim = role_claim
        self.office_roles = tuple(office_roles)
        self.role_map = dict(role_map) if role_map else {r: r for r in office_roles}
        unknown = set(self.role_map.values()) - set(office_roles)
        if unknown:
            raise ValueError(f"oidc_role_map maps to unknown office roles: {sorted(unknown)}")
        self.user_claim = user_claim
        self.cache_seconds = cache_seconds
        self.min_refetch_seconds = min_refetch_seconds
        self.timeout_seconds = timeout_seconds
        self.max_ttl_seconds = max_ttl_seconds
        self._transport = transport
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at: float | None = None
        self._lock = asyncio.Lock()
        self.fetches = 0

    # --- the provider's keys --------------------------------------------------------------

    async def _fetch(self) -> None:
        self.fetches += 1
        self._fetched_at = time.monotonic()  # a failed fetch also waits its turn
        async with httpx.AsyncClient(timeout=self.timeout_seconds,
                                     transport=self._transport) as client:
            r = await client.get(self.jwks_url)
            r.raise_for_status()
            document = r.json()
        keys: dict[str, jwt.PyJWK] = {}
        for entry in document.get("keys", []) if isinstance(document, dict) else []:
            if not isinstance(entry, dict) or entry.get("use", "sig") != "sig":
                continue
            try:
                key = jwt.PyJWK(entry)
            except jwt.PyJWTError as exc:  # a key of a kind we do not take: skip it
                log.info("JWKS key %s skipped: %s", entry.get("kid"), exc)
                continue
            if key.key_id and key.algorithm_name in ALGORITHMS:
                keys[key.key_id] = key
        self._keys = keys

    def _age(self) -> float | None:
        return None if self._fetched_at is None else time.monotonic() - self._fetched_at

    def _wants_fetch(self, kid: str) -> bool:
        age = self._age()
        return age is None or age > self.cache_seconds or kid not in self._keys

    def _may_fetch(self) -> bool:
        age = self._age()
        return age is None or age >= self.min_refetch_seconds

    async def key_for(self, kid: str) -> jwt.PyJWK:
        if self._wants_fetch(kid):
            async with self._lock:  # one fetch for a burst of requests
                if self._wants_fetch(kid) and self._may_fetch():
                    try:
                        await self._fetch()
                    except (httpx.HTTPError, ValueError) as exc:
                        # the keys already known stay in use while the provider is away
                        log.warning("JWKS of %s not fetched: %s", self.jwks_url, exc)
        key = self._keys.get(kid)
        if key is None:
            raise OidcRefusal(f"the provider has no signing key {kid!r}")
        return key

    # --- a token ----------------------------------------------------------------------------

    async def verify(self, token: str) -> tuple[str, list[str]]:
        """The user and the office roles of a provider's token (first: the broadest)."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise OidcRefusal(str(exc)) from None
        alg, kid = header.get("alg"), header.get("kid")
        if alg not in ALGORITHMS:
            raise OidcRefusal(f"the provider's tokens are {' or '.join(ALGORITHMS)}, not {alg}")
        if not isinstance(kid, str):
            raise OidcRefusal("the token names no signing key (kid)")
        key = await self.key_for(kid)
        if key.algorithm_name != alg:
            raise OidcRefusal(f"key {kid!r} is for {key.algorithm_name}, not {alg}")
        try:
            claims = jwt.decode(
                token, key.key, algorithms=[alg], issuer=self.issuer, audience=self.audience,
                options={"require": ["exp", "iat", "sub", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError:
            raise OidcRefusal("the token has expired; ask for a new one") from None
        except jwt.PyJWTError as exc:
            raise OidcRefusal(f"the token is not valid: {exc}") from None
        lifetime = int(claims["exp"]) - int(claims["iat"])
        if self.max_ttl_seconds is not None and lifetime > self.max_ttl_seconds:
            raise OidcRefusal(f"the token lives {lifetime} s, longer than the "
                              f"{self.max_ttl_seconds} s a token may live here")
        roles = self.office_roles_of(claims)
        if not roles:
            raise OidcRefusal(
                f"the token grants no office role (claim {self.role_claim!r})")
        user = claims.get(self.user_claim) or claims["sub"]
        return str(user), roles

    def office_roles_of(self, claims: Mapping[str, Any]) -> list[str]:
        value: Any = claims
        for part in self.role_claim.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        if isinstance(value, str):
            value = value.split()
        if not isinstance(value, list):
            return []
        mapped = {self.role_map[v] for v in value if isinstance(v, str) and v in self.role_map}
        return [r for r in self.office_roles if r in mapped]


def parse_role_map(text: str | None) -> dict[str, str] | None:
    """``EKTP_OIDC_ROLE_MAP``: a JSON object from the provider's role names to the office's."""
    if not text:
        return None
    value = json.loads(text)
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError('oidc_role_map is a JSON object, e.g. {"dukcapil-operator": "operator"}')
    return value
