"""The biometric quality gate: every finger and iris present or excused, images of the right
format and size. Works on the decoded bytes in memory; nothing here is ever written down."""

from __future__ import annotations

import base64
import binascii
import io
import warnings
from dataclasses import dataclass, field
from typing import Any

from PIL import Image
from pydantic import BaseModel, ConfigDict, Field

from ektp_shared.limits import (
    EXCEPTION_REASON_CHARS,
    FINGERPRINT_BYTES,
    IRIS_BYTES,
    PHOTO_BYTES,
    SIGNATURE_BYTES,
    describe_bytes,
)
from ektp_shared.sealed_packet import FINGERS, IRISES

from .errors import FieldError

# The byte bounds live in ektp_shared.limits: with every field at its maximum the
# recording's event still fits in one Kafka message.
PHOTO_MIN_WIDTH, PHOTO_MIN_HEIGHT = 240, 320
SIGNATURE_MIN_WIDTH, SIGNATURE_MIN_HEIGHT = 100, 30
TEMPLATE_BYTES = FINGERPRINT_BYTES
MAX_PIXELS = 4000 * 4000
MIN_REASON = 3


class Biometrics(BaseModel):
    """Biometrics as the recording station sends them, base64 encoded."""

    model_config = ConfigDict(extra="forbid")

    photo_jpeg_b64: str = Field(description="face photo, JPEG, at least 240x320")
    signature_png_b64: str = Field(description="signature image, PNG")
    fingerprints: dict[str, str] = Field(
        default_factory=dict, description=f"finger ({', '.join(FINGERS)}) -> base64 template"
    )
    finger_exceptions: dict[str, str] = Field(
        default_factory=dict, description="finger -> why it cannot be recorded (e.g. amputasi)"
    )
    irises: dict[str, str] = Field(default_factory=dict, description="R_IRIS, L_IRIS -> base64")
    iris_exceptions: dict[str, str] = Field(default_factory=dict)


@dataclass
class BiometricCheck:
    errors: list[FieldError] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

    def fail(self, name: str, message: str) -> None:
        self.errors.append(FieldError(f"biometrics.{name}", message))


def _decode(
    check: BiometricCheck, name: str, value: str, what: str, bounds: tuple[int, int]
) -> bytes | None:
    # Refused before decoding: the base64 text's length tells the size.
    size = len(value) * 3 // 4 - len(value[-2:]) + len(value[-2:].rstrip("="))
    if size > bounds[1]:
        check.fail(name, _too_large(what, f"{size} byte", bounds[1]))
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        check.fail(name, f"{what} bukan base64 yang sah")
        return None


def _too_large(what: str, size: str, high: int) -> str:
    return f"{what} terlalu besar ({size}); maksimal {describe_bytes(high)} ({high} byte)"


def _size_ok(
    check: BiometricCheck, name: str, raw: bytes, bounds: tuple[int, int], what: str
) -> bool:
    low, high = bounds
    if len(raw) < low:
        check.fail(name, f"{what} terlalu kecil ({len(raw)} byte, minimal {low}): rekam ulang")
        return False
    if len(raw) > high:
        check.fail(name, _too_large(what, f"{len(raw)} byte", high))
        return False
    return True


def _image(
    check: BiometricCheck, name: str, raw: bytes, fmt: str, min_size: tuple[int, int], what: str
) -> dict[str, int] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as img:
                actual = img.format
                width, height = img.size
                if actual == fmt and width * height <= MAX_PIXELS:
                    img.load()  # a truncated or corrupt file fails here
    except Exception:  # Pillow raises many kinds for a file that is not an image
        check.fail(name, f"{what} rusak atau bukan gambar {fmt}")
        return None
    if actual != fmt:
        check.fail(name, f"{what} harus berformat {fmt}, bukan {actual}")
        return None
    if width * height > MAX_PIXELS:
        check.fail(name, f"{what} {width}x{height} piksel terlalu besar")
        return None
    if width < min_size[0] or height < min_size[1]:
        check.fail(
            name,
            f"{what} {width}x{height} piksel terlalu kecil "
            f"(minimal {min_size[0]}x{min_size[1]})",
        )
        return None
    return {"bytes": len(raw), "width": width, "height": height}


