"""The accounts service's commands: sign-in, refresh, sign-out, password changes and the
supervisor's account management. Each loads the account, asks the domain, saves and
audits in one transaction.

A refusal that must leave a trace (a wrong password counts towards the lockout, a refused
refresh is audited) is committed first and raised after, so the rollback of the Problem
does not erase it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import asyncpg

from ektp_shared import audit
from ektp_shared.auth import Principal, issue_token
from ektp_shared.db import Connection, transaction
from ektp_shared.problems import Problem

from .adapters import repository as repo
from .adapters.passwords import Passwords
from .config import Settings
from .domain.accounts import (
    AccountRuleError,
    AccountStatus,
    StaffAccount,
    check_password,
    check_roles,
    check_username,
    may_manage,
)
from .domain.sessions import credential_hash, new_refresh_credential, temporary_password


@dataclass
class Keys:
    """What signs the office's tokens: only this service holds the private key."""

    private_key_pem: bytes
    issuer: str
    audience: str


@dataclass
class Session:
    account: StaffAccount
    role: str
    access_token: str
    expires_in: int
    refresh_token: str
    refresh_expires_at: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _principal(user: str, role: str) -> Principal:
    return Principal.model_validate({"user": user, "role": role})


def invalid(exc: AccountRuleError) -> Problem:
    return Problem(422, "Invalid request", str(exc), type="validation-error", field=exc.field)


WRONG_CREDENTIALS = Problem(
    401, "Sign-in refused", "The username or the password is wrong.",
    type="sign-in-refused")


def _locked() -> Problem:
    return Problem(
        423, "Account locked",
        "This account is locked after too many wrong passwords; ask a supervisor to unlock it.",
        type="account-locked")


def _disabled() -> Problem:
    return Problem(403, "Account disabled",
                   "This account is disabled; ask a supervisor if you still work here.",
                   type="account-disabled")


def _session_refused(detail: str) -> Problem:
    return Problem(401, "Session ended", detail, type="session-ended")


async def _open_session(conn: Connection, settings: Settings, keys: Keys,
                        account: StaffAccount, role: str, *, family: uuid.UUID | None = None,
                        expires_at: dt.datetime | None = None) -> Session:
    now = _now()
    credential = new_refresh_credential()
    expires_at = expires_at or now + dt.timedelta(hours=settings.session_hours)
    await repo.open_session(conn, username=account.username, role=role,
                            token_hash=credential_hash(credential), expires_at=expires_at,
                            family=family)
    ttl = dt.timedelta(minutes=settings.access_token_minutes)
    token = issue_token(keys.private_key_pem, user=account.username, role=role,
                        issuer=keys.issuer, audience=keys.audience, ttl=ttl, now=now)
    return Session(account=account, role=role, access_token=token,
                   expires_in=int(ttl.total_seconds()), refresh_token=credential,
                   refresh_expires_at=expires_at)


async def sign_in(pool: asyncpg.Pool, settings: Settings, keys: Keys, passwords: Passwords,
                  *, username: str, password: str, role: str | None) -> Session:
    username = username.strip().lower()
    refusal: Problem
    async with transaction(pool) as conn:
        account = await repo.get(conn, username, for_update=True)
        right = await passwords.verify(account.password_hash if account else None, password)
        if account is None:
            await audit.record(conn, None, "accounts.sign_in_failed", target=username[:64],
                               detail={"reason": "unknown username"})
            refusal = WRONG_CREDENTIALS
        elif account.locked:
            await audit.record(conn, None, "accounts.sign_in_failed", target=username,
                               detail={"reason": "locked"})
            refusal = _locked()
        elif not right:
            locks = account.password_failed(lockout_after=settings.lockout_after, now=_now())
            await repo.save(conn, account)
            await audit.record(conn, None, "accounts.sign_in_failed", target=username,
                               detail={"reason": "wrong password",
                                       "failed_attempts": account.failed_attempts})
            if locks:
                await repo.revoke_all(conn, username, "locked")
                await audit.record(conn, None, "accounts.locked", target=username,
                                   detail={"failed_attempts": account.failed_attempts})
                refusal = _locked()
            else:
                refusal = WRONG_CREDENTIALS
        elif account.status != "ACTIVE":
            await audit.record(conn, None, "accounts.sign_in_failed", target=username,
                               detail={"reason": "disabled"})
            refusal = _disabled()
        else:
            try:
                picked = account.pick_role(role)
            except AccountRuleError as exc:
                raise invalid(exc) from None  # nothing to keep: the password was right
            account.signed_in(_now())
            if passwords.needs_rehash(account.password_hash):
                account.password_hash = await passwords.hash(password)
            await repo.save(conn, account)
            session = await _open_session(conn, settings, keys, account, picked)
            await audit.record(conn, _principal(username, picked), "accounts.sign_in",
                               target=username, detail={"role": picked})
            return session
    raise refusal


