"""``ektp dashboard ...``: progress, a resident's timeline, the stuck list and the progress
report, from the dashboard's HTTP API (so the same roles and the same audit apply)."""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from rich.console import Console
from rich.table import Table

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


def _get(url: str, path: str, token: str, **params: Any) -> httpx.Response:
    try:
        r = httpx.get(url.rstrip("/") + path, params={k: v for k, v in params.items()
                                                      if v is not None},
                      headers={"Authorization": f"Bearer {token}"}, timeout=30)
    except httpx.HTTPError as exc:
        typer.echo(f"the dashboard at {url} does not answer: {exc}", err=True)
        raise typer.Exit(1) from None
    if r.status_code != 200:
        try:
            detail = r.json().get("detail") or r.json().get("title")
        except ValueError:
            detail = r.text[:200]
        typer.echo(f"HTTP {r.status_code}: {detail}", err=True)
        raise typer.Exit(1)
    return r


def _n(v: Any) -> str:
    return "-" if v is None else f"{v:,}".replace(",", ".") if isinstance(v, int) else str(v)


@app.command("progress")
def progress(
    url: UrlOpt = DEFAULT_URL, token: TokenOpt = None,
    user: UserOpt = getpass.getuser(),
    desa: Annotated[bool, typer.Option(help="Also list every desa")] = False,
) -> None:
    """Progress per kecamatan, and the forecast against 31 December."""
    p = _get(url, "/progress", _token(token, user, "viewer")).json()
    cols = ("target", "recorded", "sent", "print_ready", "duplicate", "failed", "printed",
            "issued", "lacking")
    t = Table(title=f"Progres e-KTP {p['kabupaten']['nama']} (data s.d. {p['as_of']})")
    t.add_column("wilayah")
    for c in cols:
        t.add_column(c, justify="right")
    for kec in p["kecamatan"]:
        t.add_row(f"[bold]{kec['nama']}[/bold]", *(_n(kec[c]) for c in cols))
        if desa:
            for d in kec["desa"]:
                t.add_row(f"  {d['nama']}", *(_n(d[c]) for c in cols))
    t.add_row("[bold]KABUPATEN[/bold]", *(_n(p["kabupaten"][c]) for c in cols))
    console.print(t)
    f, r = p["forecast"], p["rates"]
    console.print(f"laju {r['window_days']} hari: rekam {r['recorded_per_day']}/hari, "
                  f"cetak {r['printed_per_day']}/hari")
    c = f["current"]
    verdict = (f"selesai {c['finish_date']} ({'tepat waktu' if c['on_time'] else 'TERLAMBAT'})"
               if c["finish_date"] else f"belum bisa selesai: {c['reason']}")
    console.print(f"perkiraan: {verdict}; tenggat {f['deadline']}")
    for o in f["scenarios"]:
        console.print(f"  bila {o['label']}: {o['finish_date'] or '-'} ({o['reason']})")
    b = p["blanks"]["by_state"]
    console.print("blangko: " + ", ".join(f"{k} {v}" for k, v in b.items()))
    printers = p["printers"]["by_status"]
    console.print("printer: " + ", ".join(f"{k} {v}" for k, v in printers.items()))
    sync = p.get("sync") or {}
    if sync.get("available"):
        outage = (sync.get("circuit") or {}).get("outage_since")
        console.print(f"sinkron: backlog {sync.get('backlog')}, putus sejak {outage}")
    else:
        console.print(f"sinkron: tidak tersedia ({sync.get('error')})")


@app.command("resident")
def resident(
    nik: Annotated[str, typer.Argument(help="16-digit NIK")],
    url: UrlOpt = DEFAULT_URL, token: TokenOpt = None, user: UserOpt = getpass.getuser(),
) -> None:
    """One resident's timeline: every step, how long it took, and whether it is stuck."""
    d = _get(url, f"/residents/{nik}", _token(token, user, "operator")).json()
    console.print(f"[bold]{d['nama'] or '-'}[/bold] {d['nik']}  {d['desa'] or d['kode_desa']}")
    stuck = "  [red]MACET[/red]" if d["stuck"] else ""
    console.print(f"status: {d['status']} ({d['status_label']}) sejak {d['status_since']}, "
                  f"{d['in_status']}{stuck}")
    t = Table()
    for c in ("waktu", "langkah", "status", "lama"):
        t.add_column(c)
    for s in d["steps"]:
        t.add_row(str(s["at"]), s["label"], s["status"], s["took"])
    console.print(t)


@app.command("stuck")
def stuck(
    url: UrlOpt = DEFAULT_URL, token: TokenOpt = None, user: UserOpt = getpass.getuser(),
    hours: Annotated[float | None, typer.Option(help="Waiting longer than this")] = None,
    status: Annotated[str | None, typer.Option(help="Only this status")] = None,
    limit: int = 50,
) -> None:
    """Residents waiting in one state longer than the threshold, oldest first."""
    b = _get(url, "/stuck", _token(token, user, "operator"), older_than_hours=hours,
             status=status, limit=limit).json()
    console.print(f"lebih dari {b['older_than_hours']} jam: {b['total']}  {b['by_status']}")
    t = Table()
    for c in ("NIK", "nama", "desa", "status", "menunggu"):
        t.add_column(c)
    for x in b["items"]:
        t.add_row(x["nik"], x["nama"] or "", x["desa"] or x["kode_desa"], x["status"],
                  x["waiting"])
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
    status = status.upper()
    if status not in ("ONLINE", "OFFLINE", "IN_REPAIR", "BROKEN"):
        typer.echo(f"unknown status {status!r}: ONLINE, OFFLINE, IN_REPAIR or BROKEN", err=True)
        raise typer.Exit(2)
    try:
        r = httpx.post(f"{printing_url.rstrip('/')}/printers/{printer_id}/status",
                       json={"status": status, "reason": reason}, timeout=30,
                       headers={"Authorization": f"Bearer {_token(token, user, 'printer')}"})
    except httpx.HTTPError as exc:
        typer.echo(f"the printing service at {printing_url} does not answer: {exc}", err=True)
        raise typer.Exit(1) from None
    if r.status_code != 200:
        typer.echo(f"HTTP {r.status_code}: {r.text[:300]}", err=True)
        raise typer.Exit(1)
    body = r.json()
    typer.echo(f"printer {printer_id}: {body['status']} ({reason}); "
               f"{body.get('jobs_moved', 0)} jobs moved to other printers")


@app.command("export")
def export(
    out: Annotated[Path, typer.Option(help="Where to write the CSV")] = Path(
        f"progres-ektp-{dt.date.today().isoformat()}.csv"),
    url: UrlOpt = DEFAULT_URL, token: TokenOpt = None, user: UserOpt = getpass.getuser(),
) -> None:
    """Export the progress report (kabupaten, kecamatan, desa) as CSV."""
    r = _get(url, "/reports/progress.csv", _token(token, user, "viewer"))
    out.write_bytes(r.content)
    rows = r.text.count("\n") - 1
    typer.echo(f"{out}: {rows} rows")


