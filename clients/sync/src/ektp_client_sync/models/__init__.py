"""Contains all the data models used in inputs/outputs"""

from .audit_entry import AuditEntry
from .audit_entry_detail import AuditEntryDetail
from .audit_page import AuditPage
from .cancel_in import CancelIn
from .circuit import Circuit
from .circuit_state import CircuitState
from .consumer_state import ConsumerState
from .field_error import FieldError
from .health import Health
from .kafka_state import KafkaState
from .list_submissions_state_type_0 import ListSubmissionsStateType0
from .problem import Problem
from .pull_requested import PullRequested
from .readiness import Readiness
from .readiness_status import ReadinessStatus
from .relay_state import RelayState
from .roster_cursor import RosterCursor
from .submission_out import SubmissionOut
from .submission_out_state import SubmissionOutState
from .submission_page import SubmissionPage
from .sync_status import SyncStatus
from .sync_status_backlog import SyncStatusBacklog

__all__ = (
    "AuditEntry",
    "AuditEntryDetail",
    "AuditPage",
    "CancelIn",
    "Circuit",
    "CircuitState",
    "ConsumerState",
    "FieldError",
    "Health",
    "KafkaState",
    "ListSubmissionsStateType0",
    "Problem",
    "PullRequested",
    "Readiness",
    "ReadinessStatus",
    "RelayState",
    "RosterCursor",
    "SubmissionOut",
    "SubmissionOutState",
    "SubmissionPage",
    "SyncStatus",
    "SyncStatusBacklog",
)
