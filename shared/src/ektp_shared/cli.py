"""The ``ektp`` operator command. Services add their sub-commands through the
``ektp.cli`` entry-point group (e.g. ``ektp roster import``), so this package never
imports a service.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from importlib.metadata import entry_points
from typing import Annotated

import typer

from .auth import ROLES, generate_keypair, issue_token
from .config import ServiceSettings
from .dlq_cli import dlq_app
from .outbox_cli import app as outbox_app
from .sealed_packet import generate_centre_keypair, generate_sealing_keypair

app = typer.Typer(help="e-KTP office system: operator commands.", no_args_is_help=True)
token_app = typer.Typer(help="Bearer tokens for the local stack.", no_args_is_help=True)
keys_app = typer.Typer(help="The signing keys of the local stack.", no_args_is_help=True)
app.add_typer(token_app, name="token")
app.add_typer(keys_app, name="keys")
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
    prefix: Annotated[str, typer.Option(help="Topic and consumer group prefix")] = "",
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
            done = asyncio.run(provision(s.kafka, prefix=prefix, passwords=passwords_from_env(),
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
    sealing pair and the print room's card-image pair (X25519). Existing keys are kept."""
    s = ServiceSettings()
    generate_keypair(s.jwt_private_key_file, s.jwt_public_key_file)
    generate_centre_keypair(s.centre_private_key_file, s.centre_public_key_file)
    typer.echo(f"token keys:  {s.jwt_private_key_file}, {s.jwt_public_key_file}")
    generate_sealing_keypair(s.print_room_private_key_file, s.print_room_public_key_file)
    typer.echo(f"centre keys: {s.centre_private_key_file}, {s.centre_public_key_file}")
    typer.echo(f"print room keys: {s.print_room_private_key_file}, "
               f"{s.print_room_public_key_file}")


@token_app.command("issue")
def token_issue(
    user: Annotated[str, typer.Option(help="Who the token is for, e.g. a clerk's login")],
    role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLES)}")],
    hours: Annotated[float, typer.Option(help="How long the token is valid")] = 12.0,
) -> None:
    """Print a bearer token that every service of the local stack accepts."""
    if role not in ROLES:
        typer.echo(f"unknown role {role!r}; choose one of: {', '.join(ROLES)}", err=True)
        raise typer.Exit(2)
    s = ServiceSettings()
    if not s.jwt_private_key_file.is_file():
        generate_keypair(s.jwt_private_key_file, s.jwt_public_key_file)
    token = issue_token(
        s.jwt_private_key_file.read_bytes(), user=user, role=role, issuer=s.jwt_issuer,
        audience=s.jwt_audience, ttl=dt.timedelta(hours=hours),
    )
    typer.echo(token)


def _load_plugins() -> None:
    for ep in entry_points(group="ektp.cli"):
        try:
            app.add_typer(ep.load(), name=ep.name)
        except ImportError as exc:  # a service not installed: its commands are absent
            typer.echo(f"warning: commands of {ep.name} unavailable: {exc}", err=True)


_load_plugins()

if __name__ == "__main__":
    app()
