"""``ektp enrollment ...``: the office's commands. They talk to the running service's HTTP
API with a bearer token (``--token`` or ``EKTP_TOKEN``), so the same rules, audit trail
and idempotency apply as for any other client."""

from __future__ import annotations

import base64
import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import httpx
import typer
from nacl.signing import SigningKey
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ektp_client_enrollment.api.enrollments import import_kit as import_kit_op
from ektp_client_enrollment.api.roster import import_roster as import_roster_op
from ektp_client_enrollment.client import AuthenticatedClient
from ektp_client_enrollment.models import BadRow, RosterImport
from ektp_client_enrollment.types import File
from ektp_enrollment.domain.kitfile import sign_kit_file
from ektp_shared.answers import Refused, expect
from ektp_shared.keys import KeyFileError, write_key_file

app = typer.Typer(help="Enrollment (perekaman): roster and mobile kit imports.",
                  no_args_is_help=True)
console = Console(stderr=True)

UrlOpt = Annotated[str, typer.Option(envvar="EKTP_ENROLLMENT_URL", help="enrollment service")]
TokenOpt = Annotated[str, typer.Option(envvar="EKTP_TOKEN", help="bearer token (ektp token issue)")]
DEFAULT_URL = "http://127.0.0.1:8001"


def _client(url: str, token: str,
            transport: httpx.BaseTransport | None = None) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=url, token=token, timeout=httpx.Timeout(120),
                               httpx_args={"transport": transport} if transport else {})


def _fail(refused: Refused) -> NoReturn:
    console.print(f"[red]ditolak ({refused.status}):[/red] {refused.message}")
    raise typer.Exit(1)


def split_csv(text: str, rows_per_chunk: int) -> list[tuple[int, str]]:
    """(line offset, chunk with the header line) for each chunk of the CSV.

    Splitting by physical line is safe for the ministry's CSV, which has no multi-line
    cells; the server would report a split cell as a bad row, never lose it silently."""
    lines = text.splitlines(keepends=True)
    if not lines:
        return []
    header, body = lines[0], lines[1:]
    chunks = []
    for start in range(0, len(body), rows_per_chunk):
        chunks.append((start, header + "".join(body[start:start + rows_per_chunk])))
    return chunks


def upload_roster(
    client: AuthenticatedClient, text: str, rows_per_chunk: int,
    advance: Callable[[int], None] = lambda n: None,
) -> RosterImport:
    """Send the CSV in chunks; line numbers in the answer are the whole file's. Each chunk
    has its own Idempotency-Key, so running the command again after a cut is harmless."""
    file_digest = hashlib.sha256(text.encode()).hexdigest()[:32]
    totals = RosterImport(accepted=0, new=0, updated=0, rejected=0, bad_rows=[])
    for offset, chunk in split_csv(text, rows_per_chunk):
        try:
            answer = expect(import_roster_op.sync_detailed(
                client=client, body=File(payload=io.BytesIO(chunk.encode())),
                line_offset=offset, idempotency_key=f"roster-{file_digest}-{offset}"))
        except Refused as refused:
            _fail(refused)
        totals.accepted += answer.accepted
        totals.new += answer.new
        totals.updated += answer.updated
        totals.rejected += answer.rejected
        totals.bad_rows.extend(answer.bad_rows)
        advance(chunk.count("\n") - 1 if chunk.endswith("\n") else chunk.count("\n"))
    return totals


@app.command("import-roster")
def import_roster(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="ministry CSV")],
    token: TokenOpt,
    url: UrlOpt = DEFAULT_URL,
    rows_per_chunk: Annotated[int, typer.Option(min=1, max=50_000)] = 2000,
) -> None:
    """Import the ministry's roster CSV; bad rows are listed by line, good rows kept."""
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    rows = max(text.count("\n") - 1, 0)
    with _client(url, token) as client, Progress(
        TextColumn("roster"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("import", total=rows)
        totals = upload_roster(client, text, rows_per_chunk,
                               lambda n: progress.advance(task, n))
    _print_bad_rows(totals.bad_rows)
    typer.echo(f"diterima {totals.accepted} (baru {totals.new}, diperbarui "
               f"{totals.updated}), ditolak {totals.rejected}")


def _print_bad_rows(bad: list[BadRow]) -> None:
    if not bad:
        return
    table = Table("baris", "NIK", "masalah", title=f"{len(bad)} baris ditolak")
    for row in bad:
        table.add_row(str(row.line), row.nik, row.error)
    Console().print(table)


@app.command("import-kit")
def import_kit(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="kit's signed file")],
    token: TokenOpt,
    url: UrlOpt = DEFAULT_URL,
) -> None:
    """Import a mobile kit's signed file; every line is reported, good ones kept."""
    raw = file.read_bytes()
    with _client(url, token) as client:
        try:
            answer = expect(import_kit_op.sync_detailed(
                client=client, body=File(payload=io.BytesIO(raw)),
                idempotency_key="kit-" + hashlib.sha256(raw).hexdigest()[:40]))
        except Refused as refused:
            _fail(refused)
    for r in answer.rejected:
        problems = "; ".join(f"{e.field}: {e.message}" for e in r.errors)
        typer.echo(f"baris {r.line} ({r.record_id}): {problems}")
    c = answer.counts
    typer.echo(f"kit {answer.kit_id}: diimpor {c.imported}, sudah ada "
               f"{c.already_imported}, ditolak {c.rejected}")


@app.command("kit-keygen")
def kit_keygen(
    out: Annotated[Path, typer.Argument(help="where the kit keeps its signing key")],
) -> None:
    """Make a kit's signing key (0600 from its first byte, never overwriting a file);
    prints the public key to register (POST /kits)."""
    key = SigningKey.generate()
    try:
        write_key_file(out, base64.b64encode(bytes(key)) + b"\n", private=True)
    except KeyFileError:
        typer.echo(f"{out} sudah ada; tidak ditimpa", err=True)
        raise typer.Exit(1) from None
    typer.echo(base64.b64encode(bytes(key.verify_key)).decode())


@app.command("kit-sign")
def kit_sign(
    key_file: Annotated[Path, typer.Argument(help="the kit's signing key (from kit-keygen)")],
    records: Annotated[Path, typer.Argument(help="JSON lines: one record per line")],
    out: Annotated[Path, typer.Argument(help="the signed file to carry to the office")],
    kit_id: Annotated[str, typer.Option(help="the kit's name as registered at the office")],
) -> None:
    """On the kit: sign the day's records into the file the office imports.

    Each line of RECORDS is ``{"record_id", "kind", "recorded_at", "operator", "data"}``:
    kind ``recording`` (the default) with ``data`` the body of POST /enrollments, or
    ``field_check`` with ``data`` ``{"nik", "outcome", "note"}``.
    """
    try:
        key = SigningKey(base64.b64decode(key_file.read_text().strip()))
    except (OSError, ValueError) as exc:
        typer.echo(f"kunci kit tidak terbaca: {exc}", err=True)
        raise typer.Exit(1) from exc
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(records.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            typer.echo(f"baris {number}: bukan JSON ({exc.msg})", err=True)
            raise typer.Exit(1) from exc
        if not isinstance(row, dict) or "record_id" not in row or "data" not in row:
            typer.echo(f"baris {number}: perlu record_id dan data", err=True)
            raise typer.Exit(1)
        rows.append(row)
    out.write_bytes(sign_kit_file(kit_id, rows, key))
    typer.echo(f"{len(rows)} rekaman ditandatangani ke {out}")
