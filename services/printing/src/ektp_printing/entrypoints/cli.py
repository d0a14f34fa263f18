"""``ektp printing ...``: print-room commands for the operator's terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ektp_shared.events import CardData

from ..adapters import card_pdf
from ..config import Settings

app = typer.Typer(help="Printing (pencetakan): print-room tools.", no_args_is_help=True)


@app.command("render-card")
def render_card(
    card_json: Annotated[Path, typer.Argument(help="CardData as JSON (as in central.print_ready)")],
    serial: Annotated[str, typer.Option(help="Blank serial to print on the card")] = "CONTOH",
    out: Annotated[Path, typer.Option(help="Folder for the PDF and PNG")] = Path("."),
) -> None:
    """Render one card to PDF and PNG without printing it (to check a layout by eye)."""
    s = Settings()
    try:
        card = CardData.model_validate_json(card_json.read_text())
        face = card_pdf.card_face(card, blank_serial=serial, issue_place=s.issue_place,
                                  issue_date=s.office.today(), provinsi=s.issue_provinsi,
                                  kabupaten=s.office.card_header)
    except (OSError, ValueError) as exc:
        typer.echo(f"cannot render {card_json}: {exc}", err=True)
        raise typer.Exit(2) from exc
    pdf = card_pdf.render_pdf(face)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{serial}.pdf").write_bytes(pdf)
    (out / f"{serial}.png").write_bytes(card_pdf.render_png(pdf))
    typer.echo(f"{out / serial}.pdf and .png written")
