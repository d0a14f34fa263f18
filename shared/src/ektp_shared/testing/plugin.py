"""pytest plugin (``-p ektp_shared.testing.plugin``): the real infrastructure as fixtures.

By default the fixtures start Kafka and PostgreSQL as local processes (the same manager as
``make infra-up``; already running ones are reused). With ``EKTP_TEST_INFRA=testcontainers``
on a machine with a Docker engine they run in containers instead.

Every test session gets its own topic prefix and its own databases, so sessions never see
each other's data, and a test may stop and restart the local broker.

Kafka asks for credentials and creates no topic by use: the session connects as the broker's
admin (``EKTP_KAFKA_USERNAME``/``EKTP_KAFKA_PASSWORD`` are set for every settings object and
child process of the session; ``infra.kafka`` for direct clients), the ``topic_prefix``
fixture provisions the office's topics under its prefix, and a test with topics of its own
creates them (``ektp_shared.testing.kafka.create_topics``). ``service_kafka`` provisions a
prefix with the services' own principals and ACLs, to test what a service may do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from ektp_shared.auth import generate_keypair, issue_token
from ektp_shared.config import TokenSettings
from ektp_shared.devinfra import InfraEndpoints
from ektp_shared.kafka import KafkaAccess
from ektp_shared.sealed_packet import generate_centre_keypair, generate_sealing_keypair
from ektp_shared.testing.oidc import Provider
from ektp_shared.testing.resources import (
    create_service_database,
    drop_databases,
    free_ports,
    migration_url_for_tests,
)


@pytest.fixture(scope="session")
def infra() -> Iterator[InfraEndpoints]:
    from ektp_shared import devinfra

    if os.environ.get("EKTP_TEST_INFRA") == "testcontainers":
        endpoints, stop = devinfra.testcontainers_infra()
        try:
            yield endpoints
        finally:
            stop()
    else:
        endpoints = devinfra.ensure_local_infra()
        if endpoints.kafka_admin_username and endpoints.kafka_admin_password:
            os.environ["EKTP_KAFKA_USERNAME"] = endpoints.kafka_admin_username
            os.environ["EKTP_KAFKA_PASSWORD"] = endpoints.kafka_admin_password
        yield endpoints


@pytest.fixture(scope="session")
def topic_prefix(infra: InfraEndpoints) -> str:
    """The session's topic prefix, its office topics (and DLQs) provisioned."""
    from ektp_shared.devinfra import _run_coro
    from ektp_shared.kafka_provision import provision

    prefix = f"t{uuid.uuid4().hex[:8]}."
    _run_coro(lambda: provision(infra.kafka, prefix=prefix, services=()))
    return prefix


@pytest.fixture(scope="session")
def provision_kafka(infra: InfraEndpoints) -> Callable[[str], Awaitable[object]]:
    """``await provision_kafka(prefix)``: the office's topics and DLQs under ``prefix``
    (no ACLs: the session is the admin)."""
    from ektp_shared.kafka_provision import provision

    def run(prefix: str) -> Awaitable[object]:
        return provision(infra.kafka, prefix=prefix, services=())

    return run


@pytest.fixture(scope="session")
def service_kafka(infra: InfraEndpoints) -> Callable[[str], Awaitable[dict[str, KafkaAccess]]]:
    """``await service_kafka(prefix)``: topics under ``prefix`` with every service's own
    principal and ACLs, as make up provisions them; returns each service's access
    (``{"enrollment": KafkaAccess(...)}``). The passwords are the local stack's (its state
    dir), so a running ``make up`` is not disturbed."""
    from ektp_shared import devinfra
    from ektp_shared.kafka_provision import SERVICE_TOPICS, provision

    if not infra.kafka_admin_username:
        pytest.skip("the broker asks for no credentials (testcontainers)")

    async def run(prefix: str) -> dict[str, KafkaAccess]:
        passwords = {s.principal: devinfra.kafka_secret(s.principal) for s in SERVICE_TOPICS}
        await provision(infra.kafka, prefix=prefix, passwords=passwords)
        return {s.service: infra.kafka.as_user(s.principal, passwords[s.principal])
                for s in SERVICE_TOPICS}

    return run


@pytest.fixture(scope="session")
def jwt_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    directory = tmp_path_factory.mktemp("keys")
    private, public = directory / "jwt.pem", directory / "jwt.pub.pem"
    generate_keypair(private, public)
    os.environ["EKTP_JWT_PRIVATE_KEY_FILE"] = str(private)
    os.environ["EKTP_JWT_PUBLIC_KEY_FILE"] = str(public)
    return private, public


@pytest.fixture(scope="session")
def centre_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The simulated centre's sealing key pair (private, public), also set in the env."""
    directory = tmp_path_factory.mktemp("centre")
    private, public = directory / "centre.key", directory / "centre.pub"
    generate_centre_keypair(private, public)
    os.environ["EKTP_CENTRE_PRIVATE_KEY_FILE"] = str(private)
    os.environ["EKTP_CENTRE_PUBLIC_KEY_FILE"] = str(public)
    return private, public


