"""The account rules without a database: role choice, the lockout count, who manages whom."""

from __future__ import annotations

import datetime as dt

import pytest

from ektp_accounts.domain.accounts import (
    AccountRuleError,
    StaffAccount,
    check_password,
    check_roles,
    check_username,
    may_manage,
)
from ektp_accounts.domain.sessions import credential_hash, new_refresh_credential

NOW = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)


def account(*roles: str) -> StaffAccount:
    return StaffAccount(username="rina", name="Rina", roles=list(roles), password_hash="x")


def test_a_single_role_is_taken_and_several_must_be_chosen():
    assert account("operator").pick_role(None) == "operator"
    with pytest.raises(AccountRuleError, match="choose one of: operator, supervisor"):
        account("operator", "supervisor").pick_role(None)
    assert account("operator", "supervisor").pick_role("supervisor") == "supervisor"
    with pytest.raises(AccountRuleError) as exc:
        account("operator").pick_role("admin")
    assert exc.value.field == "role"


def test_the_fifth_wrong_password_in_a_row_locks():
    a = account("operator")
    assert [a.password_failed(lockout_after=5, now=NOW) for _ in range(5)] == [
        False, False, False, False, True]
    assert a.locked and not a.may_sign_in
    assert a.password_failed(lockout_after=5, now=NOW) is False  # locks once
    a.unlock()
    assert a.may_sign_in and a.failed_attempts == 0


def test_rules_of_names_roles_and_passwords():
    assert check_username("siti.r") == "siti.r"
    for bad in ("Siti", "ab", "1abc", "a b c"):
        with pytest.raises(AccountRuleError):
            check_username(bad)
    assert check_roles(["supervisor", "operator", "operator"]) == ["operator", "supervisor"]
    with pytest.raises(AccountRuleError):
        check_roles([])
    with pytest.raises(AccountRuleError, match="contain the username"):
        check_password("xxRINAxxxxxx", username="rina", min_length=10)
    with pytest.raises(AccountRuleError, match="at least 10"):
        check_password("short", username="rina", min_length=10)


def test_only_an_admin_manages_admins():
    assert may_manage("supervisor", ["operator", "printer"])
    assert not may_manage("supervisor", ["admin"])
    assert may_manage("admin", ["admin"])


def test_refresh_credentials_are_random_and_kept_as_a_hash():
    a, b = new_refresh_credential(), new_refresh_credential()
    assert a != b and len(a) > 40
    assert credential_hash(a) != a and len(credential_hash(a)) == 64
