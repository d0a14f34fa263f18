"""``ektp outbox list|release|drop``: the events Kafka refused for good, for an operator.

The commands work on one service's database directly (the relay may be down, Kafka too):
``--database-url``, or ``--service NAME`` for the local stack's database of that service
(``ektp_<name>`` on the server of ``EKTP_DATABASE_URL``), or else ``EKTP_DATABASE_URL`` itself.
Each release and drop is written to that service's audit trail.
"""

from __future__ import annotations

import asyncio
import getpass
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import typer
from rich.console import Console
from rich.table import Table

from . import outbox_held
from .auth import Principal
from .config import ServiceSettings
from .db import TRANSIENT_DB_ERRORS, Connection, create_pool
from .logging import mask_nik
from .stack import SERVICES

app = typer.Typer(help="Outbox events Kafka refused for good: list, release, drop.",
                  no_args_is_help=True)
console = Console()

ServiceOpt = Annotated[str | None, typer.Option(
    "--service", help=f"The service whose outbox: {', '.join(s.name for s in SERVICES)}")]
UrlOpt = Annotated[str | None, typer.Option(
    "--database-url", help="The service's database (default: EKTP_DATABASE_URL)")]
UserOpt = Annotated[str, typer.Option(
    "--user", help="Who acts (for the audit trail); default: your login")]
T = TypeVar("T")
_DB_FAILURES: tuple[type[BaseException], ...] = (*TRANSIENT_DB_ERRORS, asyncpg.PostgresError)


def database_url(service: str | None, url: str | None) -> str:
    if url:
        return url
    base = ServiceSettings().database_url
    if service is None:
        return base
    known = {s.name: s for s in SERVICES}
    if service not in known:
        typer.echo(f"unknown service {service!r}; one of: {', '.join(known)}", err=True)
        raise typer.Exit(2)
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path="/" + known[service].database))


def _run(url: str, work: Callable[[Connection], Awaitable[T]]) -> T:
    async def go() -> T:
        pool = await create_pool(url, min_size=1, max_size=1, attempts=1)
        try:
            async with pool.acquire() as conn:
                return await work(conn)
        finally:
            await pool.close()

    try:
        return asyncio.run(go())
    except _DB_FAILURES as exc:
        typer.echo(f"cannot use the database {_safe(url)}: {type(exc).__name__}: {exc}",
                   err=True)
        raise typer.Exit(1) from exc


def _safe(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return urlunsplit(parts._replace(netloc=f"{host}:{parts.port}" if parts.port else host))


def _operator(user: str | None) -> Principal:
    # The command runs on the office server as its administrator (like `ektp keys`).
    return Principal(user=user or getpass.getuser(), role="admin")


@app.command("list")
def list_held(
    service: ServiceOpt = None,
    url: UrlOpt = None,
    dropped: Annotated[bool, typer.Option(help="Show dropped rows too")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table")] = False,
) -> None:
    """The held events, oldest first, with why Kafka refused them and what waits behind."""
    rows = _run(database_url(service, url),
                lambda c: outbox_held.list_held(c, include_dropped=dropped))
    if as_json:
        for row in rows:
            typer.echo(json.dumps({k: _plain(v) for k, v in row.items()}))
        return
    if not rows:
        typer.echo("no held events: the relay is not blocked by any refused event")
        return
    table = Table("id", "held since", "topic", "type", "key", "bytes", "waiting behind",
                  "reason", "dropped")
    for r in rows:
        table.add_row(
            str(r["id"]), f"{r['held_at']:%Y-%m-%d %H:%M:%S}", r["topic"],
            r["ce_type"].removeprefix("id.go.dukcapil.ektp."), mask_nik(r["key"]),
            str(r["payload_bytes"]), str(r["waiting_behind"]), r["hold_reason"] or "",
            f"{r['dropped_at']:%Y-%m-%d} by {r['dropped_by']}: {r['drop_reason']}"
            if r["dropped_at"] else "",
        )
    console.print(table)


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _each(url: str, ids: list[int], change: Callable[[Connection, int], Awaitable[None]]) -> int:
    """Apply ``change`` to each row in its own transaction; returns how many failed."""
    async def work(conn: Connection) -> int:
        failed = 0
        for outbox_id in ids:
            try:
                async with conn.transaction():
                    await change(conn, outbox_id)
            except outbox_held.NotHeld as exc:
                typer.echo(f"{exc}: see `ektp outbox list`", err=True)
                failed += 1
        return failed

    return _run(url, work)


@app.command("release")
def release(
    ids: Annotated[list[int], typer.Argument(help="Outbox row ids (from `ektp outbox list`)")],
    note: Annotated[str, typer.Option(help="Why it may go now, e.g. the limit was raised")] = "",
    service: ServiceOpt = None,
    url: UrlOpt = None,
    user: UserOpt = "",
) -> None:
    """Send held events again (and then the events of their keys that wait behind them)."""
    operator = _operator(user)
    failed = _each(database_url(service, url), ids,
                   lambda c, i: outbox_held.release(c, i, operator, note))
    typer.echo(f"released {len(ids) - failed} of {len(ids)}")
    if failed:
        raise typer.Exit(1)


@app.command("drop")
def drop(
    ids: Annotated[list[int], typer.Argument(help="Outbox row ids (from `ektp outbox list`)")],
    reason: Annotated[str, typer.Option(help="Why it will never be sent (kept with the row)")],
    service: ServiceOpt = None,
    url: UrlOpt = None,
    user: UserOpt = "",
) -> None:
    """Give up on held events: they are kept, marked dropped, never sent; their keys go on."""
    if not reason.strip():
        typer.echo("a drop needs --reason", err=True)
        raise typer.Exit(2)
    operator = _operator(user)
    failed = _each(database_url(service, url), ids,
                   lambda c, i: outbox_held.drop(c, i, operator, reason))
    typer.echo(f"dropped {len(ids) - failed} of {len(ids)}")
    if failed:
        raise typer.Exit(1)
