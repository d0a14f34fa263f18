"""JWT bearer auth (Ed25519) with the roles of DESIGN.md section 6, and token minting.

Services hold only the public key; only the token issuer reads the private key. A token
lives at most ``token_max_ttl_seconds`` (exp - iat): the issuer mints none longer and the
verifier refuses any longer, so a leaked token is worth a working day at most. The token
issuer is the accounts service (after a password sign-in) or, for scripts and tests, `ektp
token issue` where that key is. Optionally the services also trust an external OpenID
Connect provider's RS256/ES256 tokens (``ektp_shared.oidc``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from .config import DEFAULT_TOKEN_MAX_TTL_SECONDS
from .keys import KeyKind, ensure_key_pair
from .oidc import OidcRefusal, OidcTrust, parse_role_map
from .problems import Problem

if TYPE_CHECKING:
    from .config import ServiceSettings

Role = Literal["operator", "printer", "storekeeper", "supervisor", "admin", "viewer"]
ROLES: tuple[str, ...] = get_args(Role)
# Roles that may do anything an office role may (DESIGN.md: supervisor = everything in the
# office, approvals; admin = the system's administrator).
ALL_OFFICE = ("supervisor", "admin")
ALGORITHM = "EdDSA"
# When an external provider grants several office roles, the token's role is the broadest.
PRECEDENCE: tuple[str, ...] = ("admin", "supervisor", "operator", "printer", "storekeeper",
                               "viewer")
DEFAULT_MAX_TTL = dt.timedelta(seconds=DEFAULT_TOKEN_MAX_TTL_SECONDS)


class Principal(BaseModel):
    user: str
    role: Role
    # Every role the token grants, when an external provider grants several (require_role
    # lets through any of them); the office's own tokens carry one role (``role``).
    roles: tuple[Role, ...] = ()

    def holds(self, allowed: set[str]) -> bool:
        return self.role in allowed or any(r in allowed for r in self.roles)


def _new_signing_key() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _verify_key_of(private_pem: bytes) -> bytes:
    key = serialization.load_pem_private_key(private_pem, password=None)
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


JWT_KEYS = KeyKind("token signing (Ed25519)", _new_signing_key, _verify_key_of)


def generate_keypair(private_path: Path, public_path: Path) -> str:
    """Create the token signing pair (PEM) unless it exists (ektp_shared.keys rules)."""
    return ensure_key_pair(private_path, public_path, JWT_KEYS)


def issue_token(
    private_key_pem: bytes,
    *,
    user: str,
    role: str,
    issuer: str,
    audience: str,
    ttl: dt.timedelta,
    max_ttl: dt.timedelta = DEFAULT_MAX_TTL,
    now: dt.datetime | None = None,
) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if ttl > max_ttl:
        raise ValueError(f"a token may live at most {_hours(max_ttl)} "
                         f"(EKTP_TOKEN_MAX_TTL_SECONDS), not {_hours(ttl)}")
    now = now or dt.datetime.now(dt.UTC)
    claims = {
        "sub": user,
        "role": role,
        "iss": issuer,
        "aud": audience,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()) - 5,
        "exp": int((now + ttl).timestamp()),
        "jti": str(uuid.uuid4()),
    }
    return jwt.encode(claims, private_key_pem, algorithm=ALGORITHM)


def _hours(span: dt.timedelta) -> str:
    return f"{span.total_seconds() / 3600:g} h"


class TokenVerifier:
    def __init__(self, public_key_pem: bytes, *, issuer: str, audience: str,
                 max_ttl: dt.timedelta = DEFAULT_MAX_TTL, oidc: OidcTrust | None = None) -> None:
        self.public_key_pem = public_key_pem
        self.issuer = issuer
        self.audience = audience
        self.max_ttl = max_ttl
        self.oidc = oidc

    @classmethod
    def from_file(cls, path: Path, *, issuer: str, audience: str,
                  max_ttl: dt.timedelta = DEFAULT_MAX_TTL,
                  oidc: OidcTrust | None = None) -> TokenVerifier:
        return cls(path.read_bytes(), issuer=issuer, audience=audience, max_ttl=max_ttl,
                   oidc=oidc)

    @classmethod
    def from_settings(cls, settings: ServiceSettings) -> TokenVerifier:
        return cls.from_file(settings.jwt_public_key_file, issuer=settings.jwt_issuer,
                             audience=settings.jwt_audience,
                             max_ttl=dt.timedelta(seconds=settings.token_max_ttl_seconds),
                             oidc=oidc_trust(settings))

    def verify(self, token: str) -> Principal:
        """An office token (EdDSA, the accounts service's key)."""
        try:
            claims = jwt.decode(
                token,
                self.public_key_pem,
                algorithms=[ALGORITHM],
                issuer=self.issuer,
                audience=self.audience,
                options={"require": ["exp", "iat", "sub", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError:
            raise _unauthorized("The token has expired; ask for a new one.") from None
        except jwt.PyJWTError as exc:
            raise _unauthorized(f"The token is not valid: {exc}.") from None
        # PyJWT has checked exp and iat are numbers, exp not past and iat not in the future.
        lifetime = dt.timedelta(seconds=int(claims["exp"]) - int(claims["iat"]))
        if lifetime > self.max_ttl:
            raise _unauthorized(
                f"The token is valid for {_hours(lifetime)}, longer than the "
                f"{_hours(self.max_ttl)} a token may live here; ask for a new one.")
        role = claims.get("role")
        if role not in ROLES:
            raise _unauthorized(f"The token names an unknown role {role!r}.")
        return Principal(user=str(claims["sub"]), role=role)

    async def authenticate(self, token: str) -> Principal:
        """An office token, or, when a provider is trusted, one of its RS256/ES256 tokens."""
        if self.oidc is None or _algorithm(token) == ALGORITHM:
            return self.verify(token)
        try:
            user, roles = await self.oidc.verify(token)
        except OidcRefusal as exc:
            raise _unauthorized(f"The token is not valid: {exc}.") from None
        return Principal.model_validate({"user": user, "role": roles[0], "roles": roles})


def _algorithm(token: str) -> str | None:
    try:
        alg = jwt.get_unverified_header(token).get("alg")
    except jwt.PyJWTError:
        return None  # verify() gives the 401 with the reason
    return alg if isinstance(alg, str) else None


def oidc_trust(settings: ServiceSettings) -> OidcTrust | None:
    if not (settings.oidc_issuer and settings.oidc_jwks_url):
        return None
    return OidcTrust(
        issuer=settings.oidc_issuer, jwks_url=settings.oidc_jwks_url,
        audience=settings.oidc_audience or settings.jwt_audience,
        role_claim=settings.oidc_role_claim, role_map=parse_role_map(settings.oidc_role_map),
        office_roles=PRECEDENCE, user_claim=settings.oidc_user_claim,
        cache_seconds=settings.oidc_jwks_cache_seconds,
        min_refetch_seconds=settings.oidc_jwks_min_refetch_seconds,
        max_ttl_seconds=settings.token_max_ttl_seconds,
    )


def _unauthorized(detail: str) -> Problem:
    return Problem(
        401, "Unauthorized", detail, type="unauthorized",
        headers={"WWW-Authenticate": 'Bearer realm="ektp"'},
    )


_bearer = HTTPBearer(auto_error=False)


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorized("This call needs a bearer token (Authorization: Bearer ...).")
    verifier: TokenVerifier = request.app.state.token_verifier
    principal = await verifier.authenticate(credentials.credentials)
    request.state.principal = principal
    return principal


# what each dependency can answer, for the OpenAPI document (ektp_shared.openapi)
current_principal.__ektp_auth__ = (401,)  # type: ignore[attr-defined]
current_principal.__ektp_roles__ = ROLES  # type: ignore[attr-defined]


def require_role(*roles: str) -> Callable[..., Coroutine[Any, Any, Principal]]:
    """A dependency that lets through the named roles (and supervisor and admin)."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {unknown}")
    allowed = set(roles) | set(ALL_OFFICE)

    async def dependency(
        principal: Annotated[Principal, Depends(current_principal)],
    ) -> Principal:
        if not principal.holds(allowed):
            raise Problem(
                403, "Forbidden",
                f"Role {principal.role!r} may not do this; it needs one of: "
                f"{', '.join(sorted(allowed))}.",
                type="forbidden",
            )
        return principal

    dependency.__ektp_auth__ = (401, 403)  # type: ignore[attr-defined]
    dependency.__ektp_roles__ = tuple(sorted(allowed))  # type: ignore[attr-defined]
    return dependency
