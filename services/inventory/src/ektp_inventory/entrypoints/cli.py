"""``ektp inventory ...``: the storekeeper's commands, over the service's HTTP API."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import uuid
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer

app = typer.Typer(help="The blank-card store (blangko): receipts, stock, reports.",
                  no_args_is_help=True)

UrlOpt = Annotated[str, typer.Option(envvar="EKTP_INVENTORY_URL", help="Inventory service URL")]
TokenOpt = Annotated[str, typer.Option(envvar="EKTP_TOKEN",
                                       help="Bearer token (ektp token issue ...)")]
DEFAULT_URL = "http://127.0.0.1:8004"

# Tests swap in an httpx transport (an in-process app or a mock).
transport: httpx.BaseTransport | None = None


def _client(url: str, token: str) -> httpx.Client:
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"},
                        timeout=120, transport=transport)


def _answer(r: httpx.Response) -> Any:
    if r.status_code >= 400:
        try:
            doc = r.json()
            typer.echo(f"error {r.status_code}: {doc.get('title')}: {doc.get('detail')}",
                       err=True)
        except ValueError:
            typer.echo(f"error {r.status_code}: {r.text[:500]}", err=True)
        raise typer.Exit(1)
    return r.json() if r.headers.get("content-type", "").startswith("application/json") else r


def _range(text: str) -> dict[str, str]:
    first, sep, last = text.partition("..")
    if not sep or not first or not last:
        raise typer.BadParameter(f"{text!r}: write a range as FIRST..LAST")
    return {"first": first, "last": last}


@app.command()
def receive(
    letter_number: Annotated[str, typer.Option(help="Nomor surat from the ministry")],
    letter_date: Annotated[dt.datetime, typer.Option(formats=["%Y-%m-%d"])],
    range_: Annotated[list[str] | None, typer.Option("--range", help="FIRST..LAST")] = None,
    file: Annotated[Path | None, typer.Option(help="File of chip UIDs, one per line")] = None,
    quantity: Annotated[int | None, typer.Option(help="The quantity the letter states")] = None,
    batch_reference: Annotated[str | None, typer.Option()] = None,
    url: UrlOpt = DEFAULT_URL,
    token: TokenOpt = "",
) -> None:
    """Record a shipment of blanks (serial ranges or a file of chip UIDs)."""
    if bool(range_) == bool(file):
        raise typer.BadParameter("give --range (one or more) or --file, not both")
    key = str(uuid.uuid4())  # one key per command run: a network retry cannot receive twice
    with _client(url, token) as c:
        if file:
            form = {"letter_number": letter_number, "letter_date": letter_date.date().isoformat()}
            if quantity:
                form["quantity"] = str(quantity)
            if batch_reference:
                form["batch_reference"] = batch_reference
            r = c.post("/receipts/upload", data=form, headers={"Idempotency-Key": key},
                       files={"file": (file.name, file.read_bytes(), "text/plain")})
        else:
            body: dict[str, Any] = {
                "letter_number": letter_number, "letter_date": letter_date.date().isoformat(),
                "ranges": [_range(x) for x in range_ or []],
            }
            if quantity:
                body["quantity"] = quantity
            if batch_reference:
                body["batch_reference"] = batch_reference
            r = c.post("/receipts", json=body, headers={"Idempotency-Key": key})
    typer.echo(json.dumps(_answer(r), indent=2))


@app.command()
def stock(url: UrlOpt = DEFAULT_URL, token: TokenOpt = "") -> None:
    """Blanks by state and location."""
    with _client(url, token) as c:
        typer.echo(json.dumps(_answer(c.get("/stock")), indent=2))


@app.command()
def report(
    start: Annotated[dt.datetime, typer.Option("--from", formats=["%Y-%m-%d"])],
    end: Annotated[dt.datetime, typer.Option("--to", formats=["%Y-%m-%d"])],
    format: Annotated[str, typer.Option(help="json, csv or pdf")] = "csv",
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout")] = None,
    url: UrlOpt = DEFAULT_URL,
    token: TokenOpt = "",
) -> None:
    """The reconciliation report for a period."""
    if format not in ("json", "csv", "pdf"):
        raise typer.BadParameter("format is json, csv or pdf")
    with _client(url, token) as c:
        r = c.get("/reports/reconciliation", params={
            "from": start.date().isoformat(), "to": end.date().isoformat(), "format": format})
    _answer(r)
    if out is not None:
        out.write_bytes(r.content)
        typer.echo(f"written {out}")
    elif format == "pdf":
        sys.stdout.buffer.write(r.content)
    else:
        typer.echo(r.text)


if __name__ == "__main__":
    os.environ.setdefault("EKTP_INVENTORY_URL", DEFAULT_URL)
    app()
