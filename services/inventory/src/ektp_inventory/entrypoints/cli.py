"""``ektp inventory ...``: the storekeeper's commands, over the service's HTTP API."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
import uuid
from pathlib import Path
from typing import Annotated, Any, NoReturn

import httpx
import typer

from ektp_client_inventory.api.receipts import post_receipt, upload_receipt
from ektp_client_inventory.api.reports import get_reconciliation
from ektp_client_inventory.api.stock import get_stock
from ektp_client_inventory.client import AuthenticatedClient
from ektp_client_inventory.models import BodyUploadReceipt, Range, ReceiptIn
from ektp_client_inventory.models.get_reconciliation_format import (
    check_get_reconciliation_format,
)
from ektp_client_inventory.types import UNSET, File
from ektp_shared.answers import Refused, expect, refusal

app = typer.Typer(help="The blank-card store (blangko): receipts, stock, reports.",
                  no_args_is_help=True)

UrlOpt = Annotated[str, typer.Option(envvar="EKTP_INVENTORY_URL", help="Inventory service URL")]
TokenOpt = Annotated[str, typer.Option(envvar="EKTP_TOKEN",
                                       help="Bearer token (ektp token issue ...)")]
DEFAULT_URL = "http://127.0.0.1:8004"

# Tests swap in an httpx transport (an in-process app or a mock).
transport: httpx.BaseTransport | None = None


def _client(url: str, token: str) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=url, token=token, timeout=httpx.Timeout(120),
                               httpx_args={"transport": transport} if transport else {})


def _refused(refused: Refused) -> NoReturn:
    if refused.title is not None or refused.detail is not None:
        typer.echo(f"error {refused.status}: {refused.title}: {refused.detail}", err=True)
    else:
        typer.echo(f"error {refused.status}: {refused.text[:500]}", err=True)
    raise typer.Exit(1)


def _echo(answer: dict[str, Any]) -> None:
    typer.echo(json.dumps(answer, indent=2))


def _range(text: str) -> Range:
    first, sep, last = text.partition("..")
    if not sep or not first or not last:
        raise typer.BadParameter(f"{text!r}: write a range as FIRST..LAST")
    return Range(first=first, last=last)


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
    try:
        with _client(url, token) as c:
            if file:
                answer = expect(upload_receipt.sync_detailed(
                    client=c, idempotency_key=key, body=BodyUploadReceipt(
                        file=File(payload=io.BytesIO(file.read_bytes()), file_name=file.name,
                                  mime_type="text/plain"),
                        letter_number=letter_number, letter_date=letter_date.date(),
                        quantity=quantity or UNSET, batch_reference=batch_reference or UNSET)))
            else:
                answer = expect(post_receipt.sync_detailed(
                    client=c, idempotency_key=key, body=ReceiptIn(
                        letter_number=letter_number, letter_date=letter_date.date(),
                        ranges=[_range(x) for x in range_ or []],
                        quantity=quantity or UNSET, batch_reference=batch_reference or UNSET)))
    except Refused as refused:
        _refused(refused)
    _echo(answer.to_dict())


@app.command()
def stock(url: UrlOpt = DEFAULT_URL, token: TokenOpt = "") -> None:
    """Blanks by state and location."""
    with _client(url, token) as c:
        try:
            _echo(expect(get_stock.sync_detailed(client=c)).to_dict())
        except Refused as refused:
            _refused(refused)


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
        # The generator reads one representation per answer (the JSON one): the CSV and PDF
        # of the same operation are fetched with its request and read as bytes.
        r = c.get_httpx_client().request(**get_reconciliation._get_kwargs(
            from_=start.date(), to=end.date(), format_=check_get_reconciliation_format(format)))
        if r.status_code >= 400:
            _refused(refusal(get_reconciliation._build_response(client=c, response=r)))
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
