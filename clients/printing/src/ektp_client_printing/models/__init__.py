"""Contains all the data models used in inputs/outputs"""

from .audit_entry import AuditEntry
from .audit_entry_detail import AuditEntryDetail
from .audit_page import AuditPage
from .blanks_on_hand import BlanksOnHand
from .check_in import CheckIn
from .check_in_outcome import CheckInOutcome
from .check_in_reason import CheckInReason
from .consumer_state import ConsumerState
from .desa_pickup import DesaPickup
from .field_error import FieldError
from .handover import Handover
from .handover_in import HandoverIn
from .health import Health
from .kafka_state import KafkaState
from .list_jobs_status_type_0 import ListJobsStatusType0
from .print_job import PrintJob
from .print_job_detail import PrintJobDetail
from .print_job_detail_status import PrintJobDetailStatus
from .print_job_status import PrintJobStatus
from .print_room import PrintRoom
from .print_room_jobs import PrintRoomJobs
from .printer import Printer
from .printer_detail import PrinterDetail
from .printer_detail_driver import PrinterDetailDriver
from .printer_detail_status import PrinterDetailStatus
from .printer_driver import PrinterDriver
from .printer_event import PrinterEvent
from .printer_event_kind import PrinterEventKind
from .printer_in import PrinterIn
from .printer_in_driver import PrinterInDriver
from .printer_in_status import PrinterInStatus
from .printer_registered import PrinterRegistered
from .printer_registered_driver import PrinterRegisteredDriver
from .printer_registered_status import PrinterRegisteredStatus
from .printer_status import PrinterStatus
from .problem import Problem
from .queued_job import QueuedJob
from .queued_job_status import QueuedJobStatus
from .readiness import Readiness
from .readiness_status import ReadinessStatus
from .ready_card import ReadyCard
from .relay_state import RelayState
from .status_changed import StatusChanged
from .status_changed_status import StatusChangedStatus
from .status_in import StatusIn
from .status_in_status import StatusInStatus
from .suket_check import SuketCheck
from .suket_check_status import SuketCheckStatus
from .suket_in import SuketIn
from .suket_issued import SuketIssued
from .suket_public_check import SuketPublicCheck
from .suket_public_check_status import SuketPublicCheckStatus
from .today import Today

__all__ = (
    "AuditEntry",
    "AuditEntryDetail",
    "AuditPage",
    "BlanksOnHand",
    "CheckIn",
    "CheckInOutcome",
    "CheckInReason",
    "ConsumerState",
    "DesaPickup",
    "FieldError",
    "Handover",
    "HandoverIn",
    "Health",
    "KafkaState",
    "ListJobsStatusType0",
    "Printer",
    "PrinterDetail",
    "PrinterDetailDriver",
    "PrinterDetailStatus",
    "PrinterDriver",
    "PrinterEvent",
    "PrinterEventKind",
    "PrinterIn",
    "PrinterInDriver",
    "PrinterInStatus",
    "PrinterRegistered",
    "PrinterRegisteredDriver",
    "PrinterRegisteredStatus",
    "PrinterStatus",
    "PrintJob",
    "PrintJobDetail",
    "PrintJobDetailStatus",
    "PrintJobStatus",
    "PrintRoom",
    "PrintRoomJobs",
    "Problem",
    "QueuedJob",
    "QueuedJobStatus",
    "Readiness",
    "ReadinessStatus",
    "ReadyCard",
    "RelayState",
    "StatusChanged",
    "StatusChangedStatus",
    "StatusIn",
    "StatusInStatus",
    "SuketCheck",
    "SuketCheckStatus",
    "SuketIn",
    "SuketIssued",
    "SuketPublicCheck",
    "SuketPublicCheckStatus",
    "Today",
)