async def refresh(pool: asyncpg.Pool, settings: Settings, keys: Keys, *,
                  refresh_token: str, role: str | None) -> Session:
    """A new access token and a new refresh credential for a live session, after reading
    the account again: a disabled or locked account, or a role taken away, ends it."""
    refusal: Problem
    async with transaction(pool) as conn:
        row = await repo.session_by_hash(conn, credential_hash(refresh_token))
        if row is None:
            raise _session_refused("This sign-in is not known; sign in again.")
        username = row["username"]
        if row["revoked_at"] is not None:
            if row["revoked_why"] == "rotated":
                # A used credential shown again: a copy is in someone else's hands.
                await repo.revoke_family(conn, row["family"], "reused")
                await audit.record(conn, None, "accounts.refresh_reused", target=username)
            refusal = _session_refused("This sign-in has ended; sign in again.")
        elif row["expires_at"] <= _now():
            refusal = _session_refused("This sign-in has expired; sign in again.")
        else:
            account = await repo.get(conn, username)
            wanted = role or row["role"]
            why: str | None = None
            if account is None or account.status != "ACTIVE":
                why = "disabled"
            elif account.locked:
                why = "locked"
            elif wanted not in account.roles:
                if role is not None:  # switching to a role the account does not hold
                    raise invalid(AccountRuleError(
                        "role", f"this account does not hold the role {role!r}; it holds: "
                        f"{', '.join(account.roles)}"))
                why = "without that role now"
            if why is None and account is not None:
                await repo.revoke_session(conn, row["id"], "rotated")
                session = await _open_session(conn, settings, keys, account, wanted,
                                              family=row["family"],
                                              expires_at=row["expires_at"])
                if wanted != row["role"]:
                    await audit.record(conn, _principal(username, wanted),
                                       "accounts.switch_role", target=username,
                                       detail={"from": row["role"], "to": wanted})
                return session
            await repo.revoke_family(conn, row["family"], why or "refused")
            await audit.record(conn, None, "accounts.refresh_refused", target=username,
                               detail={"reason": why})
            refusal = _session_refused(f"This account is {why}; sign in again or ask a "
                                       "supervisor.")
    raise refusal


async def sign_out(pool: asyncpg.Pool, *, refresh_token: str) -> None:
    async with transaction(pool) as conn:
        row = await repo.session_by_hash(conn, credential_hash(refresh_token))
        if row is None or row["revoked_at"] is not None:
            return  # signing out twice, or a stale page: nothing left to end
        await repo.revoke_family(conn, row["family"], "signed out")
        await audit.record(conn, _principal(row["username"], row["role"]),
                           "accounts.sign_out", target=row["username"])


async def change_own_password(pool: asyncpg.Pool, settings: Settings, passwords: Passwords,
                              who: Principal, *, current: str, new: str) -> int:
    """Returns how many sign-ins of the account ended (all of them)."""
    try:
        check_password(new, username=who.user, min_length=settings.password_min_length,
                       field="new_password")
    except AccountRuleError as exc:
        raise invalid(exc) from None
    refusal: Problem
    async with transaction(pool) as conn:
        account = await repo.get(conn, who.user, for_update=True)
        if account is None or not account.may_sign_in:
            raise Problem(403, "Account not active", "This account may not change its "
                          "password now; ask a supervisor.", type="account-disabled")
        if not await passwords.verify(account.password_hash, current):
            locks = account.password_failed(lockout_after=settings.lockout_after, now=_now())
            await repo.save(conn, account)
            await audit.record(conn, who, "accounts.password_change_failed", target=who.user,
                               detail={"failed_attempts": account.failed_attempts})
            if locks:
                await repo.revoke_all(conn, who.user, "locked")
                await audit.record(conn, who, "accounts.locked", target=who.user,
                                   detail={"failed_attempts": account.failed_attempts})
            refusal = Problem(422, "Wrong current password",
                              "The current password is wrong.", type="validation-error",
                              field="current_password")
        else:
            account.password_hash = await passwords.hash(new)
            account.must_change_password = False
            await repo.save(conn, account)
            revoked = await repo.revoke_all(conn, who.user, "password changed")
            await audit.record(conn, who, "accounts.password_change", target=who.user,
                               detail={"sessions_ended": revoked})
            return revoked
    raise refusal


