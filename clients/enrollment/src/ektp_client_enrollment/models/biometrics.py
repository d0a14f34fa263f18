from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.biometrics_finger_exceptions import BiometricsFingerExceptions
    from ..models.biometrics_fingerprints import BiometricsFingerprints
    from ..models.biometrics_iris_exceptions import BiometricsIrisExceptions
    from ..models.biometrics_irises import BiometricsIrises


T = TypeVar("T", bound="Biometrics")


@_attrs_define
class Biometrics:
    """Biometrics as the recording station sends them, base64 encoded. A finger or iris is a
    :class:`Capture` (from a device, with its quality score) or plain base64 (from a file:
    no score to check, only its size).

        Attributes:
            photo_jpeg_b64 (str): face photo, JPEG, at least 240x320
            signature_png_b64 (str): signature image, PNG
            finger_exceptions (BiometricsFingerExceptions | Unset): finger -> why it cannot be recorded (e.g. amputasi)
            fingerprints (BiometricsFingerprints | Unset): finger (R_THUMB, R_INDEX, R_MIDDLE, R_RING, R_LITTLE, L_THUMB,
                L_INDEX, L_MIDDLE, L_RING, L_LITTLE) -> capture with quality, or base64 template
            iris_exceptions (BiometricsIrisExceptions | Unset):
            irises (BiometricsIrises | Unset): R_IRIS, L_IRIS -> capture with quality, or base64
            photo_quality_score (float | None | Unset): the camera or device's face quality score, when given
    """

    photo_jpeg_b64: str
    signature_png_b64: str
    finger_exceptions: BiometricsFingerExceptions | Unset = UNSET
    fingerprints: BiometricsFingerprints | Unset = UNSET
    iris_exceptions: BiometricsIrisExceptions | Unset = UNSET
    irises: BiometricsIrises | Unset = UNSET
    photo_quality_score: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        photo_jpeg_b64 = self.photo_jpeg_b64

        signature_png_b64 = self.signature_png_b64

        finger_exceptions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.finger_exceptions, Unset):
            finger_exceptions = self.finger_exceptions.to_dict()

        fingerprints: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fingerprints, Unset):
            fingerprints = self.fingerprints.to_dict()

        iris_exceptions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.iris_exceptions, Unset):
            iris_exceptions = self.iris_exceptions.to_dict()

        irises: dict[str, Any] | Unset = UNSET
        if not isinstance(self.irises, Unset):
            irises = self.irises.to_dict()

        photo_quality_score: float | None | Unset
        if isinstance(self.photo_quality_score, Unset):
            photo_quality_score = UNSET
        else:
            photo_quality_score = self.photo_quality_score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "photo_jpeg_b64": photo_jpeg_b64,
                "signature_png_b64": signature_png_b64,
            }
        )
        if finger_exceptions is not UNSET:
            field_dict["finger_exceptions"] = finger_exceptions
        if fingerprints is not UNSET:
            field_dict["fingerprints"] = fingerprints
        if iris_exceptions is not UNSET:
            field_dict["iris_exceptions"] = iris_exceptions
        if irises is not UNSET:
            field_dict["irises"] = irises
        if photo_quality_score is not UNSET:
            field_dict["photo_quality_score"] = photo_quality_score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.biometrics_finger_exceptions import BiometricsFingerExceptions  # noqa: PLC0415
        from ..models.biometrics_fingerprints import BiometricsFingerprints  # noqa: PLC0415
        from ..models.biometrics_iris_exceptions import BiometricsIrisExceptions  # noqa: PLC0415
        from ..models.biometrics_irises import BiometricsIrises  # noqa: PLC0415

        d = dict(src_dict)
        photo_jpeg_b64 = d.pop("photo_jpeg_b64")

        signature_png_b64 = d.pop("signature_png_b64")

        _finger_exceptions = d.pop("finger_exceptions", UNSET)
        finger_exceptions: BiometricsFingerExceptions | Unset
        if isinstance(_finger_exceptions, Unset):
            finger_exceptions = UNSET
        else:
            finger_exceptions = BiometricsFingerExceptions.from_dict(_finger_exceptions)

        _fingerprints = d.pop("fingerprints", UNSET)
        fingerprints: BiometricsFingerprints | Unset
        if isinstance(_fingerprints, Unset):
            fingerprints = UNSET
        else:
            fingerprints = BiometricsFingerprints.from_dict(_fingerprints)

        _iris_exceptions = d.pop("iris_exceptions", UNSET)
        iris_exceptions: BiometricsIrisExceptions | Unset
        if isinstance(_iris_exceptions, Unset):
            iris_exceptions = UNSET
        else:
            iris_exceptions = BiometricsIrisExceptions.from_dict(_iris_exceptions)

        _irises = d.pop("irises", UNSET)
        irises: BiometricsIrises | Unset
        if isinstance(_irises, Unset):
            irises = UNSET
        else:
            irises = BiometricsIrises.from_dict(_irises)

        def _parse_photo_quality_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        photo_quality_score = _parse_photo_quality_score(d.pop("photo_quality_score", UNSET))

        biometrics = cls(
            photo_jpeg_b64=photo_jpeg_b64,
            signature_png_b64=signature_png_b64,
            finger_exceptions=finger_exceptions,
            fingerprints=fingerprints,
            iris_exceptions=iris_exceptions,
            irises=irises,
            photo_quality_score=photo_quality_score,
        )

        return biometrics
