"""``ektp central-sim ...``: drive the simulator's control API from a shell (demos)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, Protocol, TypeVar

import httpx
import typer

from ektp_client_central_sim.api.control_simulator_only import (
    get_counters,
    make_population,
    put_faults,
)
from ektp_client_central_sim.client import Client
from ektp_client_central_sim.models import FaultsIn, PopulationIn
from ektp_shared.answers import Answer, ProblemLike, Refused, expect

app = typer.Typer(help="The national data centre SIMULATOR (development and demos only).",
                  no_args_is_help=True)

Url = Annotated[str, typer.Option(envvar="EKTP_CENTRAL_URL", help="The simulator's address")]
ApiKey = Annotated[str | None, typer.Option(envvar="EKTP_CENTRAL_API_KEY",
                                            help="Its API key, if it has one")]


class _Model(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


M = TypeVar("M", bound=_Model)


def _client(url: str, api_key: str | None) -> Client:
    return Client(base_url=url, headers={"X-API-Key": api_key} if api_key else {},
                  timeout=httpx.Timeout(300))


def _show(url: str, call: Callable[[], Answer[M | ProblemLike]]) -> M:
    """Print the simulator's answer as JSON (a refusal too, then fail)."""
    try:
        answer = expect(call())
    except httpx.HTTPError as exc:
        typer.echo(f"cannot reach the simulator at {url}: {exc}", err=True)
        raise typer.Exit(1) from exc
    except Refused as refused:
        try:
            shown: Any = json.loads(refused.text)
        except ValueError:
            shown = refused.text
        typer.echo(json.dumps(shown, indent=2, ensure_ascii=False))
        raise typer.Exit(1) from None
    typer.echo(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
    return answer


@app.command()
def population(
    kabupaten: Annotated[str | None, typer.Option(
        help="Kemendagri code (default: the simulator's own)")] = None,
    size: Annotated[int | None, typer.Option(
        help="How many residents (default: the kabupaten's, DKB 2024)")] = None,
    card_share: Annotated[float, typer.Option(help="Share of wajib KTP holding a card")] = 0.88,
    seed: Annotated[int | None, typer.Option(help="default: the kabupaten's code")] = None,
    url: Url = "http://127.0.0.1:8009",
    api_key: ApiKey = None,
) -> None:
    """Generate a realistic population of a kabupaten/kota at the simulator."""
    with _client(url, api_key) as c:
        _show(url, lambda: make_population.sync_detailed(client=c, body=PopulationIn(
            kabupaten=kabupaten, size=size, card_share=card_share, seed=seed)))


@app.command()
def counters(url: Url = "http://127.0.0.1:8009", api_key: ApiKey = None) -> None:
    """What the simulator received and did."""
    with _client(url, api_key) as c:
        _show(url, lambda: get_counters.sync_detailed(client=c))


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
    with _client(url, api_key) as c:
        _show(url, lambda: put_faults.sync_detailed(client=c, body=FaultsIn(
            down=down, latency_seconds=latency, error_share=error_share,
            timeout_share=timeout_share, timeout_seconds=timeout_seconds,
            partial_batch_share=partial_batch_share)))
