"""``ektp central-sim ...``: drive the simulator's control API from a shell (demos)."""

from __future__ import annotations

import json
from typing import Annotated, Any

import httpx
import typer

app = typer.Typer(help="The national data centre SIMULATOR (development and demos only).",
                  no_args_is_help=True)

Url = Annotated[str, typer.Option(envvar="EKTP_CENTRAL_URL", help="The simulator's address")]
ApiKey = Annotated[str | None, typer.Option(envvar="EKTP_CENTRAL_API_KEY",
                                            help="Its API key, if it has one")]


def _call(method: str, url: str, path: str, api_key: str | None, body: Any = None) -> None:
    headers = {"X-API-Key": api_key} if api_key else {}
    try:
        r = httpx.request(method, url + path, json=body, headers=headers, timeout=300)
    except httpx.HTTPError as exc:
        typer.echo(f"cannot reach the simulator at {url}: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(json.dumps(r.json(), indent=2, ensure_ascii=False))
    if r.status_code >= 400:
        raise typer.Exit(1)


@app.command()
def population(
    size: Annotated[int, typer.Option(help="How many residents")] = 91_344,
    card_share: Annotated[float, typer.Option(help="Share of wajib KTP holding a card")] = 0.88,
    seed: int = 7110,
    url: Url = "http://127.0.0.1:8009",
    api_key: ApiKey = None,
) -> None:
    """Generate a realistic Boltim population at the simulator."""
    _call("POST", url, "/control/population", api_key,
          {"size": size, "card_share": card_share, "seed": seed})


@app.command()
def counters(url: Url = "http://127.0.0.1:8009", api_key: ApiKey = None) -> None:
    """What the simulator received and did."""
    _call("GET", url, "/control/counters", api_key)


@app.command()
def faults(
    down: bool = False,
    latency: float = 0.0,
    error_share: float = 0.0,
    timeout_share: float = 0.0,
    timeout_seconds: float = 30.0,
    partial_batch_share: float = 0.0,
    url: Url = "http://127.0.0.1:8009",
    api_key: ApiKey = None,
) -> None:
    """Replace the fault plan (no options: no faults)."""
    _call("PUT", url, "/control/faults", api_key, {
        "down": down, "latency_seconds": latency, "error_share": error_share,
        "timeout_share": timeout_share, "timeout_seconds": timeout_seconds,
        "partial_batch_share": partial_batch_share})
