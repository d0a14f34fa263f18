"""What the enrollment routes answer; docs/openapi/enrollment.json is made from these.

Answers built from dicts pass through these models: a key not listed is not sent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import ConfigDict, Field

from ektp_shared.events import FieldCheckOutcome, JenisKelamin
from ektp_shared.openapi import Answer, FieldError

RecordingStatus = Literal[
    "MENUNGGU_VERIFIKASI", "DITOLAK_VERIFIKASI", "SUDAH_REKAM", "SENT_FOR_ENROLLMENT",
    "PRINT_READY_RECORD", "DUPLICATE_RECORD", "ENROLL_FAILURE",
]
RosterStatus = Literal["BELUM_REKAM", "SUDAH_REKAM", "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN"]
Source = Literal["KANTOR", "KIT"]
Open = dict[str, Any]  # free detail as written in the history (JSONB)


class Image(Answer):
    bytes: int
    width: int
    height: int


class QualityScores(Answer):
    """The capture devices' scores the quality gate passed (a capture from a file has none)."""

    photo: float | None = None
    fingerprints: dict[str, float] = Field(description="finger -> quality score")
    irises: dict[str, float] = Field(description="iris -> quality score")
    thresholds: dict[str, float] = Field(description="finger, iris, face: the lowest accepted")


class BiometricSummary(Answer):
    """What was recorded; the templates themselves are sealed for the centre."""

    photo: Image | None = None
    signature: Image | None = None
    fingers_recorded: list[str]
    finger_exceptions: dict[str, str] = Field(description="finger -> why it was not recorded")
    irises_recorded: list[str]
    iris_exceptions: dict[str, str] = Field(description="iris -> why it was not recorded")
    quality_scores: QualityScores | None = Field(
        None, description="absent on recordings made before the quality gate")


class Recorded(Answer):
    """The answer to a new recording."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "enrollment_id": "0b7f5d8e-3c1a-4f7e-9a55-2d6c1e4b8a90", "nik": "7174014508990002",
        "status": "SUDAH_REKAM", "warnings": [], "overrides": {},
        "recorded_at": "2026-12-02T01:15:00Z",
        "biometric_summary": {
            "photo": {"bytes": 41210, "width": 480, "height": 640},
            "signature": {"bytes": 5120, "width": 400, "height": 150},
            "fingers_recorded": ["R1", "R2", "R3", "R4", "R5", "L1", "L2", "L3", "L4", "L5"],
            "finger_exceptions": {}, "irises_recorded": ["R", "L"], "iris_exceptions": {}},
    }]})

    enrollment_id: str
    nik: str
    status: Literal["SUDAH_REKAM", "MENUNGGU_VERIFIKASI"]
    warnings: list[str] = Field(description="for the operator: recorded anyway")
    overrides: dict[str, str] = Field(description="supervisor overrides and their reasons")
    recorded_at: dt.datetime
    biometric_summary: BiometricSummary


class Checked(Answer):
    """What a recording would be told, before it is saved: nothing was written."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "nik": "7174014508990002", "warnings": [
            "NIK menunjukkan tanggal lahir 5 Agustus 1999, data mencatat 6 Agustus 1999: "
            "periksa KK/akta; NIK tetap dipakai"], "overrides": {}}]})

    nik: str
    warnings: list[str] = Field(description="for the operator to confirm before saving")
    overrides: dict[str, str] = Field(description="supervisor overrides it would use")


class LastFailure(Answer):
    reason: str
    retryable: bool
    at: dt.datetime


class EnrollmentSummary(Answer):
    enrollment_id: str
    nik: str = Field(description="masked (7174********0002) for viewers")
    nama: str | None = Field(None, description="not shown to viewers")
    status: RecordingStatus
    kode_desa: str
    kode_kecamatan: str
    source: Source
    recorded_at: dt.datetime
    recorded_by: str
    status_changed_at: dt.datetime | None
    warnings: list[str]
    overrides: dict[str, str]
    duplicate_of: str | None
    last_failure: LastFailure | None


class EnrollmentPage(Answer):
    total: int
    page: int
    per_page: int
    items: list[EnrollmentSummary]


class Demographics(Answer):
    nik: str
    nama: str
    tempat_lahir: str
    tanggal_lahir: dt.date
    jenis_kelamin: JenisKelamin
    golongan_darah: str
    alamat: str
    rt: str
    rw: str
    kode_desa: str
    agama: str
    status_perkawinan: str
    pekerjaan: str
    kewarganegaraan: str


class HistoryEntry(Answer):
    status: str = Field(description="a recording status, or FAILURE_RETRYABLE")
    applied: bool = Field(description="false: arrived late, kept in the history only")
    detail: Open | None
    at: dt.datetime


class EnrollmentDetail(EnrollmentSummary):
    demographics: Demographics
    biometric_summary: BiometricSummary
    history: list[HistoryEntry]