@pytest.fixture(scope="session")
def print_room_keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The print room's card-image key pair (private, public), also set in the env."""
    directory = tmp_path_factory.mktemp("print_room")
    private, public = directory / "print_room.key", directory / "print_room.pub"
    generate_sealing_keypair(private, public)
    os.environ["EKTP_PRINT_ROOM_PRIVATE_KEY_FILE"] = str(private)
    os.environ["EKTP_PRINT_ROOM_PUBLIC_KEY_FILE"] = str(public)
    return private, public


@pytest.fixture(scope="session")
def make_token(jwt_keys: tuple[Path, Path]) -> Callable[..., str]:
    private = jwt_keys[0].read_bytes()

    def make(user: str = "tester", role: str = "supervisor", ttl_minutes: float = 60) -> str:
        return issue_token(
            private, user=user, role=role, issuer=TokenSettings().jwt_issuer, audience="ektp",
            ttl=dt.timedelta(minutes=ttl_minutes),
        )

    return make


@pytest.fixture(scope="session")
def auth_header(make_token: Callable[..., str]) -> Callable[..., dict[str, str]]:
    def header(role: str = "supervisor", user: str = "tester") -> dict[str, str]:
        return {"Authorization": f"Bearer {make_token(user=user, role=role)}"}

    return header


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def create_database(
    infra: InfraEndpoints,
) -> AsyncIterator[Callable[[str], Awaitable[str]]]:
    """``await create_database("enrollment")`` -> the DSN of a new, empty database, for the
    service role; the owner role migrates it (``EKTP_MIGRATION_DATABASE_URL``, set here for
    every service of the session, in process or not). ``testing.resources.owner_dsn(dsn)``
    gives the owner's DSN to a test that needs it."""
    created: list[str] = []
    os.environ["EKTP_MIGRATION_DATABASE_URL"] = migration_url_for_tests(infra.postgres_admin_dsn)

    async def create(label: str) -> str:
        dsn = await create_service_database(infra.postgres_admin_dsn, label)
        created.append(dsn)
        return dsn

    yield create

    if not os.environ.get("EKTP_TEST_KEEP_DATABASES"):
        await drop_databases(infra.postgres_admin_dsn, created)


class PrivateKafka:
    """A single-node broker of a test's own, on free ports and in its own state folder, so
    that an outage test can stop and start it without disturbing the shared broker. Its
    admin has the shared broker's password, so the session's credentials fit both."""

    def __init__(self, state: Path, admin: KafkaAccess | None = None) -> None:
        self.state = state
        self.port, self.controller_port = free_ports(2)
        self.bootstrap = f"127.0.0.1:{self.port}"
        self.kafka = KafkaAccess(self.bootstrap, admin.username if admin else None,
                                 admin.password if admin else None)
        if admin is not None and admin.password:
            from ektp_shared.devinfra import write_secret_file

            secrets = state / "secrets" / "kafka"
            secrets.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_secret_file(secrets / f"{admin.username}.password", admin.password)

    @contextlib.contextmanager
    def _env(self) -> Iterator[None]:
        saved = {k: os.environ.get(k) for k in _PRIVATE_ENV}
        os.environ.update({
            "EKTP_STATE_DIR": str(self.state),
            "EKTP_KAFKA_PORT": str(self.port),
            "EKTP_KAFKA_CONTROLLER_PORT": str(self.controller_port),
            "EKTP_KAFKA_BROKERS": "1",  # a private broker is one node, whatever the shell says
        })
        try:
            yield
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    def start(self) -> None:
        from ektp_shared import devinfra

        with self._env():
            devinfra.start_kafka()

    def stop(self) -> None:
        from ektp_shared import devinfra

        with self._env():
            devinfra.stop_kafka()

    def running(self) -> bool:
        from ektp_shared import devinfra

        with self._env():
            return devinfra.kafka_running()


_PRIVATE_ENV = ("EKTP_STATE_DIR", "EKTP_KAFKA_PORT", "EKTP_KAFKA_CONTROLLER_PORT",
                "EKTP_KAFKA_BROKERS")


@pytest.fixture
def oidc_provider() -> Iterator[Provider]:
    """An OpenID Connect provider's JWKS on 127.0.0.1 (``.url``) with one RS256 key
    ``rsa-1``; ``.token(kid, roles=[...])`` signs a token as Keycloak would."""
    with Provider() as provider:
        provider.add_key("rsa-1", "RS256")
        yield provider


@pytest.fixture(scope="session")
def private_kafka(
    infra: InfraEndpoints, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PrivateKafka]:
    """A broker the test may stop (``.stop()``) and start (``.start()``); ``.bootstrap``."""
    if os.environ.get("EKTP_TEST_INFRA") == "testcontainers":
        pytest.skip("needs local broker processes; not applicable to testcontainers")
    broker = PrivateKafka(tmp_path_factory.mktemp("private-kafka"), infra.kafka)
    broker.start()
    try:
        yield broker
    finally:
        broker.stop()


def pytest_configure(config: pytest.Config) -> None:
    # Every answer an in-process test gets must be one its OpenAPI document declares.
    from ektp_shared.testing.contract import watch_asgi_transport

    watch_asgi_transport()
