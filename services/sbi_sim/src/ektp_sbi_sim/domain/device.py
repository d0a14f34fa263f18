"""The SBI 1.0 (MDS 0.9.5, registration) answers of a simulated finger, iris and face device.

Names and shapes follow MOSIP's Secure Biometric Interface specification: the devices as
MOSIPDISC and MOSIPDINFO list them, and RCAPTURE's ``biometrics[]`` with ``data`` (a JWS
whose payload holds ``bioValue``, ``qualityScore``...) and ``hash``. The signature is
SIMULATED: an Ed25519 key made at start-up, no MOSIP device certificate.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from . import samples

SPEC_VERSION = "0.9.5"
SERVICE_VERSION = "ektp-sbi-sim 0.1"
SERIAL = "EKTPSIM000001"

# bioSubType as SBI names them -> the office's finger and iris names (sealed_packet.FINGERS).
FINGER_SUBTYPES = {
    "Right Thumb": "R_THUMB", "Right IndexFinger": "R_INDEX", "Right MiddleFinger": "R_MIDDLE",
    "Right RingFinger": "R_RING", "Right LittleFinger": "R_LITTLE", "Left Thumb": "L_THUMB",
    "Left IndexFinger": "L_INDEX", "Left MiddleFinger": "L_MIDDLE",
    "Left RingFinger": "L_RING", "Left LittleFinger": "L_LITTLE",
}
IRIS_SUBTYPES = {"Right": "R_IRIS", "Left": "L_IRIS"}
# deviceSubId of a slap scanner: 1 left slap, 2 right slap, 3 two thumbs (SBI); iris 1 left,
# 2 right, 3 both; face 0.
SLAPS = {
    1: ("Left IndexFinger", "Left MiddleFinger", "Left RingFinger", "Left LittleFinger"),
    2: ("Right IndexFinger", "Right MiddleFinger", "Right RingFinger", "Right LittleFinger"),
    3: ("Left Thumb", "Right Thumb"),
}
EYES = {1: ("Left",), 2: ("Right",), 3: ("Left", "Right")}


@dataclass(frozen=True)
class Device:
    device_id: str
    type: str  # Finger, Iris, Face
    sub_type: str  # Slap, Double, Full face
    sub_ids: tuple[int, ...]


DEVICES = (
    Device("finger-1", "Finger", "Slap", (1, 2, 3)),
    Device("iris-1", "Iris", "Double", (1, 2, 3)),
    Device("face-1", "Face", "Full face", (0,)),
)


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


@dataclass
class Quality:
    """What the simulated person in front of the device gives: a score per finger or iris
    (office names) and the fingers the scanner cannot read."""

    default: float = 85
    by_part: dict[str, float] = field(default_factory=dict)
    face: float = 90
    missing: set[str] = field(default_factory=set)

    def of(self, part: str) -> float:
        return self.by_part.get(part, self.default)


class SimulatedDevices:
    def __init__(self, callback: str, quality: Quality) -> None:
        self.callback = callback
        self.quality = quality
        self._key = Ed25519PrivateKey.generate()

    def _sign(self, payload: dict[str, Any]) -> str:
        return jwt.encode(payload, self._key, algorithm="EdDSA")

    def _digital_id(self, device: Device, signed: bool) -> str:
        digital = {
            "serialNo": SERIAL, "make": "eKTP", "model": f"SIM-{device.type.upper()}",
            "type": device.type, "deviceSubType": device.sub_type,
            "deviceProvider": "e-KTP simulator", "deviceProviderId": "ektp.sim",
            "dateTime": _now(),
        }
        return self._sign(digital) if signed else b64url(json.dumps(digital).encode())

    def info(self, device: Device, signed: bool) -> dict[str, Any]:
        return {
            "specVersion": [SPEC_VERSION], "env": "Developer", "digitalId":
                self._digital_id(device, signed),
            "deviceId": device.device_id, "deviceCode": f"SIM-{device.device_id}",
            "deviceStatus": "Ready", "certification": "L0", "serviceVersion": SERVICE_VERSION,
            "deviceSubId": [str(s) for s in device.sub_ids], "callbackId": self.callback,
            "purpose": "Registration", "firmware": "sim-1",
        }

    def discover(self, kind: str) -> list[dict[str, Any]]:
        """MOSIPDISC: ``type`` "Biometric Device" lists all, else Finger, Iris or Face."""
        wanted = [d for d in DEVICES if kind in ("Biometric Device", d.type)]
        return [{**self.info(d, signed=False), "error": _ok()} for d in wanted]

    def device_info(self) -> list[dict[str, Any]]:
        """MOSIPDINFO: each device's info as a signed JWS."""
        return [{"deviceInfo": self._sign(self.info(d, signed=True)), "error": _ok()}
                for d in DEVICES]

    def capture(self, request: dict[str, Any]) -> dict[str, Any]:
        """RCAPTURE: one entry per captured bioSubType (the exceptions and the fingers the
        scanner cannot read are left out)."""
        out: list[dict[str, Any]] = []
        previous = hashlib.sha256(b"").hexdigest().upper()
        for bio in request.get("bio") or []:
            kind = str(bio.get("type", ""))
            sub_id = int(str(bio.get("deviceSubId") or "0") or 0)
            excluded = set(bio.get("exception") or [])
            requested = float(bio.get("requestedScore") or 0)
            for sub_type, raw, score in self._capture_parts(kind, sub_id, excluded):
                digest = hashlib.sha256(raw).hexdigest()
                current = hashlib.sha256((previous + digest).encode()).hexdigest().upper()
                payload = {
                    "digitalId": self._digital_id(_device_of(kind), signed=True),
                    "deviceCode": f"SIM-{_device_of(kind).device_id}",
                    "deviceServiceVersion": SERVICE_VERSION, "bioType": kind,
                    "bioSubType": sub_type, "purpose": "Registration",
                    "env": request.get("env", "Developer"), "bioValue": b64url(raw),
                    "transactionId": request.get("transactionId", ""), "timestamp": _now(),
                    "requestedScore": f"{requested:g}", "qualityScore": f"{score:g}",
                }
                out.append({"specVersion": SPEC_VERSION, "data": self._sign(payload),
                            "hash": current, "error": _ok()})
                previous = current
        if not out:
            return {"biometrics": [{"specVersion": SPEC_VERSION, "data": "", "hash": "",
                                    "error": {"errorCode": "701",
                                              "errorInfo": "No biometric captured"}}]}
        return {"biometrics": out}

    def _capture_parts(self, kind: str, sub_id: int,
                       excluded: set[str]) -> list[tuple[str, bytes, float]]:
        parts: list[tuple[str, bytes, float]] = []
        if kind == "Finger":
            for i, sub_type in enumerate(SLAPS.get(sub_id, ()), start=1):
                name = FINGER_SUBTYPES[sub_type]
                if sub_type in excluded or name in self.quality.missing:
                    continue
                score = self.quality.of(name)
                parts.append((sub_type, samples.finger_iso(i, score), score))
        elif kind == "Iris":
            for sub_type in EYES.get(sub_id, ()):
                name = IRIS_SUBTYPES[sub_type]
                if sub_type in excluded or name in self.quality.missing:
                    continue
                score = self.quality.of(name)
                parts.append((sub_type, samples.iris_iso(1, score), score))
        elif kind == "Face":
            parts.append(("", samples.face_jpeg(), self.quality.face))
        return parts


def _device_of(kind: str) -> Device:
    return next((d for d in DEVICES if d.type == kind), DEVICES[0])


def _ok() -> dict[str, str]:
    return {"errorCode": "0", "errorInfo": "Success"}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
