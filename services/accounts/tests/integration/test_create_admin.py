"""`ektp accounts create-admin`: the first administrator, made on the server."""

from __future__ import annotations

import asyncio

import pytest
from typer.testing import CliRunner

from ektp_accounts.entrypoints.cli import app as accounts_cli

from .conftest import audit_actions, sign_in

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


def run(*args: str, stdin: str | None = None):
    # The command runs its own event loop, as on the server: keep it off the test's loop.
    return asyncio.to_thread(CliRunner().invoke, accounts_cli, list(args), input=stdin)


async def test_the_first_admin_is_made_once_then_signs_in(accounts, tmp_path):
    url = accounts.settings.database_url
    secret = tmp_path / "pw"
    secret.write_text("rahasia-kantor-1\n")
    made = await run("create-admin", "--username", "Kepala", "--name", "Pak Kepala",
                     "--password-file", str(secret), "--database-url", url)
    assert made.exit_code == 0, made.output
    assert "admin 'Kepala' created" in made.output
    session = await sign_in(accounts, username="kepala", password="rahasia-kantor-1")
    assert session["role"] == "admin" and not session["user"]["must_change_password"]
    # a second admin needs --force
    again = await run("create-admin", "--username", "other", "--database-url", url,
                      stdin="rahasia-kantor-2\n")
    assert again.exit_code == 1 and "An admin exists" in again.output
    # --force restores a locked admin with a new password (from stdin)
    for _ in range(5):
        await sign_in(accounts, username="kepala", password="wrong-wrong", status=(
            401 if _ < 4 else 423))
    restored = await run("create-admin", "--username", "kepala", "--force",
                         "--database-url", url, stdin="rahasia-kantor-3\n")
    assert restored.exit_code == 0 and "restored" in restored.output, restored.output
    await sign_in(accounts, username="kepala", password="rahasia-kantor-3")
    actions = await audit_actions(accounts.pool, "kepala")
    assert actions[0] == "accounts.create" and "accounts.restore_admin" in actions


async def test_a_weak_password_is_refused(accounts):
    r = await run("create-admin", "--username", "admin", "--database-url",
                  accounts.settings.database_url, stdin="short\n")
    assert r.exit_code == 1 and "at least 10 characters" in r.output
