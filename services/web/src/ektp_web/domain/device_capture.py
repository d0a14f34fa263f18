"""Captures from the clerk's SBI device on the recording page: ``sbi.js`` puts each one in
hidden fields (``alat_jari_R_INDEX`` the ISO record, ``mutu_jari_R_INDEX`` the device's
quality score); here they become enrollment's captures ``{data_b64, quality_score}``.
A file the clerk chose for the same finger wins: choosing it is deliberate."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .recording_form import FINGERS, IRISES


@dataclass(frozen=True)
class DevicePage:
    """What the page's capture block needs: where the device is, and what to ask of it."""

    url: str
    finger_min: float
    iris_min: float
    face_min: float


def data_field(kind: str, key: str) -> str:
    return f"alat_{kind}_{key}"


def quality_field(kind: str, key: str) -> str:
    return f"mutu_{kind}_{key}"


def _score(text: str) -> float | None:
    try:
        score = float(text)
    except ValueError:
        return None
    return score if math.isfinite(score) else None


def _capture(text: dict[str, str], kind: str, key: str) -> dict[str, Any] | str | None:
    data = text.get(data_field(kind, key), "").strip()
    if not data:
        return None
    score = _score(text.get(quality_field(kind, key), ""))
    # No readable score: sent as a bare template, and the service judges its size only.
    return data if score is None else {"data_b64": data, "quality_score": score}


def with_device_captures(body: dict[str, Any], text: dict[str, str],
                         files: dict[str, bytes]) -> dict[str, Any]:
    """Enrollment's request (from ``recording_form.request_body``) with the device's
    captures added where the clerk chose no file."""
    bio: dict[str, Any] = body["biometrics"]
    for kind, names, part in (("jari", FINGERS, "fingerprints"), ("iris", IRISES, "irises")):
        for key, _ in names:
            capture = _capture(text, kind, key)
            if capture is not None and f"{kind}_{key}" not in files:
                bio[part][key] = capture
    if "foto" not in files:
        photo = _capture(text, "foto", "wajah")
        if isinstance(photo, dict):
            bio["photo_jpeg_b64"] = photo["data_b64"]
            bio["photo_quality_score"] = photo["quality_score"]
        elif photo:
            bio["photo_jpeg_b64"] = photo
    return body


# The rows of the capture block, in the page's order: (kind, key, label).
PARTS: tuple[tuple[str, str, str], ...] = (
    ("foto", "wajah", "Foto wajah"),
    *(("jari", key, label) for key, label in FINGERS),
    *(("iris", key, label) for key, label in IRISES),
)


def device_page(url: str, finger_min: float, iris_min: float,
                face_min: float) -> DevicePage | None:
    """What the page's capture block shows (None: no device configured)."""
    return DevicePage(url, finger_min, iris_min, face_min) if url else None
