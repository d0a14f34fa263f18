"""``ektp dashboard ...``: progress, a resident's timeline, the stuck list and the progress
report, from the dashboard's HTTP API (so the same roles and the same audit apply)."""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import httpx
import typer
from rich.console import Console
from rich.table import Table

from ektp_client_dashboard.api.progress import get_progress, progress_csv
from ektp_client_dashboard.api.residents import get_resident, get_stuck
from ektp_client_dashboard.client import AuthenticatedClient
from ektp_client_dashboard.models.get_stuck_status_type_0 import check_get_stuck_status_type_0
from ektp_client_dashboard.types import UNSET
from ektp_client_printing.api.printers import change_status
from ektp_client_printing.client import AuthenticatedClient as PrintingClient
from ektp_client_printing.models import StatusIn
from ektp_client_printing.models.status_in_status import check_status_in_status
from ektp_shared.answers import Answer, ProblemLike, Refused, expect
from ektp_shared.auth import issue_token
from ektp_shared.keys import KeyFileError, KeySettings

app = typer.Typer(help="Dashboard: progress, resident timelines, stuck items, reports.",
                  no_args_is_help=True)
console = Console()

UrlOpt = Annotated[str, typer.Option(envvar="EKTP_DASHBOARD_URL", help="The dashboard's address")]
TokenOpt = Annotated[str | None, typer.Option(
    envvar="EKTP_TOKEN", help="Bearer token; without one, a 10-minute token is made from the "
    "local signing key (as `ektp token issue` does)")]
UserOpt = Annotated[str, typer.Option(help="Who asks (for the audit trail)")]
DEFAULT_URL = "http://127.0.0.1:8000"
T = TypeVar("T")


def _token(token: str | None, user: str, role: str) -> str:
    if token:
        return token
    s = KeySettings()
    try:
        key = s.signing_key()
    except KeyFileError:
        typer.echo("no token given (--token or EKTP_TOKEN) and no local signing key; "
                   "ask the office admin for a token", err=True)
        raise typer.Exit(2) from None
    return issue_token(key, user=user, role=role, issuer=s.jwt_issuer,
                       audience=s.jwt_audience, ttl=dt.timedelta(minutes=10))


def _client(url: str, token: str) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=url.rstrip("/"), token=token,
                               timeout=httpx.Timeout(30))


def _ask(url: str, call: Callable[[], Answer[T | ProblemLike]],
         who: str = "the dashboard") -> T:
    """The typed answer of ``call``; a refusal or no answer ends the command plainly."""
    try:
        return expect(call())
    except httpx.HTTPError as exc:
        typer.echo(f"{who} at {url} does not answer: {exc}", err=True)
        raise typer.Exit(1) from None
    except Refused as refused:
        typer.echo(f"HTTP {refused.status}: {refused.message}", err=True)
        raise typer.Exit(1) from None


def _n(v: Any) -> str:
    return "-" if v is None else f"{v:,}".replace(",", ".") if isinstance(v, int) else str(v)


@app.command("progress")
def progress(
    url: UrlOpt = DEFAULT_URL, token: TokenOpt = None,
    user: UserOpt = getpass.getuser(),
    desa: Annotated[bool, typer.Option(help="Also list every desa")] = False,
) -> None:
    """Progress per kecamatan, and the forecast against 31 December."""
    with _client(url, _token(token, user, "viewer")) as client:
        p = _ask(url, lambda: get_progress.sync_detailed(client=client))
    cols = ("target", "recorded", "sent", "print_ready", "duplicate", "failed", "printed",
            "issued", "lacking")
    t = Table(title=f"Progres e-KTP {p.kabupaten.nama} (data s.d. {_when(p.as_of)})")
    t.add_column("wilayah")
    for c in cols:
        t.add_column(c, justify="right")
    for kec in p.kecamatan:
        t.add_row(f"[bold]{kec.nama}[/bold]", *(_n(getattr(kec, c)) for c in cols))
        if desa:
            for d in kec.desa:
                t.add_row(f"  {d.nama}", *(_n(getattr(d, c)) for c in cols))
    t.add_row("[bold]KABUPATEN[/bold]", *(_n(getattr(p.kabupaten, c)) for c in cols))
    console.print(t)
    f, r = p.forecast, p.rates
    console.print(f"laju {r.window_days} hari: rekam {r.recorded_per_day}/hari, "
                  f"cetak {r.printed_per_day}/hari")
    cur = f.current
    verdict = (f"selesai {cur.finish_date} ({'tepat waktu' if cur.on_time else 'TERLAMBAT'})"
               if cur.finish_date else f"belum bisa selesai: {cur.reason}")
    console.print(f"perkiraan: {verdict}; tenggat {f.deadline}")
    for o in f.scenarios:
        console.print(f"  bila {o.label}: {o.finish_date or '-'} ({o.reason})")
    b = p.blanks.by_state.additional_properties
    console.print("blangko: " + ", ".join(f"{k} {v}" for k, v in b.items()))
    printers = p.printers.by_status.additional_properties
    console.print("printer: " + ", ".join(f"{k} {v}" for k, v in printers.items()))
    # sync is the sync service's own answer, passed on as it came (open beyond `available`)
    sync = p.sync.to_dict() if p.sync else {}
    if sync.get("available"):
        outage = (sync.get("circuit") or {}).get("outage_since")
        console.print(f"sinkron: backlog {sync.get('backlog')}, putus sejak {outage}")
    else:
        console.print(f"sinkron: tidak tersedia ({sync.get('error')})")


