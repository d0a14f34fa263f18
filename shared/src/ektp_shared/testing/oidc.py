"""A stand-in OpenID Connect provider for tests: a JWKS served over real HTTP on 127.0.0.1
and tokens signed by its keys (RS256 or ES256), as a province's Keycloak issues them."""

from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

ISSUER = "https://sso.sulut.go.id/realms/dukcapil"


class Provider:
    """A JWKS document served over real HTTP, whose keys the test changes (rotation)."""

    def __init__(self) -> None:
        self.keys: dict[str, tuple[str, Any]] = {}  # kid -> (alg, private key)
        self.hits = 0
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                provider.hits += 1
                body = json.dumps(provider.jwks()).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/certs"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def add_key(self, kid: str, alg: str) -> None:
        if alg == "RS256":
            key: Any = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        else:
            key = ec.generate_private_key(ec.SECP256R1())
        self.keys[kid] = (alg, key)

    def jwks(self) -> dict[str, Any]:
        out = []
        for kid, (alg, key) in self.keys.items():
            maker = RSAAlgorithm if alg == "RS256" else ECAlgorithm
            jwk = maker.to_jwk(key.public_key(), as_dict=True)
            out.append({**jwk, "kid": kid, "alg": alg, "use": "sig"})
        # a key for encryption is not a signing key: it is left alone
        out.append({"kty": "oct", "kid": "enc", "use": "enc", "k": "c2VjcmV0"})
        return {"keys": out}

    def token(self, kid: str, *, roles: list[str] | None = None, issuer: str = ISSUER,
              audience: str = "ektp", minutes: float = 5, **claims: Any) -> str:
        alg, key = self.keys[kid]
        now = dt.datetime.now(dt.UTC)
        body = {"iss": issuer, "aud": audience, "sub": "5d1c8e0e-uuid", "iat": now,
                "exp": now + dt.timedelta(minutes=minutes), "preferred_username": "rina",
                "realm_access": {"roles": roles if roles is not None else
                                 ["dukcapil-operator", "offline_access"]}, **claims}
        return jwt.encode(body, key, algorithm=alg, headers={"kid": kid})

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> Provider:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()
