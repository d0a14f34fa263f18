"""``ektp sbi-sim run``: the simulated capture device on this PC (development only)."""

from __future__ import annotations

import typer
import uvicorn

from ..config import Settings
from .api import build_app

app = typer.Typer(help="A simulated MOSIP SBI device service (development and tests only).",
                  no_args_is_help=True)


@app.callback()
def main() -> None:
    """A simulated MOSIP SBI device service (development and tests only)."""


@app.command()
def run(port: int = typer.Option(None, help="4501-4600 (default EKTP_SBI_PORT or 4501)")) -> None:
    """Serve MOSIPDISC, MOSIPDINFO, RCAPTURE and STREAM on 127.0.0.1."""
    settings = Settings()
    if port:
        settings = settings.model_copy(update={"port": port})
    # h11: httptools refuses methods it does not know (MOSIPDISC, RCAPTURE...).
    uvicorn.run(build_app(settings), host=settings.host, port=settings.port, http="h11",
            log_level="info")