# --- the supervisor's account management ---------------------------------------------------


async def _managed(conn: Connection, who: Principal, username: str) -> StaffAccount:
    account = await repo.get(conn, username, for_update=True)
    if account is None:
        raise Problem(404, "No such account", f"There is no account {username!r}.",
                      type="not-found")
    if not may_manage(who.role, account.roles):
        raise Problem(403, "Forbidden", "Only an admin manages an admin's account.",
                      type="forbidden")
    return account


async def create_account(conn: Connection, settings: Settings, passwords: Passwords,
                         who: Principal | None, *, username: str, name: str, roles: list[str],
                         password: str, must_change_password: bool = True) -> StaffAccount:
    try:
        check_username(username)
        roles = check_roles(roles)
        check_password(password, username=username, min_length=settings.password_min_length)
    except AccountRuleError as exc:
        raise invalid(exc) from None
    if who is not None and not may_manage(who.role, roles):
        raise Problem(403, "Forbidden", "Only an admin makes an admin.", type="forbidden")
    account = StaffAccount(username=username, name=name, roles=roles,
                           password_hash=await passwords.hash(password),
                           must_change_password=must_change_password)
    try:
        saved = await repo.insert(conn, account)
    except KeyError:
        raise Problem(409, "Username taken", f"There is already an account {username!r}.",
                      type="conflict", field="username") from None
    await audit.record(conn, who, "accounts.create", target=username,
                       detail={"name": name, "roles": roles})
    return saved


async def change_account(conn: Connection, who: Principal, username: str, *,
                         name: str | None, roles: list[str] | None,
                         status: AccountStatus | None) -> StaffAccount:
    account = await _managed(conn, who, username)
    was_active_admin = "admin" in account.roles and account.status == "ACTIVE"
    changes: dict[str, Any] = {}
    if roles is not None:
        try:
            roles = check_roles(roles)
        except AccountRuleError as exc:
            raise invalid(exc) from None
        if not may_manage(who.role, roles):
            raise Problem(403, "Forbidden", "Only an admin makes an admin.", type="forbidden")
        if roles != account.roles:
            changes["roles"] = {"from": account.roles, "to": roles}
            account.roles = roles
    if name is not None and name != account.name:
        changes["name"] = {"from": account.name, "to": name}
        account.name = name
    if status is not None and status != account.status:
        changes["status"] = {"from": account.status, "to": status}
        account.status = status
    still_admin = "admin" in account.roles and account.status == "ACTIVE"
    if was_active_admin and not still_admin and (
            await repo.count_active_admins(conn, besides=username) == 0):
        raise Problem(409, "Last admin", "This is the only active admin: make another admin "
                      "first.", type="conflict")
    if not changes:
        return account
    saved = await repo.save(conn, account)
    if account.status == "DISABLED":
        changes["sessions_ended"] = await repo.revoke_all(conn, username, "disabled")
    await audit.record(conn, who, "accounts.change", target=username, detail=changes)
    return saved


async def unlock(conn: Connection, who: Principal, username: str) -> StaffAccount:
    account = await _managed(conn, who, username)
    was_locked = account.locked
    account.unlock()
    saved = await repo.save(conn, account)
    await audit.record(conn, who, "accounts.unlock", target=username,
                       detail={"was_locked": was_locked})
    return saved


async def reset_password(conn: Connection, passwords: Passwords, who: Principal,
                         username: str) -> tuple[StaffAccount, str]:
    """A temporary password for the supervisor to hand over; its holder must change it."""
    account = await _managed(conn, who, username)
    password = temporary_password()
    account.password_hash = await passwords.hash(password)
    account.must_change_password = True
    account.unlock()
    saved = await repo.save(conn, account)
    revoked = await repo.revoke_all(conn, username, "password reset")
    await audit.record(conn, who, "accounts.password_reset", target=username,
                       detail={"sessions_ended": revoked})
    return saved, password