def _parts(
    check: BiometricCheck, kind: str, names: tuple[str, ...], given: dict[str, str],
    excused: dict[str, str], bounds: tuple[int, int], what: str,
) -> list[str]:
    exceptions_field = "finger_exceptions" if kind == "fingerprints" else "iris_exceptions"
    for unknown in sorted(set(given) - set(names)):
        check.fail(f"{kind}.{unknown}", f"{unknown} tidak dikenal; pilih dari {', '.join(names)}")
    for unknown in sorted(set(excused) - set(names)):
        check.fail(f"{exceptions_field}.{unknown}", f"{unknown} tidak dikenal")
    recorded = []
    for name in names:
        if name in given and name in excused:
            check.fail(f"{kind}.{name}", f"{what} {name} direkam dan juga dikecualikan: pilih satu")
        elif name in given:
            raw = _decode(check, f"{kind}.{name}", given[name], f"{what} {name}", bounds)
            if raw is not None and _size_ok(check, f"{kind}.{name}", raw, bounds, f"{what} {name}"):
                recorded.append(name)
        elif name in excused:
            reason = excused[name].strip()
            if len(reason) < MIN_REASON:
                check.fail(
                    f"{exceptions_field}.{name}", f"tulis alasan {what} {name} tidak direkam"
                )
            elif len(reason) > EXCEPTION_REASON_CHARS:
                check.fail(
                    f"{exceptions_field}.{name}",
                    f"alasan terlalu panjang ({len(reason)} karakter); maksimal "
                    f"{EXCEPTION_REASON_CHARS} karakter",
                )
        else:
            check.fail(
                f"{kind}.{name}",
                f"{what} {name} tidak ada: rekam, atau catat pengecualian (mis. amputasi) "
                f"di {exceptions_field}",
            )
    return recorded


def check_biometrics(b: Biometrics) -> BiometricCheck:
    """Check everything at once, so the clerk sees every problem in one answer."""
    check = BiometricCheck()
    summary: dict[str, Any] = {}
    photo = _decode(check, "photo_jpeg_b64", b.photo_jpeg_b64, "foto", PHOTO_BYTES)
    if photo is not None and _size_ok(check, "photo_jpeg_b64", photo, PHOTO_BYTES, "foto"):
        summary["photo"] = _image(
            check, "photo_jpeg_b64", photo, "JPEG", (PHOTO_MIN_WIDTH, PHOTO_MIN_HEIGHT), "foto"
        )
    signature = _decode(check, "signature_png_b64", b.signature_png_b64, "tanda tangan",
                        SIGNATURE_BYTES)
    if signature is not None and _size_ok(
        check, "signature_png_b64", signature, SIGNATURE_BYTES, "tanda tangan"
    ):
        summary["signature"] = _image(
            check, "signature_png_b64", signature, "PNG",
            (SIGNATURE_MIN_WIDTH, SIGNATURE_MIN_HEIGHT), "tanda tangan",
        )
    summary["fingers_recorded"] = _parts(
        check, "fingerprints", FINGERS, b.fingerprints, b.finger_exceptions, TEMPLATE_BYTES,
        "sidik jari",
    )
    summary["finger_exceptions"] = {k: v.strip() for k, v in b.finger_exceptions.items()}
    summary["irises_recorded"] = _parts(
        check, "irises", IRISES, b.irises, b.iris_exceptions, IRIS_BYTES, "iris"
    )
    summary["iris_exceptions"] = {k: v.strip() for k, v in b.iris_exceptions.items()}
    check.summary = summary
    return check
