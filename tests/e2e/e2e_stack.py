"""The six services as real processes on free ports, with topics and databases of the test's
own: the stack the end-to-end test and the demo's smoke test run against. Each service
connects to Kafka as its own principal with the ACLs of DESIGN section 3, as under make up."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
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
    ("dashboard", "ektp_dashboard"),
)


@dataclass
class Stack:
    urls: dict[str, str]
    tokens: dict[str, str]
    http: httpx.AsyncClient
    prefix: str = ""  # of the stack's topics
    databases: dict[str, str] = field(default_factory=dict)  # service -> its database URL
    processes: dict[str, ServiceProcess] = field(default_factory=dict)

    async def call(self, method: str, service: str, path: str, role: str = "supervisor",
                   expect: tuple[int, ...] = (200, 201, 202), **kw: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.tokens[role]}", **kw.pop("headers", {})}
        r = await self.http.request(method, self.urls[service] + path, headers=headers, **kw)
        assert r.status_code in expect, f"{method} {service}{path}: {r.status_code} {r.text}"
        return r.json()

    async def progress(self) -> dict[str, Any]:
        body: dict[str, Any] = await self.call("GET", "dashboard", "/progress", role="viewer")
        return body


ROLES = ("supervisor", "operator", "printer", "storekeeper", "viewer", "admin")


@contextlib.asynccontextmanager
async def running_stack(infra: Any, topic_prefix: str, create_database: Any, make_token: Any,
                        workdir: Path, service_kafka: Any) -> AsyncIterator[Stack]:
    """Start the six services (topics, databases and spool under ``workdir`` of their own),
    wait until each is ready, yield the :class:`Stack`, stop them."""
    prefix = f"{topic_prefix}e2e{uuid.uuid4().hex[:4]}."
    kafka = await service_kafka(prefix)  # topics, DLQs, each service's principal and ACLs
    ports = dict(zip((name for name, _ in SERVICES), free_ports(len(SERVICES)), strict=True))
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
    }
    procs = []
    databases: dict[str, str] = {}
    try:
        for name, package in SERVICES:
            databases[name] = await create_database(name.replace("-", "_"))
            env = {
                "EKTP_SERVICE_NAME": name, "EKTP_HTTP_PORT": str(ports[name]),
                "EKTP_DATABASE_URL": databases[name],
                "EKTP_KAFKA_BOOTSTRAP": infra.kafka_bootstrap, "EKTP_TOPIC_PREFIX": prefix,
                "EKTP_KAFKA_USERNAME": kafka[name].username or "",
                "EKTP_KAFKA_PASSWORD": kafka[name].password or "",
                **extra.get(name, {}),
            }
            procs.append(ServiceProcess(
                ["-m", "uvicorn", "--factory", f"{package}.entrypoints.api:build_app",
                 "--host", "127.0.0.1", "--port", str(ports[name]), "--no-access-log"],
                env, workdir / "logs" / f"{name}.log").start())
        for (name, _), proc in zip(SERVICES, procs, strict=True):
            await asyncio.to_thread(proc.wait_http, urls[name] + "/readyz", 180)
        tokens = {role: make_token(user=f"e2e-{role}", role=role, ttl_minutes=60)
                  for role in ROLES}
        async with httpx.AsyncClient(timeout=60) as http:
            yield Stack(urls, tokens, http, prefix, databases,
                        dict(zip((name for name, _ in SERVICES), procs, strict=True)))
    finally:
        for proc in reversed(procs):
            proc.terminate()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def stack(infra, topic_prefix, create_database, jwt_keys, centre_keys, print_room_keys,
                make_token, tmp_path_factory, service_kafka):
    """One stack per test module (its tests share the services and their data)."""
    async with running_stack(infra, topic_prefix, create_database, make_token,
                             tmp_path_factory.mktemp("stack"), service_kafka) as running:
        yield running
