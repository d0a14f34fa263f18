"""Sealed boxes (DESIGN.md section 3): biometric packets for the national data centre, and
the card's photo and signature for the print room.

The enrollment service seals with the centre's public key, the sync service seals the card
images the centre returns with the print room's public key (a libsodium sealed box:
X25519 + XSalsa20-Poly1305, anonymous sender), so the box can be stored and published but
only the holder of the matching private key can open it. The clear images never touch a
topic.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import TypeVar

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from pydantic import BaseModel, Field

from .keys import KeyKind, ensure_key_pair

FINGERS = (
    "R_THUMB", "R_INDEX", "R_MIDDLE", "R_RING", "R_LITTLE",
    "L_THUMB", "L_INDEX", "L_MIDDLE", "L_RING", "L_LITTLE",
)
IRISES = ("R_IRIS", "L_IRIS")


class BiometricPacket(BaseModel):
    """What is sealed: biometric templates/images as base64, plus ids to match the answer."""

    enrollment_id: str
    nik: str
    photo_jpeg_b64: str
    signature_png_b64: str
    fingerprints: dict[str, str] = Field(description="finger name -> base64 template")
    finger_exceptions: dict[str, str] = Field(
        default_factory=dict, description="finger name -> reason it is missing (e.g. amputasi)"
    )
    irises: dict[str, str] = Field(default_factory=dict)
    iris_exceptions: dict[str, str] = Field(
        default_factory=dict, description="iris name -> reason it is missing"
    )

    def fingerprint_digest(self) -> str:
        """A stable digest of the fingerprint templates, for deduplication at the centre."""
        h = hashlib.sha256()
        for finger in FINGERS:
            h.update(finger.encode())
            h.update(base64.b64decode(self.fingerprints.get(finger, "")))
        return h.hexdigest()


class CardImages(BaseModel):
    """What of the centre's card data only the card itself needs: sealed for the print room."""

    photo_jpeg_b64: str
    signature_png_b64: str


class SealError(ValueError):
    pass


Sealed = TypeVar("Sealed", bound=BaseModel)


def _new_box_key() -> bytes:
    return base64.b64encode(bytes(PrivateKey.generate())) + b"\n"


def _box_public_of(private_file: bytes) -> bytes:
    key = PrivateKey(base64.b64decode(private_file.strip()))
    return base64.b64encode(bytes(key.public_key)) + b"\n"


SEALING_KEYS = KeyKind("sealing (X25519)", _new_box_key, _box_public_of)


def generate_sealing_keypair(private_path: Path, public_path: Path) -> str:
    """Create an X25519 key pair (base64 files) unless it exists (ektp_shared.keys rules:
    the private file is 0600 from its creation, an existing private key is kept)."""
    return ensure_key_pair(private_path, public_path, SEALING_KEYS)


# The centre's pair (sealed biometric packets) is of the same kind as the print room's.
generate_centre_keypair = generate_sealing_keypair


def load_public_key(path: Path) -> PublicKey:
    return PublicKey(base64.b64decode(path.read_text().strip()))


def load_private_key(path: Path) -> PrivateKey:
    return PrivateKey(base64.b64decode(path.read_text().strip()))


def seal(packet: BaseModel, public_key: PublicKey) -> str:
    raw = json.dumps(packet.model_dump(), separators=(",", ":")).encode()
    return base64.b64encode(SealedBox(public_key).encrypt(raw)).decode()


def _open(sealed_b64: str, private_key: PrivateKey, model: type[Sealed]) -> Sealed:
    try:
        raw = SealedBox(private_key).decrypt(base64.b64decode(sealed_b64))
    except (CryptoError, ValueError) as exc:
        raise SealError("the packet does not open with this key") from exc
    return model.model_validate_json(raw)


def open_sealed(sealed_b64: str, centre_private_key: PrivateKey) -> BiometricPacket:
    return _open(sealed_b64, centre_private_key, BiometricPacket)


def open_card_images(sealed_b64: str, print_room_private_key: PrivateKey) -> CardImages:
    """The card's photo and signature, for the print room to render the card."""
    return _open(sealed_b64, print_room_private_key, CardImages)
