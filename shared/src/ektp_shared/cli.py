"""The ``ektp`` operator command. Services add their sub-commands through the
``ektp.cli`` entry-point group (e.g. ``ektp roster import``), so this package never
imports a service.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated

import typer

from .auth import ROLES, generate_keypair, issue_token
from .config import ServiceSettings, repo_root
from .dlq_cli import dlq_app
from .keys import KeyFileError, KeySettings
from .outbox_cli import app as outbox_app
from .sealed_packet import generate_centre_keypair, generate_sealing_keypair
from .secret_env import ensure_env_file

app = typer.Typer(help="e-KTP office system: operator commands.", no_args_is_help=True)
token_app = typer.Typer(help="Bearer tokens for the local stack.", no_args_is_help=True)
keys_app = typer.Typer(help="The signing keys of the local stack.", no_args_is_help=True)
secrets_app = typer.Typer(help="The passwords docker compose reads (.env).",
                          no_args_is_help=True)
app.add_typer(token_app, name="token")
app.add_typer(keys_app, name="keys")
app.add_typer(secrets_app, name="secrets")
app.add_typer(outbox_app, name="outbox")
app.add_typer(dlq_app, name="dlq")
kafka_app = typer.Typer(help="Kafka: topics, principals and ACLs.", no_args_is_help=True)
app.add_typer(kafka_app, name="kafka")


@kafka_app.command("provision")
def kafka_provision(
    passwords: Annotated[str, typer.Option(
        help="Where the services' passwords come from: `env` (KAFKA_PASSWORD_<SERVICE>, "
             "compose's env file; connects as EKTP_KAFKA_USERNAME) or `local` (make up: the "
             "state dir's password files, as the local admin)")] = "local",
    prefix: Annotated[str | None, typer.Option(
        help="Topic and consumer group prefix (default: the office's, EKTP_TOPIC_PREFIX)")] = None,
) -> None:
    """Create every topic and its DLQ (partitions, replication, retention, message size),
    each service's SCRAM credential and the ACLs of DESIGN section 3. Harmless to repeat."""
    from . import devinfra
    from .kafka_provision import (
        KafkaAdminError,
        TopicSettings,
        passwords_from_env,
        provision,
    )

    s = ServiceSettings()
    try:
        if passwords == "local":
            done = devinfra.provision_local_kafka(prefix)
        elif passwords == "env":
            if not s.kafka_username:
                typer.echo("EKTP_KAFKA_USERNAME (the admin) and its password are needed",
                           err=True)
                raise typer.Exit(2)
            topics = TopicSettings(partitions=s.kafka_partitions,
                                   replication_factor=s.kafka_replication_factor,
                                   retention_days=s.topic_retention_days)
            chosen = s.topic_prefix if prefix is None else prefix
            done = asyncio.run(provision(s.kafka, prefix=chosen, passwords=passwords_from_env(),
                                         topics=topics))
        else:
            typer.echo("--passwords is `env` or `local`", err=True)
            raise typer.Exit(2)
    except KafkaAdminError as exc:
        typer.echo(f"kafka provision: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"{len(done.topics)} topics ({len(done.created_topics)} new), "
               f"{len(done.users)} principals, {len(done.acls)} ACLs")


@keys_app.command("init")
def keys_init() -> None:
    """Create the local stack's keys: token signing (Ed25519), the simulated centre's
    sealing pair and the print room's card-image pair (X25519). Existing keys are kept,
    never overwritten; private keys are 0600 from their first byte."""
    s = KeySettings()
    pairs = (
        ("token keys", generate_keypair, s.jwt_private_key_file, s.jwt_public_key_file),
        ("centre keys", generate_centre_keypair, s.centre_private_key_file,
         s.centre_public_key_file),
        ("print room keys", generate_sealing_keypair, s.print_room_private_key_file,
         s.print_room_public_key_file),
    )
    for label, make, private, public in pairs:
        try:
            said = make(private, public)
        except KeyFileError as exc:
            typer.echo(f"{label}: {exc}", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"{label}: {private}, {public} ({said})")


@token_app.command("issue")
def token_issue(
    user: Annotated[str, typer.Option(help="Who the token is for, e.g. a clerk's login")],
    role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLES)}")],
    hours: Annotated[float | None, typer.Option(
        help="How long the token is valid; by default and at most "
             "EKTP_TOKEN_MAX_TTL_SECONDS (12 h)", show_default=False)] = None,
) -> None:
    """Print a bearer token that every service of the local stack accepts.

    Signs with the existing private key (EKTP_JWT_PRIVATE_KEY_FILE); never makes one."""
    if role not in ROLES:
        typer.echo(f"unknown role {role!r}; choose one of: {', '.join(ROLES)}", err=True)
        raise typer.Exit(2)
    if hours is not None and not hours > 0:
        typer.echo("--hours: a token must be valid for some time (more than 0)", err=True)
        raise typer.Exit(2)
    s = KeySettings()
    longest = dt.timedelta(seconds=s.token_max_ttl_seconds)
    try:
        token = issue_token(
            s.signing_key(), user=user, role=role, issuer=s.jwt_issuer,
            audience=s.jwt_audience, ttl=longest if hours is None else dt.timedelta(hours=hours),
            max_ttl=longest,
        )
    except KeyFileError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    except ValueError as exc:
        typer.echo(f"--hours: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(token)


@secrets_app.command("init")
def secrets_init(
    env_file: Annotated[Path, typer.Option(help="The file docker compose reads")] = (
        repo_root() / ".env"),
) -> None:
    """Write random passwords for docker compose to ENV_FILE (0600). An existing file is
    never rewritten; only the names it lacks are added."""
    written = ensure_env_file(env_file)
    if written:
        typer.echo(f"{env_file}: wrote {', '.join(written)}")
    else:
        typer.echo(f"{env_file}: every secret already set, nothing changed")


def _load_plugins() -> None:
    for ep in entry_points(group="ektp.cli"):
        try:
            app.add_typer(ep.load(), name=ep.name)
        except ImportError as exc:  # a service not installed: its commands are absent
            typer.echo(f"warning: commands of {ep.name} unavailable: {exc}", err=True)


_load_plugins()

if __name__ == "__main__":
    app()
