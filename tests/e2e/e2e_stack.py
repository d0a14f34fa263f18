"""The eight services as real processes on free ports, with topics and databases of the test's
own: the stack the end-to-end test and the demo's smoke test run against. Each service
connects to Kafka as its own principal with the ACLs of DESIGN section 3, as under make up.

``replicas`` starts several instances of a service (issue 13), each on its own port, against
the same database and consumer group; the test's calls go to the first instance that
answers, as a load balancer in front of them would."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest_asyncio

from ektp_shared.testing.processes import ServiceProcess
from ektp_shared.testing.resources import free_ports

SERVICES = (
    ("central-sim", "ektp_central_sim"), ("enrollment", "ektp_enrollment"),
    ("sync", "ektp_sync"), ("printing", "ektp_printing"), ("inventory", "ektp_inventory"),
    ("dashboard", "ektp_dashboard"), ("accounts", "ektp_accounts"), ("web", "ektp_web"),
)
ROLES = ("supervisor", "operator", "printer", "storekeeper", "viewer", "admin")
PASSWORD = "e2e-kata-sandi-2026"


async def sign_in_staff(http: httpx.AsyncClient, accounts_url: str, dsn: str) -> dict[str, str]:
    """As the office starts: the first admin from `ektp accounts create-admin`, who makes
    one account per role; each clerk signs in and works with the token it is given."""
    from ektp_accounts.entrypoints.cli import create_admin

    await create_admin(dsn, username="e2e-admin", name="Admin", password=PASSWORD, force=False)

    async def token(username: str, role: str | None = None) -> str:
        r = await http.post(f"{accounts_url}/sign-in", json={
            "username": username, "password": PASSWORD, **({"role": role} if role else {})})
        assert r.status_code == 200, r.text
        value: str = r.json()["access_token"]
        return value

    tokens = {"admin": await token("e2e-admin")}
    admin = {"Authorization": f"Bearer {tokens['admin']}"}
    for role in ROLES[:-1]:
        r = await http.post(f"{accounts_url}/users", headers=admin, json={
            "username": f"e2e-{role}", "name": f"E2E {role}", "roles": [role],
            "password": PASSWORD})
        assert r.status_code == 201, r.text
        tokens[role] = await token(f"e2e-{role}")
    return tokens


@dataclass
class Stack:
    urls: dict[str, str]
    tokens: dict[str, str]
    http: httpx.AsyncClient
    prefix: str = ""  # of the stack's topics
    databases: dict[str, str] = field(default_factory=dict)  # service -> its database URL
    processes: dict[str, ServiceProcess] = field(default_factory=dict)  # the first instances
    # every instance of each service, and its URL (the first is urls[service])
    instances: dict[str, list[ServiceProcess]] = field(default_factory=dict)
    instance_urls: dict[str, list[str]] = field(default_factory=dict)

    async def call(self, method: str, service: str, path: str, role: str = "supervisor",
                   expect: tuple[int, ...] = (200, 201, 202), **kw: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.tokens[role]}", **kw.pop("headers", {})}
        urls = self.instance_urls.get(service) or [self.urls[service]]
        for i, url in enumerate(urls):
            try:
                r = await self.http.request(method, url + path, headers=headers, **kw)
                break
            except httpx.ConnectError:  # that instance is down: nothing was sent, try the next
                if i == len(urls) - 1:
                    raise
        assert r.status_code in expect, f"{method} {service}{path}: {r.status_code} {r.text}"
        return r.json()

    async def progress(self, *, live: bool = True) -> dict[str, Any]:
        """The dashboard's /progress; ``live=False``: its own counted figures only (without
        asking sync, inventory and printing for theirs, which count over their tables)."""
        body: dict[str, Any] = await self.call("GET", "dashboard", "/progress", role="viewer",
                                               params={"live": str(live).lower()})
        return body


@contextlib.asynccontextmanager
async def running_stack(infra: Any, topic_prefix: str, create_database: Any, make_token: Any,
                        workdir: Path, service_kafka: Any,
                        overrides: dict[str, dict[str, str]] | None = None,
                        office_env: dict[str, str] | None = None,
                        replicas: Mapping[str, int] | None = None) -> AsyncIterator[Stack]:
    """Start the eight services (topics, databases and spool under ``workdir`` of their own),
    wait until each is ready, yield the :class:`Stack`, stop them. ``overrides``: more
    environment per service (bench/office_pipeline.py: a centre with no verdict delay);
    ``office_env`` (e.g. ``{"EKTP_KABUPATEN": "71.74"}``) goes to every service: another
    office. ``replicas``: how many instances of a service (default one each)."""
    prefix = f"{topic_prefix}e2e{uuid.uuid4().hex[:4]}."
    kafka = await service_kafka(prefix)  # topics, DLQs, each service's principal and ACLs
    counts = {name: max(1, (replicas or {}).get(name, 1)) for name, _ in SERVICES}
    free = iter(free_ports(sum(counts.values())))
    all_ports = {name: [next(free) for _ in range(n)] for name, n in counts.items()}
    ports = {name: p[0] for name, p in all_ports.items()}
    urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    extra = {
        "central-sim": {"EKTP_VERDICT_DELAY_SECONDS": "1"},
        "sync": {"EKTP_CENTRAL_URL": urls["central-sim"], "EKTP_VERDICT_POLL_SECONDS": "1",
                 "EKTP_SENDER_IDLE_SECONDS": "0.2", "EKTP_ROSTER_INTERVAL_SECONDS": "3600"},
        "printing": {"EKTP_SPOOL_DIR": str(workdir / "spool")},
        "dashboard": {"EKTP_ENROLLMENT_URL": urls["enrollment"], "EKTP_SYNC_URL": urls["sync"],
                      "EKTP_PRINTING_URL": urls["printing"],
                      "EKTP_INVENTORY_URL": urls["inventory"],
                      "EKTP_REMOTE_CACHE_SECONDS": "0"},
        # Tokens live an hour here, so that a long run needs no refresh; cheap hashing.
        "accounts": {"EKTP_ACCESS_TOKEN_MINUTES": "60", "EKTP_ARGON2_TIME_COST": "1",
                     "EKTP_ARGON2_MEMORY_KIB": "1024", "EKTP_ARGON2_PARALLELISM": "1"},
        "web": {"EKTP_ACCOUNTS_URL": urls["accounts"], "EKTP_ENROLLMENT_URL": urls["enrollment"]},
    }
    procs: list[tuple[str, ServiceProcess]] = []
    instances: dict[str, list[ServiceProcess]] = {}
    databases: dict[str, str] = {}
    try:
        for name, package in SERVICES:
            databases[name] = await create_database(name.replace("-", "_"))
            for n, port in enumerate(all_ports[name], start=1):
                env = {
                    "EKTP_SERVICE_NAME": name, "EKTP_HTTP_PORT": str(port),
                    "EKTP_DATABASE_URL": databases[name],
                    "EKTP_KAFKA_BOOTSTRAP": infra.kafka_bootstrap, "EKTP_TOPIC_PREFIX": prefix,
                    "EKTP_KAFKA_USERNAME": kafka[name].username or "",
                    "EKTP_KAFKA_PASSWORD": kafka[name].password or "",
                    **extra.get(name, {}), **(office_env or {}),
                    **(overrides or {}).get(name, {}),
                }
                log_name = name if n == 1 else f"{name}-{n}"
                proc = ServiceProcess(
                    ["-m", "uvicorn", "--factory", f"{package}.entrypoints.api:build_app",
                     "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
                    env, workdir / "logs" / f"{log_name}.log").start()
                procs.append((f"http://127.0.0.1:{port}", proc))
                # Instances migrate at once safely (an advisory lock: migrations_env).
                instances.setdefault(name, []).append(proc)
        for url, proc in procs:
            await asyncio.to_thread(proc.wait_http, url + "/readyz", 180)
        async with httpx.AsyncClient(timeout=60) as http:
            tokens = await sign_in_staff(http, urls["accounts"], databases["accounts"])
            yield Stack(urls, tokens, http, prefix, databases,
                        {name: p[0] for name, p in instances.items()}, instances,
                        {name: [f"http://127.0.0.1:{port}" for port in p]
                         for name, p in all_ports.items()})
    finally:
        for _, proc in reversed(procs):
            proc.terminate()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def stack(infra, topic_prefix, create_database, jwt_keys, centre_keys, print_room_keys,
                make_token, tmp_path_factory, service_kafka):
    """One stack per test module (its tests share the services and their data)."""
    async with running_stack(infra, topic_prefix, create_database, make_token,
                             tmp_path_factory.mktemp("stack"), service_kafka) as running:
        yield running
