"""Contains all the data models used in inputs/outputs"""

from .audit_entry import AuditEntry
from .audit_entry_detail import AuditEntryDetail
from .audit_page import AuditPage
from .bad_row import BadRow
from .biometric_summary import BiometricSummary
from .biometric_summary_finger_exceptions import BiometricSummaryFingerExceptions
from .biometric_summary_iris_exceptions import BiometricSummaryIrisExceptions
from .biometrics import Biometrics
from .biometrics_finger_exceptions import BiometricsFingerExceptions
from .biometrics_fingerprints import BiometricsFingerprints
from .biometrics_iris_exceptions import BiometricsIrisExceptions
from .biometrics_irises import BiometricsIrises
from .capture import Capture
from .checked import Checked
from .checked_overrides import CheckedOverrides
from .conflict import Conflict
from .conflict_check import ConflictCheck
from .conflict_check_outcome import ConflictCheckOutcome
from .conflict_details import ConflictDetails
from .conflict_kind import ConflictKind
from .conflict_page import ConflictPage
from .conflict_recording import ConflictRecording
from .conflict_ref import ConflictRef
from .conflict_ref_kind_type_0 import ConflictRefKindType0
from .conflict_ref_status_type_0 import ConflictRefStatusType0
from .conflict_status import ConflictStatus
from .consumer_state import ConsumerState
from .decision import Decision
from .demographics import Demographics
from .demographics_jenis_kelamin import DemographicsJenisKelamin
from .enrollment_detail import EnrollmentDetail
from .enrollment_detail_overrides import EnrollmentDetailOverrides
from .enrollment_detail_source import EnrollmentDetailSource
from .enrollment_detail_status import EnrollmentDetailStatus
from .enrollment_page import EnrollmentPage
from .enrollment_summary import EnrollmentSummary
from .enrollment_summary_overrides import EnrollmentSummaryOverrides
from .enrollment_summary_source import EnrollmentSummarySource
from .enrollment_summary_status import EnrollmentSummaryStatus
from .field_check import FieldCheck
from .field_check_outcome import FieldCheckOutcome
from .field_checked import FieldChecked
from .field_checked_outcome import FieldCheckedOutcome
from .field_checked_roster_status import FieldCheckedRosterStatus
from .field_error import FieldError
from .health import Health
from .history_entry import HistoryEntry
from .history_entry_detail_type_0 import HistoryEntryDetailType0
from .image import Image
from .kafka_state import KafkaState
from .kit import Kit
from .kit_counts import KitCounts
from .kit_import import KitImport
from .kit_line import KitLine
from .kit_line_kind_type_0 import KitLineKindType0
from .kit_line_rejected import KitLineRejected
from .kit_line_rejected_kind_type_0 import KitLineRejectedKindType0
from .kit_record_result import KitRecordResult
from .kit_record_result_status import KitRecordResultStatus
from .kit_records import KitRecords
from .kit_records_records_item import KitRecordsRecordsItem
from .kit_registration import KitRegistration
from .kit_sync import KitSync
from .kit_sync_counts import KitSyncCounts
from .last_failure import LastFailure
from .list_conflicts_status_type_0 import ListConflictsStatusType0
from .list_enrollments_status_type_0 import ListEnrollmentsStatusType0
from .list_roster_status_type_0 import ListRosterStatusType0
from .pemula_page import PemulaPage
from .problem import Problem
from .quality_scores import QualityScores
from .quality_scores_fingerprints import QualityScoresFingerprints
from .quality_scores_irises import QualityScoresIrises
from .quality_scores_thresholds import QualityScoresThresholds
from .readiness import Readiness
from .readiness_status import ReadinessStatus
from .recorded import Recorded
from .recorded_overrides import RecordedOverrides
from .recorded_status import RecordedStatus
from .recording_request import RecordingRequest
from .recording_request_agama import RecordingRequestAgama
from .recording_request_golongan_darah import RecordingRequestGolonganDarah
from .recording_request_jenis_kelamin import RecordingRequestJenisKelamin
from .recording_request_kewarganegaraan import RecordingRequestKewarganegaraan
from .recording_request_status_perkawinan import RecordingRequestStatusPerkawinan
from .relay_state import RelayState
from .review import Review
from .roster_import import RosterImport
from .roster_page import RosterPage
from .roster_row import RosterRow
from .roster_row_jenis_kelamin import RosterRowJenisKelamin
from .roster_row_last_check_type_0 import RosterRowLastCheckType0
from .roster_row_status import RosterRowStatus
from .visit import Visit
from .visit_out import VisitOut
from .worklist import Worklist

__all__ = (
    "AuditEntry",
    "AuditEntryDetail",
    "AuditPage",
    "BadRow",
    "Biometrics",
    "BiometricsFingerExceptions",
    "BiometricsFingerprints",
    "BiometricsIrises",
    "BiometricsIrisExceptions",
    "BiometricSummary",
    "BiometricSummaryFingerExceptions",
    "BiometricSummaryIrisExceptions",
    "Capture",
    "Checked",
    "CheckedOverrides",
    "Conflict",
    "ConflictCheck",
    "ConflictCheckOutcome",
    "ConflictDetails",
    "ConflictKind",
    "ConflictPage",
    "ConflictRecording",
    "ConflictRef",
    "ConflictRefKindType0",
    "ConflictRefStatusType0",
    "ConflictStatus",
    "ConsumerState",
    "Decision",
    "Demographics",
    "DemographicsJenisKelamin",
    "EnrollmentDetail",
    "EnrollmentDetailOverrides",
    "EnrollmentDetailSource",
    "EnrollmentDetailStatus",
    "EnrollmentPage",
    "EnrollmentSummary",
    "EnrollmentSummaryOverrides",
    "EnrollmentSummarySource",
    "EnrollmentSummaryStatus",
    "FieldCheck",
    "FieldChecked",
    "FieldCheckedOutcome",
    "FieldCheckedRosterStatus",
    "FieldCheckOutcome",
    "FieldError",
    "Health",
    "HistoryEntry",
    "HistoryEntryDetailType0",
    "Image",
    "KafkaState",
    "Kit",
    "KitCounts",
    "KitImport",
    "KitLine",
    "KitLineKindType0",
    "KitLineRejected",
    "KitLineRejectedKindType0",
    "KitRecordResult",
    "KitRecordResultStatus",
    "KitRecords",
    "KitRecordsRecordsItem",
    "KitRegistration",
    "KitSync",
    "KitSyncCounts",
    "LastFailure",
    "ListConflictsStatusType0",
    "ListEnrollmentsStatusType0",
    "ListRosterStatusType0",
    "PemulaPage",
    "Problem",
    "QualityScores",
    "QualityScoresFingerprints",
    "QualityScoresIrises",
    "QualityScoresThresholds",
    "Readiness",
    "ReadinessStatus",
    "Recorded",
    "RecordedOverrides",
    "RecordedStatus",
    "RecordingRequest",
    "RecordingRequestAgama",
    "RecordingRequestGolonganDarah",
    "RecordingRequestJenisKelamin",
    "RecordingRequestKewarganegaraan",
    "RecordingRequestStatusPerkawinan",
    "RelayState",
    "Review",
    "RosterImport",
    "RosterPage",
    "RosterRow",
    "RosterRowJenisKelamin",
    "RosterRowLastCheckType0",
    "RosterRowStatus",
    "Visit",
    "VisitOut",
    "Worklist",
)
