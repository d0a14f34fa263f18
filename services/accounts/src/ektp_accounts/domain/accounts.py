"""Staff accounts: who may sign in, with which role, and when an account locks.

Plain rules, no I/O: the handlers load a :class:`StaffAccount`, ask it, and save it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal, get_args

from ektp_shared.auth import ROLES

AccountStatus = Literal["ACTIVE", "DISABLED"]
ACCOUNT_STATUSES: tuple[str, ...] = get_args(AccountStatus)

# Lowercase login names, as typed at the counter: budi, siti.r, op-01.
USERNAME_PATTERN = r"^[a-z][a-z0-9._-]{2,31}$"
_USERNAME = re.compile(USERNAME_PATTERN)
PASSWORD_MAX_LENGTH = 128  # argon2 takes any length; this bounds the work of one request


class AccountRuleError(ValueError):
    """A rule of the office refused the change; ``field`` names what to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def check_username(username: str) -> str:
    if not _USERNAME.match(username):
        raise AccountRuleError(
            "username", "a username is 3-32 characters: lowercase letters, digits, '.', '_' "
            "or '-', starting with a letter")
    return username


def check_roles(roles: list[str]) -> list[str]:
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise AccountRuleError("roles", f"unknown role {unknown[0]!r}; one of {', '.join(ROLES)}")
    if not roles:
        raise AccountRuleError("roles", "an account holds at least one role")
    return sorted(set(roles), key=ROLES.index)


def check_password(password: str, *, username: str, min_length: int,
                   field: str = "password") -> None:
    if len(password) < min_length:
        raise AccountRuleError(field, f"a password has at least {min_length} characters")
    if len(password) > PASSWORD_MAX_LENGTH:
        raise AccountRuleError(field, f"a password has at most {PASSWORD_MAX_LENGTH} characters")
    if username.lower() in password.lower():
        raise AccountRuleError(field, "a password must not contain the username")


@dataclass
class StaffAccount:
    username: str
    name: str
    roles: list[str]
    password_hash: str
    status: AccountStatus = "ACTIVE"
    failed_attempts: int = 0
    locked_at: dt.datetime | None = None
    must_change_password: bool = False
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    last_sign_in_at: dt.datetime | None = None

    @property
    def locked(self) -> bool:
        return self.locked_at is not None

    @property
    def may_sign_in(self) -> bool:
        return self.status == "ACTIVE" and not self.locked

    def pick_role(self, wanted: str | None) -> str:
        """The role the token will carry: the one asked for, or the only one held."""
        if wanted is None:
            if len(self.roles) == 1:
                return self.roles[0]
            raise AccountRuleError(
                "role", f"this account holds several roles; choose one of: "
                f"{', '.join(self.roles)}")
        if wanted not in self.roles:
            raise AccountRuleError(
                "role", f"this account does not hold the role {wanted!r}; it holds: "
                f"{', '.join(self.roles)}")
        return wanted

    def password_failed(self, *, lockout_after: int, now: dt.datetime) -> bool:
        """Count a wrong password; True when this one locks the account."""
        self.failed_attempts += 1
        if not self.locked and self.failed_attempts >= lockout_after:
            self.locked_at = now
            return True
        return False

    def signed_in(self, now: dt.datetime) -> None:
        self.failed_attempts = 0
        self.last_sign_in_at = now

    def unlock(self) -> None:
        self.failed_attempts = 0
        self.locked_at = None


def may_manage(manager_role: str, account_roles: list[str]) -> bool:
    """A supervisor manages the office's staff; only an admin manages admins (or makes one),
    so a supervisor cannot raise anyone, themselves included, above their own role."""
    return manager_role == "admin" or "admin" not in account_roles
