from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.biometric_summary_finger_exceptions import BiometricSummaryFingerExceptions
    from ..models.biometric_summary_iris_exceptions import BiometricSummaryIrisExceptions
    from ..models.image import Image
    from ..models.quality_scores import QualityScores


T = TypeVar("T", bound="BiometricSummary")


@_attrs_define
class BiometricSummary:
    """What was recorded; the templates themselves are sealed for the centre.

    Attributes:
        finger_exceptions (BiometricSummaryFingerExceptions): finger -> why it was not recorded
        fingers_recorded (list[str]):
        iris_exceptions (BiometricSummaryIrisExceptions): iris -> why it was not recorded
        irises_recorded (list[str]):
        photo (Image | None | Unset):
        quality_scores (None | QualityScores | Unset): absent on recordings made before the quality gate
        signature (Image | None | Unset):
    """

    finger_exceptions: BiometricSummaryFingerExceptions
    fingers_recorded: list[str]
    iris_exceptions: BiometricSummaryIrisExceptions
    irises_recorded: list[str]
    photo: Image | None | Unset = UNSET
    quality_scores: None | QualityScores | Unset = UNSET
    signature: Image | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.image import Image  # noqa: PLC0415
        from ..models.quality_scores import QualityScores  # noqa: PLC0415

        finger_exceptions = self.finger_exceptions.to_dict()

        fingers_recorded = self.fingers_recorded

        iris_exceptions = self.iris_exceptions.to_dict()

        irises_recorded = self.irises_recorded

        photo: dict[str, Any] | None | Unset
        if isinstance(self.photo, Unset):
            photo = UNSET
        elif isinstance(self.photo, Image):
            photo = self.photo.to_dict()
        else:
            photo = self.photo

        quality_scores: dict[str, Any] | None | Unset
        if isinstance(self.quality_scores, Unset):
            quality_scores = UNSET
        elif isinstance(self.quality_scores, QualityScores):
            quality_scores = self.quality_scores.to_dict()
        else:
            quality_scores = self.quality_scores

        signature: dict[str, Any] | None | Unset
        if isinstance(self.signature, Unset):
            signature = UNSET
        elif isinstance(self.signature, Image):
            signature = self.signature.to_dict()
        else:
            signature = self.signature

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "finger_exceptions": finger_exceptions,
                "fingers_recorded": fingers_recorded,
                "iris_exceptions": iris_exceptions,
                "irises_recorded": irises_recorded,
            }
        )
        if photo is not UNSET:
            field_dict["photo"] = photo
        if quality_scores is not UNSET:
            field_dict["quality_scores"] = quality_scores
        if signature is not UNSET:
            field_dict["signature"] = signature

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.biometric_summary_finger_exceptions import BiometricSummaryFingerExceptions  # noqa: PLC0415
        from ..models.biometric_summary_iris_exceptions import BiometricSummaryIrisExceptions  # noqa: PLC0415
        from ..models.image import Image  # noqa: PLC0415
        from ..models.quality_scores import QualityScores  # noqa: PLC0415

        d = dict(src_dict)
        finger_exceptions = BiometricSummaryFingerExceptions.from_dict(d.pop("finger_exceptions"))

        fingers_recorded = cast(list[str], d.pop("fingers_recorded"))

        iris_exceptions = BiometricSummaryIrisExceptions.from_dict(d.pop("iris_exceptions"))

        irises_recorded = cast(list[str], d.pop("irises_recorded"))

        def _parse_photo(data: object) -> Image | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                photo_type_0 = Image.from_dict(data)

                return photo_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Image | None | Unset, data)

        photo = _parse_photo(d.pop("photo", UNSET))

        def _parse_quality_scores(data: object) -> None | QualityScores | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quality_scores_type_0 = QualityScores.from_dict(data)

                return quality_scores_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QualityScores | Unset, data)

        quality_scores = _parse_quality_scores(d.pop("quality_scores", UNSET))

        def _parse_signature(data: object) -> Image | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                signature_type_0 = Image.from_dict(data)

                return signature_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Image | None | Unset, data)

        signature = _parse_signature(d.pop("signature", UNSET))

        biometric_summary = cls(
            finger_exceptions=finger_exceptions,
            fingers_recorded=fingers_recorded,
            iris_exceptions=iris_exceptions,
            irises_recorded=irises_recorded,
            photo=photo,
            quality_scores=quality_scores,
            signature=signature,
        )

        return biometric_summary