def _when(moment: dt.datetime | None) -> str:
    """As the service wrote it (ISO 8601, UTC as Z)."""
    return "None" if moment is None else moment.isoformat().replace("+00:00", "Z")


@app.command("resident")
def resident(
    nik: Annotated[str, typer.Argument(help="16-digit NIK")],
    url: UrlOpt = DEFAULT_URL, token: TokenOpt = None, user: UserOpt = getpass.getuser(),
) -> None:
    """One resident's timeline: every step, how long it took, and whether it is stuck."""
    with _client(url, _token(token, user, "operator")) as client:
        d = _ask(url, lambda: get_resident.sync_detailed(nik, client=client))
    console.print(f"[bold]{d.nama or '-'}[/bold] {d.nik}  {d.desa or d.kode_desa}")
    stuck = "  [red]MACET[/red]" if d.stuck else ""
    console.print(f"status: {d.status} ({d.status_label}) sejak {_when(d.status_since)}, "
                  f"{d.in_status}{stuck}")
    t = Table()
    for c in ("waktu", "langkah", "status", "lama"):
        t.add_column(c)
    for s in d.steps:
        t.add_row(_when(s.at), s.label, s.status, s.took)
    console.print(t)


@app.command("stuck")
def stuck(
    url: UrlOpt = DEFAULT_URL, token: TokenOpt = None, user: UserOpt = getpass.getuser(),
    hours: Annotated[float | None, typer.Option(help="Waiting longer than this")] = None,
    status: Annotated[str | None, typer.Option(help="Only this status")] = None,
    limit: int = 50,
) -> None:
    """Residents waiting in one state longer than the threshold, oldest first."""
    try:
        wanted = UNSET if status is None else check_get_stuck_status_type_0(status)
    except TypeError:
        typer.echo(f"unknown status {status!r}", err=True)
        raise typer.Exit(2) from None
    with _client(url, _token(token, user, "operator")) as client:
        b = _ask(url, lambda: get_stuck.sync_detailed(
            client=client, older_than_hours=hours, status=wanted, limit=limit))
    console.print(f"lebih dari {b.older_than_hours} jam: {b.total}  "
                  f"{b.by_status.additional_properties}")
    t = Table()
    for c in ("NIK", "nama", "desa", "status", "menunggu"):
        t.add_column(c)
    for x in b.items:
        t.add_row(x.nik, x.nama or "", x.desa or x.kode_desa, x.status, x.waiting)
    console.print(t)


@app.command("printer-status")
def printer_status(
    printer_id: Annotated[str, typer.Argument(help="The printer's id, as GET /printers shows")],
    status: Annotated[str, typer.Argument(help="ONLINE, OFFLINE, IN_REPAIR or BROKEN")],
    reason: Annotated[str, typer.Option(help="Why: breakdown, repair done, power cut ...")],
    printing_url: Annotated[str, typer.Option(envvar="EKTP_PRINTING_URL",
                                              help="The printing service's address")] = (
        "http://127.0.0.1:8003"),
    token: TokenOpt = None, user: UserOpt = getpass.getuser(),
) -> None:
    """Set a printer's status at the print room (its queued jobs move to the others)."""
    try:
        wanted = check_status_in_status(status.upper())
    except TypeError:
        typer.echo(f"unknown status {status.upper()!r}: ONLINE, OFFLINE, IN_REPAIR or BROKEN",
                   err=True)
        raise typer.Exit(2) from None
    printing = PrintingClient(base_url=printing_url.rstrip("/"),
                              token=_token(token, user, "printer"), timeout=httpx.Timeout(30))
    with printing:
        body = _ask(printing_url, lambda: change_status.sync_detailed(
            printer_id, client=printing, body=StatusIn(status=wanted, reason=reason)),
            who="the printing service")
    typer.echo(f"printer {printer_id}: {body.status} ({reason}); "
               f"{body.jobs_moved} jobs moved to other printers")


@app.command("export")
def export(
    out: Annotated[Path, typer.Option(help="Where to write the CSV")] = Path(
        f"progres-ektp-{dt.date.today().isoformat()}.csv"),
    url: UrlOpt = DEFAULT_URL, token: TokenOpt = None, user: UserOpt = getpass.getuser(),
) -> None:
    """Export the progress report (kabupaten, kecamatan, desa) as CSV."""
    with _client(url, _token(token, user, "viewer")) as client:
        report = _ask(url, lambda: progress_csv.sync_detailed(client=client)).payload.read()
    out.write_bytes(report)
    rows = report.count(b"\n") - 1
    typer.echo(f"{out}: {rows} rows")
