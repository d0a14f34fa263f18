"""Contains all the data models used in inputs/outputs"""

from .account_in import AccountIn
from .account_in_roles_item import AccountInRolesItem
from .account_list import AccountList
from .account_out import AccountOut
from .account_out_roles_item import AccountOutRolesItem
from .account_out_status import AccountOutStatus
from .account_patch import AccountPatch
from .account_patch_roles_type_0_item import AccountPatchRolesType0Item
from .account_patch_status_type_0 import AccountPatchStatusType0
from .audit_entry import AuditEntry
from .audit_entry_detail import AuditEntryDetail
from .audit_page import AuditPage
from .consumer_state import ConsumerState
from .field_error import FieldError
from .health import Health
from .kafka_state import KafkaState
from .me import Me
from .me_role import MeRole
from .me_roles_item import MeRolesItem
from .password_change_in import PasswordChangeIn
from .password_changed import PasswordChanged
from .password_reset_out import PasswordResetOut
from .problem import Problem
from .readiness import Readiness
from .readiness_status import ReadinessStatus
from .refresh_in import RefreshIn
from .refresh_in_role_type_0 import RefreshInRoleType0
from .relay_state import RelayState
from .session_out import SessionOut
from .session_out_role import SessionOutRole
from .sign_in_in import SignInIn
from .sign_in_in_role_type_0 import SignInInRoleType0
from .sign_out_in import SignOutIn
from .signed_out import SignedOut

__all__ = (
    "AccountIn",
    "AccountInRolesItem",
    "AccountList",
    "AccountOut",
    "AccountOutRolesItem",
    "AccountOutStatus",
    "AccountPatch",
    "AccountPatchRolesType0Item",
    "AccountPatchStatusType0",
    "AuditEntry",
    "AuditEntryDetail",
    "AuditPage",
    "ConsumerState",
    "FieldError",
    "Health",
    "KafkaState",
    "Me",
    "MeRole",
    "MeRolesItem",
    "PasswordChanged",
    "PasswordChangeIn",
    "PasswordResetOut",
    "Problem",
    "Readiness",
    "ReadinessStatus",
    "RefreshIn",
    "RefreshInRoleType0",
    "RelayState",
    "SessionOut",
    "SessionOutRole",
    "SignedOut",
    "SignInIn",
    "SignInInRoleType0",
    "SignOutIn",
)
