"""JWT bearer auth (Ed25519) with the roles of DESIGN.md section 6, and token minting.

Services hold only the public key; only the accounts service (and the token command, where
that key is) reads the private key. Optionally the services also trust an external OpenID
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


class Principal(BaseModel):
    user: str
    role: Role
    # Every role the token grants, when an external provider grants several (require_role
    # lets through any of them); the office's own tokens carry one role (``role``).
    roles: tuple[Role, ...] = ()

    def holds(self, allowed: set[str]) -> bool:
        return self.role in allowed or any(r in allowed for r in self.roles)


def generate_keypair(private_path: Path, public_path: Path) -> None:
    """Create an Ed25519 key pair (PEM) unless one exists; the private key is 0600."""
    if private_path.exists() and public_path.exists():
        return
    private_path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    private_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    private_path.chmod(0o600)
    public_path.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )


def issue_token(
    private_key_pem: bytes,
    *,
    user: str,
    role: str,
    issuer: str,
    audience: str,
    ttl: dt.timedelta,
    now: dt.datetime | None = None,
) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
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


class TokenVerifier:
    def __init__(self, public_key_pem: bytes, *, issuer: str, audience: str,
                 oidc: OidcTrust | None = None) -> None:
        self.public_key_pem = public_key_pem
        self.issuer = issuer
        self.audience = audience
        self.oidc = oidc

    @classmethod
    def from_file(cls, path: Path, *, issuer: str, audience: str,
                  oidc: OidcTrust | None = None) -> TokenVerifier:
        return cls(path.read_bytes(), issuer=issuer, audience=audience, oidc=oidc)

    @classmethod
    def from_settings(cls, settings: ServiceSettings) -> TokenVerifier:
        return cls.from_file(settings.jwt_public_key_file, issuer=settings.jwt_issuer,
                             audience=settings.jwt_audience, oidc=oidc_trust(settings))

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
