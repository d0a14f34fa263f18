"""The office for the web app's tests: every service (the centre's simulator too) and the web
app as real processes on free ports (databases, topics and a spool of their own), with staff
made through accounts as the office does it (`ektp accounts create-admin`, then POST /users)."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from ektp_shared.testing.processes import ServiceProcess
from ektp_shared.testing.resources import free_ports

PASSWORD = "kata-sandi-uji-2026"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# username -> roles
STAFF = {
    "rina": ["operator"], "joko": ["printer"], "hendra": ["operator", "supervisor"],
    "lupa": ["operator"], "sari": ["storekeeper"], "dewi": ["operator"], "kepala": ["viewer"],
}
PACKAGES = {"accounts": "ektp_accounts", "central-sim": "ektp_central_sim",
            "enrollment": "ektp_enrollment", "sync": "ektp_sync", "printing": "ektp_printing",
            "inventory": "ektp_inventory", "dashboard": "ektp_dashboard", "web": "ektp_web"}
# The web app's setting for each service behind its screens.
WEB_URLS = {"accounts": "EKTP_ACCOUNTS_URL", "enrollment": "EKTP_ENROLLMENT_URL",
            "sync": "EKTP_SYNC_URL", "printing": "EKTP_PRINTING_URL",
            "inventory": "EKTP_INVENTORY_URL", "dashboard": "EKTP_DASHBOARD_URL"}


def web_env(urls: dict[str, str]) -> dict[str, str]:
    return {setting: urls[name] for name, setting in WEB_URLS.items()}


@dataclass
class Office:
    urls: dict[str, str]
    admin_token: str
    workdir: Path
    processes: dict[str, ServiceProcess] = field(default_factory=dict)
    topic_prefix: str = ""  # to publish what another service would (a spoiled blank)
    databases: dict[str, str] = field(default_factory=dict)  # each service's own, by name


@pytest_asyncio.fixture(scope="package", loop_scope="session")
async def office(infra, topic_prefix, create_database, jwt_keys, centre_keys, print_room_keys,
                 service_kafka, tmp_path_factory) -> AsyncIterator[Office]:
    from ektp_accounts.entrypoints.cli import create_admin

    workdir = tmp_path_factory.mktemp("office")
    prefix = f"{topic_prefix}web{uuid.uuid4().hex[:4]}."
    kafka = await service_kafka(prefix)
    ports = dict(zip(PACKAGES, free_ports(len(PACKAGES)), strict=True))
    urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    extra = {
        "accounts": {"EKTP_ACCESS_TOKEN_MINUTES": "60", "EKTP_ARGON2_TIME_COST": "1",
                     "EKTP_ARGON2_MEMORY_KIB": "1024", "EKTP_ARGON2_PARALLELISM": "1"},
        "central-sim": {"EKTP_VERDICT_DELAY_SECONDS": "1"},
        "sync": {"EKTP_CENTRAL_URL": urls["central-sim"], "EKTP_VERDICT_POLL_SECONDS": "1",
                 "EKTP_SENDER_IDLE_SECONDS": "0.2", "EKTP_ROSTER_INTERVAL_SECONDS": "3600",
                 # a refused item reaches the operator queue in seconds (the supervisor's test)
                 "EKTP_MAX_ITEM_ATTEMPTS": "2", "EKTP_ITEM_BACKOFF_BASE_SECONDS": "0.2",
                 "EKTP_ITEM_BACKOFF_MAX_SECONDS": "1"},
        "printing": {"EKTP_SPOOL_DIR": str(workdir / "spool")},
        "dashboard": {"EKTP_ENROLLMENT_URL": urls["enrollment"], "EKTP_SYNC_URL": urls["sync"],
                      "EKTP_PRINTING_URL": urls["printing"],
                      "EKTP_INVENTORY_URL": urls["inventory"],
                      "EKTP_REMOTE_CACHE_SECONDS": "0"},
        "web": web_env(urls),
    }
    databases: dict[str, str] = {}
    procs: dict[str, ServiceProcess] = {}
    try:
        for name, package in PACKAGES.items():
            databases[name] = await create_database(name.replace("-", "_"))
            access = kafka.get(name)
            env = {
                "EKTP_SERVICE_NAME": name, "EKTP_HTTP_PORT": str(ports[name]),
                "EKTP_DATABASE_URL": databases[name],
                "EKTP_KAFKA_BOOTSTRAP": infra.kafka_bootstrap, "EKTP_TOPIC_PREFIX": prefix,
                "EKTP_KAFKA_USERNAME": (access.username if access else "") or "",
                "EKTP_KAFKA_PASSWORD": (access.password if access else "") or "",
                **extra.get(name, {}),
            }
            procs[name] = ServiceProcess(
                ["-m", "uvicorn", "--factory", f"{package}.entrypoints.api:build_app",
                 "--host", "127.0.0.1", "--port", str(ports[name]), "--no-access-log"],
                env, workdir / "logs" / f"{name}.log").start()
        for name, proc in procs.items():
            await asyncio.to_thread(proc.wait_http, urls[name] + "/readyz", 120)
        await create_admin(databases["accounts"], username="admin", name="Admin Kantor",
                           password=PASSWORD, force=False)
        async with httpx.AsyncClient(timeout=30) as http:
            r = await http.post(urls["accounts"] + "/sign-in",
                                json={"username": "admin", "password": PASSWORD})
            assert r.status_code == 200, r.text
            token = r.json()["access_token"]
            for username, roles in STAFF.items():
                r = await http.post(urls["accounts"] + "/users",
                                    headers={"Authorization": f"Bearer {token}"},
                                    json={"username": username, "name": username.title(),
                                          "roles": roles, "password": PASSWORD})
                assert r.status_code == 201, r.text
            for username, roles in STAFF.items():
                # As each would at the first sign-in: the supervisor's password is changed
                # (here to the same one), so the tests' staff are past the password page.
                r = await http.post(urls["accounts"] + "/sign-in",
                                    json={"username": username, "password": PASSWORD,
                                          "role": roles[0]})
                assert r.status_code == 200, r.text
                r = await http.post(urls["accounts"] + "/me/password",
                                    headers={"Authorization": f"Bearer {r.json()['access_token']}"},
                                    json={"current_password": PASSWORD, "new_password": PASSWORD})
                assert r.status_code == 200, r.text
        yield Office(urls, token, workdir, procs, prefix, databases)
    finally:
        for proc in reversed(list(procs.values())):
            proc.terminate()


@contextlib.asynccontextmanager
async def another_web(office: Office, database: str, **settings: str) -> AsyncIterator[str]:
    """One more web app beside the office's, with settings of its own (a service down, a
    short idle time): its URL."""
    (port,) = free_ports(1)
    env = {"EKTP_SERVICE_NAME": "web", "EKTP_HTTP_PORT": str(port),
           "EKTP_DATABASE_URL": database, **web_env(office.urls), **settings}
    proc = ServiceProcess(
        ["-m", "uvicorn", "--factory", "ektp_web.entrypoints.api:build_app",
         "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
        env, office.workdir / "logs" / f"web-{port}.log").start()
    try:
        url = f"http://127.0.0.1:{port}"
        await asyncio.to_thread(proc.wait_http, url + "/readyz", 120)
        yield url
    finally:
        proc.terminate()


# One chromium per browser module (Playwright's sync API runs one loop at a time); each test
# a fresh context at the office PC's 1366x768.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    yield context.new_page()
    context.close()
