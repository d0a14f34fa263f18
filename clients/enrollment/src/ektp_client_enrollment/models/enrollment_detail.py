from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.enrollment_detail_source import EnrollmentDetailSource, check_enrollment_detail_source
from ..models.enrollment_detail_status import EnrollmentDetailStatus, check_enrollment_detail_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.biometric_summary import BiometricSummary
    from ..models.demographics import Demographics
    from ..models.enrollment_detail_overrides import EnrollmentDetailOverrides
    from ..models.history_entry import HistoryEntry
    from ..models.last_failure import LastFailure


T = TypeVar("T", bound="EnrollmentDetail")


@_attrs_define
class EnrollmentDetail:
    """
    Attributes:
        biometric_summary (BiometricSummary): What was recorded; the templates themselves are sealed for the centre.
        demographics (Demographics):
        duplicate_of (None | str):
        enrollment_id (str):
        history (list[HistoryEntry]):
        kode_desa (str):
        kode_kecamatan (str):
        last_failure (LastFailure | None):
        nik (str): masked (7174********0002) for viewers
        overrides (EnrollmentDetailOverrides):
        recorded_at (datetime.datetime):
        recorded_by (str):
        source (EnrollmentDetailSource):
        status (EnrollmentDetailStatus):
        status_changed_at (datetime.datetime | None):
        warnings (list[str]):
        nama (None | str | Unset): not shown to viewers
    """

    biometric_summary: BiometricSummary
    demographics: Demographics
    duplicate_of: None | str
    enrollment_id: str
    history: list[HistoryEntry]
    kode_desa: str
    kode_kecamatan: str
    last_failure: LastFailure | None
    nik: str
    overrides: EnrollmentDetailOverrides
    recorded_at: datetime.datetime
    recorded_by: str
    source: EnrollmentDetailSource
    status: EnrollmentDetailStatus
    status_changed_at: datetime.datetime | None
    warnings: list[str]
    nama: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.last_failure import LastFailure  # noqa: PLC0415

        biometric_summary = self.biometric_summary.to_dict()

        demographics = self.demographics.to_dict()

        duplicate_of: None | str
        duplicate_of = self.duplicate_of

        enrollment_id = self.enrollment_id

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        kode_desa = self.kode_desa

        kode_kecamatan = self.kode_kecamatan

        last_failure: dict[str, Any] | None
        if isinstance(self.last_failure, LastFailure):
            last_failure = self.last_failure.to_dict()
        else:
            last_failure = self.last_failure

        nik = self.nik

        overrides = self.overrides.to_dict()

        recorded_at = self.recorded_at.isoformat()

        recorded_by = self.recorded_by

        source: str = self.source

        status: str = self.status

        status_changed_at: None | str
        if isinstance(self.status_changed_at, datetime.datetime):
            status_changed_at = self.status_changed_at.isoformat()
        else:
            status_changed_at = self.status_changed_at

        warnings = self.warnings

        nama: None | str | Unset
        if isinstance(self.nama, Unset):
            nama = UNSET
        else:
            nama = self.nama

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "biometric_summary": biometric_summary,
                "demographics": demographics,
                "duplicate_of": duplicate_of,
                "enrollment_id": enrollment_id,
                "history": history,
                "kode_desa": kode_desa,
                "kode_kecamatan": kode_kecamatan,
                "last_failure": last_failure,
                "nik": nik,
                "overrides": overrides,
                "recorded_at": recorded_at,
                "recorded_by": recorded_by,
                "source": source,
                "status": status,
                "status_changed_at": status_changed_at,
                "warnings": warnings,
            }
        )
        if nama is not UNSET:
            field_dict["nama"] = nama

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.biometric_summary import BiometricSummary  # noqa: PLC0415
        from ..models.demographics import Demographics  # noqa: PLC0415
        from ..models.enrollment_detail_overrides import EnrollmentDetailOverrides  # noqa: PLC0415
        from ..models.history_entry import HistoryEntry  # noqa: PLC0415
        from ..models.last_failure import LastFailure  # noqa: PLC0415

        d = dict(src_dict)
        biometric_summary = BiometricSummary.from_dict(d.pop("biometric_summary"))

        demographics = Demographics.from_dict(d.pop("demographics"))

        def _parse_duplicate_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        duplicate_of = _parse_duplicate_of(d.pop("duplicate_of"))

        enrollment_id = d.pop("enrollment_id")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = HistoryEntry.from_dict(history_item_data)

            history.append(history_item)

        kode_desa = d.pop("kode_desa")

        kode_kecamatan = d.pop("kode_kecamatan")

        def _parse_last_failure(data: object) -> LastFailure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_failure_type_0 = LastFailure.from_dict(data)

                return last_failure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LastFailure | None, data)

        last_failure = _parse_last_failure(d.pop("last_failure"))

        nik = d.pop("nik")

        overrides = EnrollmentDetailOverrides.from_dict(d.pop("overrides"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        recorded_by = d.pop("recorded_by")

        source = check_enrollment_detail_source(d.pop("source"))

        status = check_enrollment_detail_status(d.pop("status"))

        def _parse_status_changed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_changed_at_type_0 = datetime.datetime.fromisoformat(data)

                return status_changed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        status_changed_at = _parse_status_changed_at(d.pop("status_changed_at"))

        warnings = cast(list[str], d.pop("warnings"))

        def _parse_nama(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nama = _parse_nama(d.pop("nama", UNSET))

        enrollment_detail = cls(
            biometric_summary=biometric_summary,
            demographics=demographics,
            duplicate_of=duplicate_of,
            enrollment_id=enrollment_id,
            history=history,
            kode_desa=kode_desa,
            kode_kecamatan=kode_kecamatan,
            last_failure=last_failure,
            nik=nik,
            overrides=overrides,
            recorded_at=recorded_at,
            recorded_by=recorded_by,
            source=source,
            status=status,
            status_changed_at=status_changed_at,
            warnings=warnings,
            nama=nama,
        )

        return enrollment_detail
