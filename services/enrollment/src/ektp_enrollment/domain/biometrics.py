"""The biometric quality gate: every finger and iris present or excused, images of the right
format and size, and each capture's quality score (as the SBI device gave it) at or above the
office's threshold. Works on the decoded bytes in memory; nothing here is ever written down."""

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
    FACE_QUALITY_MIN,
    FINGER_QUALITY_MIN,
    FINGERPRINT_BYTES,
    IRIS_BYTES,
    IRIS_QUALITY_MIN,
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


class Capture(BaseModel):
    """One finger or iris as a capture device (MOSIP SBI) gives it: the ISO image or template
    (the device's ``bioValue``) and the device's quality score."""

    model_config = ConfigDict(extra="forbid")

    data_b64: str = Field(description="base64 ISO 19794 image or template (SBI bioValue)")
    quality_score: float = Field(ge=0, le=100, description="the device's score, 0-100")


@dataclass(frozen=True)
class QualityThresholds:
    """The lowest quality score accepted per modality (0-100, as SBI devices score)."""

    finger: float = FINGER_QUALITY_MIN
    iris: float = IRIS_QUALITY_MIN
    face: float = FACE_QUALITY_MIN


class Biometrics(BaseModel):
    """Biometrics as the recording station sends them, base64 encoded. A finger or iris is a
    :class:`Capture` (from a device, with its quality score) or plain base64 (from a file:
    no score to check, only its size)."""

    model_config = ConfigDict(extra="forbid")

    photo_jpeg_b64: str = Field(description="face photo, JPEG, at least 240x320")
    photo_quality_score: float | None = Field(
        None, ge=0, le=100, description="the camera or device's face quality score, when given"
    )
    signature_png_b64: str = Field(description="signature image, PNG")
    fingerprints: dict[str, Capture | str] = Field(
        default_factory=dict,
        description=f"finger ({', '.join(FINGERS)}) -> capture with quality, or base64 template",
    )
    finger_exceptions: dict[str, str] = Field(
        default_factory=dict, description="finger -> why it cannot be recorded (e.g. amputasi)"
    )
    irises: dict[str, Capture | str] = Field(
        default_factory=dict, description="R_IRIS, L_IRIS -> capture with quality, or base64"
    )
    iris_exceptions: dict[str, str] = Field(default_factory=dict)

    def finger_data(self) -> dict[str, str]:
        return {k: _data(v) for k, v in self.fingerprints.items()}

    def iris_data(self) -> dict[str, str]:
        return {k: _data(v) for k, v in self.irises.items()}


def _data(value: Capture | str) -> str:
    return value.data_b64 if isinstance(value, Capture) else value


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


def _quality_ok(
    check: BiometricCheck, name: str, score: float | None, minimum: float, what: str
) -> bool:
    if score is None or score >= minimum:
        return True
    check.fail(name, f"kualitas {what} {score:g} di bawah ambang {minimum:g}: ulangi pengambilan")
    return False


def _parts(
    check: BiometricCheck, kind: str, names: tuple[str, ...], given: dict[str, Capture | str],
    excused: dict[str, str], bounds: tuple[int, int], what: str, minimum: float,
) -> tuple[list[str], dict[str, float]]:
    exceptions_field = "finger_exceptions" if kind == "fingerprints" else "iris_exceptions"
    for unknown in sorted(set(given) - set(names)):
        check.fail(f"{kind}.{unknown}", f"{unknown} tidak dikenal; pilih dari {', '.join(names)}")
    for unknown in sorted(set(excused) - set(names)):
        check.fail(f"{exceptions_field}.{unknown}", f"{unknown} tidak dikenal")
    recorded: list[str] = []
    scores: dict[str, float] = {}
    for name in names:
        if name in given and name in excused:
            check.fail(f"{kind}.{name}", f"{what} {name} direkam dan juga dikecualikan: pilih satu")
        elif name in given:
            value = given[name]
            score = value.quality_score if isinstance(value, Capture) else None
            raw = _decode(check, f"{kind}.{name}", _data(value), f"{what} {name}", bounds)
            if (raw is not None
                    and _size_ok(check, f"{kind}.{name}", raw, bounds, f"{what} {name}")
                    and _quality_ok(check, f"{kind}.{name}", score, minimum, f"{what} {name}")):
                recorded.append(name)
                if score is not None:
                    scores[name] = score
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
    return recorded, scores


def check_biometrics(
    b: Biometrics, thresholds: QualityThresholds = QualityThresholds()
) -> BiometricCheck:
    """Check everything at once, so the clerk sees every problem in one answer."""
    check = BiometricCheck()
    summary: dict[str, Any] = {}
    photo = _decode(check, "photo_jpeg_b64", b.photo_jpeg_b64, "foto", PHOTO_BYTES)
    if photo is not None and _size_ok(check, "photo_jpeg_b64", photo, PHOTO_BYTES, "foto"):
        summary["photo"] = _image(
            check, "photo_jpeg_b64", photo, "JPEG", (PHOTO_MIN_WIDTH, PHOTO_MIN_HEIGHT), "foto"
        )
    _quality_ok(check, "photo_jpeg_b64", b.photo_quality_score, thresholds.face, "foto")
    signature = _decode(check, "signature_png_b64", b.signature_png_b64, "tanda tangan",
                        SIGNATURE_BYTES)
    if signature is not None and _size_ok(
        check, "signature_png_b64", signature, SIGNATURE_BYTES, "tanda tangan"
    ):
        summary["signature"] = _image(
            check, "signature_png_b64", signature, "PNG",
            (SIGNATURE_MIN_WIDTH, SIGNATURE_MIN_HEIGHT), "tanda tangan",
        )
    summary["fingers_recorded"], finger_scores = _parts(
        check, "fingerprints", FINGERS, b.fingerprints, b.finger_exceptions, TEMPLATE_BYTES,
        "sidik jari", thresholds.finger,
    )
    summary["finger_exceptions"] = {k: v.strip() for k, v in b.finger_exceptions.items()}
    summary["irises_recorded"], iris_scores = _parts(
        check, "irises", IRISES, b.irises, b.iris_exceptions, IRIS_BYTES, "iris",
        thresholds.iris,
    )
    summary["iris_exceptions"] = {k: v.strip() for k, v in b.iris_exceptions.items()}
    # The scores the gate passed, kept with the recording (captures from a file have none).
    summary["quality_scores"] = {
        "photo": b.photo_quality_score, "fingerprints": finger_scores, "irises": iris_scores,
        "thresholds": {"finger": thresholds.finger, "iris": thresholds.iris,
                       "face": thresholds.face},
    }
    check.summary = summary
    return check
