"""Which database errors are the message's fault (DLQ) and which an operator's (pause)."""

import asyncpg
import pytest
from pydantic import ValidationError

from ektp_shared.config import ServiceSettings
from ektp_shared.db import classify_db_error

E = asyncpg.exceptions


@pytest.mark.parametrize(("error", "kind", "reason"), [
    (E.DiskFullError("could not extend file"), "operator", "disk_full"),
    (E.ReadOnlySQLTransactionError("read-only"), "operator", "read_only"),
    (E.InsufficientPrivilegeError("permission denied"), "operator", "privilege"),
    (E.UndefinedTableError("no table"), "operator", "schema"),
    (E.UndefinedColumnError("no column"), "operator", "schema"),
    (E.OutOfMemoryError("out of memory"), "operator", "out_of_memory"),
    (E.ConfigurationLimitExceededError("limit"), "operator", "resources"),
    (E.PostgresIOError("io"), "operator", "system"),
    (E.DataCorruptedError("corrupt"), "operator", "internal"),
    (E.InvalidPasswordError("password"), "operator", "login"),
    (E.QueryCanceledError("statement timeout"), "timeout", "statement_timeout"),
    (E.LockNotAvailableError("lock timeout"), "timeout", "lock_timeout"),
    (E.TooManyConnectionsError("too many"), "transient", "connection"),
    (E.ConnectionDoesNotExistError("gone"), "transient", "connection"),
    (E.DeadlockDetectedError("deadlock"), "transient", "connection"),
    (ConnectionRefusedError(), "transient", "connection"),
    (TimeoutError(), "transient", "connection"),
    (E.UniqueViolationError("duplicate key"), "poison", "message"),
    (E.CheckViolationError("check"), "poison", "message"),
    (E.InvalidTextRepresentationError("bad"), "poison", "message"),
    (ValueError("a handler's own error"), "poison", "message"),
])
def test_database_errors_are_classified(error, kind, reason):
    assert tuple(classify_db_error(error)) == (kind, reason)


def test_inbox_retention_defaults_a_week_past_topic_retention():
    assert ServiceSettings().inbox_retention_days == 97
    assert ServiceSettings(topic_retention_days=30).inbox_retention_days == 37
    assert ServiceSettings(inbox_retention_days=365).inbox_retention_days == 365


def test_inbox_retention_below_topic_retention_is_refused(monkeypatch):
    monkeypatch.setenv("EKTP_INBOX_RETENTION_DAYS", "30")
    with pytest.raises(ValidationError, match=r"inbox_retention_days \(30\) must be at least "
                                              r"topic_retention_days \(90\)"):
        ServiceSettings()
