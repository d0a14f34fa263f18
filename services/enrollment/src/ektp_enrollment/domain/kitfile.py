"""The mobile recording kit's file: JSON lines signed with the kit's Ed25519 key.

Line 1 is a header ``{"format": "ektp-kit/1", "kit_id": ..., "created_at": ...}``; each
following line one recording ``{"record_id", "recorded_at", "operator", "data": {...}}``
(``data`` is the body of ``POST /enrollments``); the last line is
``{"signature": base64}``: Ed25519 over every byte before that line. The office knows each
kit by its public key, so a file from an unknown kit or altered on the way is refused whole.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from .errors import Refused

FORMAT = "ektp-kit/1"


@dataclass(frozen=True)
class KitFile:
    kit_id: str
    header: dict[str, Any]
    body: bytes  # the signed part
    signature: bytes
    lines: list[tuple[int, bytes]]  # (line number in the file, raw record line)


def sign_kit_file(
    kit_id: str, records: list[dict[str, Any]], signing_key: SigningKey,
    created_at: dt.datetime | None = None,
) -> bytes:
    """What the kit writes (also used by tests and the CLI's demo)."""
    header = {"format": FORMAT, "kit_id": kit_id,
              "created_at": (created_at or dt.datetime.now(dt.UTC)).isoformat()}
    lines = [json.dumps(header, ensure_ascii=False)]
    lines += [json.dumps(r, ensure_ascii=False, default=str) for r in records]
    body = ("\n".join(lines) + "\n").encode()
    signature = signing_key.sign(body).signature
    return body + json.dumps({"signature": base64.b64encode(signature).decode()}).encode() + b"\n"


def _file_refused(message: str) -> Refused:
    return Refused.one("file", message, title="Berkas kit ditolak")


def read_kit_file(raw: bytes) -> KitFile:
    """Split a kit file into header, records and signature (not yet verified)."""
    text = raw.rstrip(b"\n")
    body_end = text.rfind(b"\n")
    if body_end < 0:
        raise _file_refused("berkas kit kosong atau tanpa tanda tangan")
    body, last = text[: body_end + 1], text[body_end + 1:]
    try:
        signature = base64.b64decode(json.loads(last)["signature"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise _file_refused("baris terakhir berkas kit bukan tanda tangan") from None
    raw_lines = body.split(b"\n")[:-1]
    try:
        header = json.loads(raw_lines[0])
        if not isinstance(header, dict):
            raise ValueError
    except (ValueError, UnicodeDecodeError):
        raise _file_refused("baris pertama berkas kit bukan judul JSON") from None
    if header.get("format") != FORMAT:
        raise _file_refused(
            f"format berkas {header.get('format')!r} tidak dikenal (harus {FORMAT})"
        )
    kit_id = header.get("kit_id")
    if not isinstance(kit_id, str) or not kit_id:
        raise _file_refused("judul berkas kit tidak memuat kit_id")
    lines = [(n, line) for n, line in enumerate(raw_lines[1:], start=2) if line.strip()]
    return KitFile(kit_id, header, body, signature, lines)


def verify_kit_file(kit: KitFile, public_key_b64: str) -> None:
    try:
        VerifyKey(base64.b64decode(public_key_b64)).verify(kit.body, kit.signature)
    except (BadSignatureError, ValueError):
        raise _file_refused(
            f"tanda tangan berkas tidak cocok dengan kunci kit {kit.kit_id}: berkas diubah "
            "atau bukan dari kit ini; tidak ada data yang diimpor"
        ) from None


def parse_public_key(value: str) -> str:
    """Normalise a kit's public key (base64 of 32 bytes); raises Refused otherwise."""
    try:
        raw = base64.b64decode(value.strip(), validate=True)
        VerifyKey(raw)
    except (ValueError, binascii.Error, TypeError):
        raise Refused.one(
            "public_key", "kunci publik kit harus base64 dari 32 byte Ed25519"
        ) from None
    return base64.b64encode(raw).decode()