class Kit(Answer):
    kit_id: str
    public_key: str
    label: str
    already_registered: bool | None = Field(
        None, description="true when this kit and key were registered before (a retry)")


ConflictKind = Literal["OUTCOME_DIFFERS", "ALREADY_RECORDED", "RECORDING_AFTER_MENINGGAL"]


class ConflictRef(Answer):
    id: int
    kind: ConflictKind | None
    status: Literal["OPEN", "DECIDED"] | None = None


class KitLine(Answer):
    line: int
    record_id: str | None
    kind: Literal["field_check", "recording"] | None = None
    enrollment_id: str | None = None
    field_check_id: str | None = None
    conflict: ConflictRef | None = Field(None, description="held for the supervisor's decision")
    warnings: list[str] | None = None


class KitLineRejected(Answer):
    line: int
    record_id: str | None
    kind: Literal["field_check", "recording"] | None = None
    errors: list[FieldError]
    existing_enrollment_id: str | None = Field(None, description="the NIK's earlier recording")
    conflict: ConflictRef | None = None


class KitRecordResult(Answer):
    record_id: str | None
    kind: str
    status: Literal["accepted", "already_accepted", "refused", "held"] = Field(
        description="accepted; already_accepted (taken before: the device may forget it); "
        "refused (nothing kept: fix it or discard it on the device); held (kept, waiting for "
        "the supervisor's decision on a conflict)")
    enrollment_id: str | None = None
    field_check_id: str | None = None
    warnings: list[str]
    errors: list[FieldError]
    conflict: ConflictRef | None = None
    existing_enrollment_id: str | None = None


class KitSyncCounts(Answer):
    accepted: int
    already_accepted: int
    refused: int
    held: int


class KitSync(Answer):
    kit_id: str
    results: list[KitRecordResult]
    counts: KitSyncCounts


class ConflictCheck(Answer):
    field_check_id: str | None
    officer: str
    outcome: FieldCheckOutcome
    checked_at: dt.datetime
    note: str | None = None
    source_ref: str | None = Field(None, description="kit:record_id of a village record")
    applied: bool | None = Field(None, description="true: the check the roster followed")


class ConflictRecording(Answer):
    kit_id: str
    record_id: str
    operator: str
    recorded_at: dt.datetime
    nama: str | None
    kode_desa: str | None


class ConflictDetails(Answer):
    choices: list[str] = Field(description="the decisions the supervisor may take")
    checks: list[ConflictCheck] | None = Field(None, description="the checks that disagree")
    enrollment_id: str | None = Field(None, description="the resident's recording")
    field_check_id: str | None = Field(None, description="the check that says MENINGGAL")
    message: str | None = None
    recording: ConflictRecording | None = Field(None, description="the refused recording")


class Conflict(Answer):
    id: int
    kind: ConflictKind
    nik: str
    nama: str | None
    kode_desa: str
    status: Literal["OPEN", "DECIDED"]
    opened_at: dt.datetime
    details: ConflictDetails
    decision: str | None
    reason: str | None
    decided_by: str | None
    decided_at: dt.datetime | None


class ConflictPage(Answer):
    total: int
    page: int
    per_page: int
    items: list[Conflict]


class KitCounts(Answer):
    imported: int
    already_imported: int
    rejected: int


class KitImport(Answer):
    kit_id: str
    imported: list[KitLine]
    already_imported: list[KitLine]
    rejected: list[KitLineRejected]
    counts: KitCounts


class BadRow(Answer):
    line: int
    nik: str | None
    error: str


class RosterImport(Answer):
    accepted: int
    new: int
    updated: int
    rejected: int
    bad_rows: list[BadRow]


class RosterRow(Answer):
    nik: str
    nama: str
    kode_desa: str
    kode_kecamatan: str
    tanggal_lahir: dt.date
    jenis_kelamin: JenisKelamin
    status: RosterStatus
    last_check: FieldCheckOutcome | None
    last_checked_at: dt.datetime | None
    source: str


class RosterPage(Answer):
    total: int
    page: int
    per_page: int
    items: list[RosterRow]


class PemulaPage(RosterPage):
    by: dt.date


class FieldChecked(Answer):
    field_check_id: str
    nik: str
    outcome: FieldCheckOutcome
    roster_status: RosterStatus
    kode_desa: str
    officer: str
    checked_at: dt.datetime
    held: bool = Field(description="kept but not applied to the roster: a conflict for the "
                       "supervisor (another officer's check differs, or already recorded)")
    conflict: ConflictRef | None


class VisitOut(Answer):
    id: int
    kode_desa: str
    tanggal: dt.date
    officer: str
    note: str


class Worklist(Answer):
    kode_desa: str
    total: int
    page: int
    per_page: int
    visits: list[VisitOut]
    items: list[RosterRow]
