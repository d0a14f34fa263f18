"""Refresh credentials: opaque, random, kept only as a hash, and rotated on every use."""

from __future__ import annotations

import hashlib
import secrets

PREFIX = "ektp_rt_"


def new_refresh_credential() -> str:
    # 256 random bits: a fast hash is enough to keep it (no dictionary to guess from).
    return PREFIX + secrets.token_urlsafe(32)


def credential_hash(credential: str) -> str:
    return hashlib.sha256(credential.encode()).hexdigest()


def temporary_password() -> str:
    """For a supervisor's reset: 16 characters a clerk can read aloud (no 0/O, 1/l)."""
    alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(16))
