"""``ektp accounts create-admin``: the first administrator, made on the server.

It talks to the accounts service's database directly (there is nobody yet who could sign
in to ask the API), as the service's own role, after the service has migrated it (start
the service first: ``make up``). The password is read from ``--password-file``, from
standard input when it is not a terminal, or prompted for twice.
"""

from __future__ import annotations

import asyncio
import getpass
import os
import sys
from pathlib import Path
from typing import Annotated

import asyncpg
import typer

from ektp_shared import audit
from ektp_shared.db import TRANSIENT_DB_ERRORS, create_pool, transaction
from ektp_shared.problems import Problem
from ektp_shared.stack import SERVICES, service_env

from .. import handlers
from ..adapters import repository as repo
from ..adapters.passwords import Passwords
from ..config import Settings
from ..domain.accounts import AccountRuleError, check_password, check_roles

_DB_FAILURES: tuple[type[BaseException], ...] = (*TRANSIENT_DB_ERRORS, asyncpg.PostgresError)
app = typer.Typer(help="Staff accounts: the first administrator.", no_args_is_help=True)


@app.callback()
def accounts() -> None:
    """Staff accounts (one command now; a group, so that it reads `ektp accounts ...`)."""


def default_database_url() -> str:
    """EKTP_DATABASE_URL, else the local stack's accounts database (EKTP_PG_PORT honoured)."""
    if os.environ.get("EKTP_DATABASE_URL"):
        return os.environ["EKTP_DATABASE_URL"]
    accounts = next(s for s in SERVICES if s.name == "accounts")
    return service_env(accounts)["EKTP_DATABASE_URL"]


def _read_password(password_file: Path | None) -> str:
    if password_file is not None:
        lines = password_file.read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return value


async def create_admin(database_url: str, *, username: str, name: str, password: str,
                       force: bool) -> str:
    """Make (or, with force, restore) an admin account; returns what was done."""
    settings = Settings(database_url=database_url)
    passwords = Passwords(settings)
    pool = await create_pool(database_url, min_size=1, max_size=1, attempts=1)
    try:
        async with transaction(pool) as conn:
            detail = {"via": "ektp accounts create-admin", "os_user": getpass.getuser()}
            admins = await repo.count_active_admins(conn)
            existing = await repo.get(conn, username, for_update=True)
            if admins and not force:
                raise Problem(409, "An admin exists",
                              f"{admins} active admin account(s) exist: sign in as one and "
                              "make accounts there, or use --force to add or restore one.")
            if existing is None:
                await handlers.create_account(
                    conn, settings, passwords, None, username=username, name=name,
                    roles=["admin"], password=password, must_change_password=False)
                return "created"
            if not force:
                raise Problem(409, "Username taken",
                              f"There is already an account {username!r}; use --force to "
                              "make it an active admin with this password.")
            try:
                check_password(password, username=username,
                               min_length=settings.password_min_length)
            except AccountRuleError as exc:
                raise handlers.invalid(exc) from None
            existing.password_hash = await passwords.hash(password)
            existing.roles = check_roles([*existing.roles, "admin"])
            existing.status = "ACTIVE"
            existing.must_change_password = False
            existing.unlock()
            await repo.save(conn, existing)
            await repo.revoke_all(conn, username, "restored by create-admin")
            await audit.record(conn, None, "accounts.restore_admin", target=username,
                               detail=detail)
            return "restored"
    finally:
        await pool.close()


@app.command("create-admin")
def create_admin_command(
    username: Annotated[str, typer.Option(help="The admin's login, e.g. admin or rudi")],
    name: Annotated[str, typer.Option(help="The admin's full name")] = "Administrator",
    password_file: Annotated[Path | None, typer.Option(
        help="Read the password from the first line of this file")] = None,
    force: Annotated[bool, typer.Option(
        help="Even if an admin exists: add this one, or restore this account as an active "
             "admin (unlocked, new password)")] = False,
    database_url: Annotated[str | None, typer.Option(
        help="The accounts database (default: EKTP_DATABASE_URL, else the local stack's)")]
        = None,
) -> None:
    """Make the first administrator (run on the server; then sign in at the service)."""
    password = _read_password(password_file)
    url = database_url or default_database_url()
    try:
        done = asyncio.run(create_admin(url, username=username.strip().lower(), name=name,
                                        password=password, force=force))
    except Problem as exc:
        typer.echo(f"refused: {exc.title}: {exc.detail}", err=True)
        raise typer.Exit(1) from None
    except asyncpg.UndefinedTableError:
        typer.echo("the accounts database has no tables yet: start the accounts service "
                   "first (make up)", err=True)
        raise typer.Exit(1) from None
    except _DB_FAILURES as exc:
        typer.echo(f"cannot use the accounts database: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"admin {username!r} {done}; sign in at the office web app, "
               "http://127.0.0.1:8080 (or POST /sign-in at the accounts service, port 8005)")
