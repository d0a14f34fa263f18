"""Key files: created with their mode set before the first byte is written, never replaced.

Who holds which key is in DESIGN.md section 6 ("Keys"): only the token issuer reads the JWT
private key (``KeySettings``, used by ``ektp keys init`` and ``ektp token issue``), only
central-sim ``centre.key``, only printing ``print_room.key``; services read public halves.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .config import (
    CENTRE_PRIVATE_KEY,
    CENTRE_PUBLIC_KEY,
    JWT_PRIVATE_KEY,
    JWT_PUBLIC_KEY,
    PRINT_ROOM_PRIVATE_KEY,
    PRINT_ROOM_PUBLIC_KEY,
    TokenSettings,
    key_file,
)

PRIVATE_MODE = 0o600
PUBLIC_MODE = 0o644


class KeyFileError(RuntimeError):
    """A key file that is missing, in the way, or does not match its other half."""


def write_key_file(path: Path, data: bytes, *, private: bool) -> None:
    """Create ``path`` holding ``data``: 0600 for a private key, 0644 for a public one.

    The file is created by ``open(O_CREAT | O_EXCL)`` with its mode, so no other user can
    open it between creation and a later chmod, and an existing file (or a symlink planted
    in its place) is refused instead of overwritten.
    """
    mode = PRIVATE_MODE if private else PUBLIC_MODE
    # A new key folder is the owner's alone; the services of `make up` run as the same user.
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, mode)
    except FileExistsError:
        raise KeyFileError(
            f"{path} already exists; a key file is never overwritten (move it away yourself "
            "to replace it)") from None
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), mode)  # exact whatever the umask, still before any byte
            out.write(data)
    except BaseException:
        path.unlink(missing_ok=True)  # no half-written key left behind
        raise


@dataclass(frozen=True)
class KeyKind:
    """How one kind of key pair is made and how its public half follows from the private."""

    name: str
    generate: Callable[[], bytes]  # the private key file's content
    public_of: Callable[[bytes], bytes]  # the public key file's content, from the private


def ensure_key_pair(private_path: Path, public_path: Path, kind: KeyKind) -> str:
    """Make the pair unless it exists; say what was done ("made", "kept", ...).

    An existing private key is always kept: a missing public half is written again from it,
    one that does not match is an error. A public key without its private key is an error
    too: making a new pair would silently invalidate everything sealed or signed before.
    """
    if private_path.exists():
        private = private_path.read_bytes()
        expected = kind.public_of(private)
        said = "kept"
        if stat.S_IMODE(private_path.stat().st_mode) & 0o077:
            private_path.chmod(PRIVATE_MODE)
            said = f"kept (its mode tightened to {PRIVATE_MODE:04o})"
        if not public_path.exists():
            write_key_file(public_path, expected, private=False)
            return said + ", public half written again"
        if public_path.read_bytes().strip() != expected.strip():
            raise KeyFileError(
                f"{public_path} is not the public half of {private_path}: restore the "
                f"matching file, or remove {public_path} to have it written again")
        return said
    if public_path.exists():
        raise KeyFileError(
            f"{public_path} exists without its private key {private_path}: restore the "
            f"private key, or remove {public_path} to make a new {kind.name} pair (what "
            "was signed or sealed with the old pair no longer opens)")
    private = kind.generate()
    write_key_file(private_path, private, private=True)
    write_key_file(public_path, kind.public_of(private), private=False)
    return "made"


class KeySettings(TokenSettings):
    """Every key file of the office: read by the token issuer and `ektp keys init` only."""

    jwt_private_key_file: Path = key_file(JWT_PRIVATE_KEY)
    jwt_public_key_file: Path = key_file(JWT_PUBLIC_KEY)
    centre_private_key_file: Path = key_file(CENTRE_PRIVATE_KEY)
    centre_public_key_file: Path = key_file(CENTRE_PUBLIC_KEY)
    print_room_private_key_file: Path = key_file(PRINT_ROOM_PRIVATE_KEY)
    print_room_public_key_file: Path = key_file(PRINT_ROOM_PUBLIC_KEY)

    def signing_key(self) -> bytes:
        """The JWT private key; never made here (that is `ektp keys init`'s job)."""
        path = self.jwt_private_key_file
        if not path.is_file():
            raise KeyFileError(
                f"no token signing key at {path}: run `ektp keys init` (`make keys`) on the "
                "machine that issues tokens, or set EKTP_JWT_PRIVATE_KEY_FILE")
        return path.read_bytes()
