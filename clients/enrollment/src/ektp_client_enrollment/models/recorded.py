from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.recorded_status import RecordedStatus, check_recorded_status

if TYPE_CHECKING:
    from ..models.biometric_summary import BiometricSummary
    from ..models.recorded_overrides import RecordedOverrides


T = TypeVar("T", bound="Recorded")


@_attrs_define
class Recorded:
    """The answer to a new recording.

    Attributes:
        biometric_summary (BiometricSummary): What was recorded; the templates themselves are sealed for the centre.
        enrollment_id (str):
        nik (str):
        overrides (RecordedOverrides): supervisor overrides and their reasons
        recorded_at (datetime.datetime):
        status (RecordedStatus):
        warnings (list[str]): for the operator: recorded anyway
    """

    biometric_summary: BiometricSummary
    enrollment_id: str
    nik: str
    overrides: RecordedOverrides
    recorded_at: datetime.datetime
    status: RecordedStatus
    warnings: list[str]

    def to_dict(self) -> dict[str, Any]:
        biometric_summary = self.biometric_summary.to_dict()

        enrollment_id = self.enrollment_id

        nik = self.nik

        overrides = self.overrides.to_dict()

        recorded_at = self.recorded_at.isoformat()

        status: str = self.status

        warnings = self.warnings

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "biometric_summary": biometric_summary,
                "enrollment_id": enrollment_id,
                "nik": nik,
                "overrides": overrides,
                "recorded_at": recorded_at,
                "status": status,
                "warnings": warnings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.biometric_summary import BiometricSummary  # noqa: PLC0415
        from ..models.recorded_overrides import RecordedOverrides  # noqa: PLC0415

        d = dict(src_dict)
        biometric_summary = BiometricSummary.from_dict(d.pop("biometric_summary"))

        enrollment_id = d.pop("enrollment_id")

        nik = d.pop("nik")

        overrides = RecordedOverrides.from_dict(d.pop("overrides"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        status = check_recorded_status(d.pop("status"))

        warnings = cast(list[str], d.pop("warnings"))

        recorded = cls(
            biometric_summary=biometric_summary,
            enrollment_id=enrollment_id,
            nik=nik,
            overrides=overrides,
            recorded_at=recorded_at,
            status=status,
            warnings=warnings,
        )

        return recorded
