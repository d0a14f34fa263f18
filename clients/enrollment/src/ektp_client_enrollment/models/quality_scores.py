from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.quality_scores_fingerprints import QualityScoresFingerprints
    from ..models.quality_scores_irises import QualityScoresIrises
    from ..models.quality_scores_thresholds import QualityScoresThresholds


T = TypeVar("T", bound="QualityScores")


@_attrs_define
class QualityScores:
    """The capture devices' scores the quality gate passed (a capture from a file has none).

    Attributes:
        fingerprints (QualityScoresFingerprints): finger -> quality score
        irises (QualityScoresIrises): iris -> quality score
        thresholds (QualityScoresThresholds): finger, iris, face: the lowest accepted
        photo (float | None | Unset):
    """

    fingerprints: QualityScoresFingerprints
    irises: QualityScoresIrises
    thresholds: QualityScoresThresholds
    photo: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fingerprints = self.fingerprints.to_dict()

        irises = self.irises.to_dict()

        thresholds = self.thresholds.to_dict()

        photo: float | None | Unset
        if isinstance(self.photo, Unset):
            photo = UNSET
        else:
            photo = self.photo

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fingerprints": fingerprints,
                "irises": irises,
                "thresholds": thresholds,
            }
        )
        if photo is not UNSET:
            field_dict["photo"] = photo

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quality_scores_fingerprints import QualityScoresFingerprints  # noqa: PLC0415
        from ..models.quality_scores_irises import QualityScoresIrises  # noqa: PLC0415
        from ..models.quality_scores_thresholds import QualityScoresThresholds  # noqa: PLC0415

        d = dict(src_dict)
        fingerprints = QualityScoresFingerprints.from_dict(d.pop("fingerprints"))

        irises = QualityScoresIrises.from_dict(d.pop("irises"))

        thresholds = QualityScoresThresholds.from_dict(d.pop("thresholds"))

        def _parse_photo(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        photo = _parse_photo(d.pop("photo", UNSET))

        quality_scores = cls(
            fingerprints=fingerprints,
            irises=irises,
            thresholds=thresholds,
            photo=photo,
        )

        return quality_scores
