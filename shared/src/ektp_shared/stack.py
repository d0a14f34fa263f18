"""``make up`` / ``make down``: run every service of the local stack as uvicorn processes.

Each service gets its own database (``ektp_<name>``), port (DESIGN.md section 2), Kafka
principal (``ektp-<name>``, its password file from ``make topics``), log file and pid file
under ``.run/``, and of the key files (``ektp keys init``) only those it holds (DESIGN.md
section 6, "Keys"): every key setting of the caller's environment is dropped, then the token
public key and the service's own are set. Services whose package is not installed are
skipped, so the stack grows as services are added. Starting twice is harmless; a stale pid
file (power cut) is noticed and replaced.

Several instances of a service (issue 13): ``EKTP_REPLICAS=2`` for every service, or
``EKTP_REPLICAS_<SERVICE>=3`` for one (``EKTP_REPLICAS_PRINTING``; dashes as underscores),
against the same database and consumer group. The first instance keeps the service's port,
the n-th listens ``(n - 1) * EKTP_REPLICA_PORT_STEP`` (100) above it (printing: 8003, 8103,
8203), with its own log and pid file (``printing-2``). The other services are told the first
instance's address. ``make up`` stops the instances beyond the count asked for; ``make down``
and ``make status`` handle every instance found running. The centre's simulator stands for
the outside system and stays one.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

from .config import repo_root
from .keys import KeySettings


@dataclass(frozen=True)
class Service:
    name: str
    port: int
    package: str
    # extra environment the local stack sets for this service
    env: tuple[tuple[str, str], ...] = ()
    # the key files (KeySettings field names) it holds besides the token public key
    keys: tuple[str, ...] = ()
    # whether it holds the card spool (rendered cards, Suket PDFs): printing alone
    spool: bool = False
    # whether EKTP_REPLICAS may start several instances of it (not the centre's simulator,
    # whose faults are set per process)
    scalable: bool = True

    @property
    def database(self) -> str:
        return "ektp_" + self.name.replace("-", "_")

    @property
    def factory(self) -> str:
        return f"{self.package}.entrypoints.api:build_app"


CENTRAL_URL = ("EKTP_CENTRAL_URL", "http://127.0.0.1:8009")
SERVICES: tuple[Service, ...] = (
    Service("central-sim", 8009, "ektp_central_sim", keys=("centre_private_key_file",),
            scalable=False),
    Service("enrollment", 8001, "ektp_enrollment", keys=("centre_public_key_file",)),
    # Against the simulator, ask for verdicts often so a demo moves along.
    Service("sync", 8002, "ektp_sync", env=(CENTRAL_URL, ("EKTP_VERDICT_POLL_SECONDS", "10")),
            keys=("print_room_public_key_file",)),
    Service("printing", 8003, "ektp_printing", keys=("print_room_private_key_file",),
            spool=True),
    Service("inventory", 8004, "ektp_inventory"),
    # Staff sign-in: the only holder of the token signing key (jwt_private_key_file).
    Service("accounts", 8005, "ektp_accounts", keys=("jwt_private_key_file",)),
    Service("dashboard", 8000, "ektp_dashboard", env=(
        ("EKTP_ENROLLMENT_URL", "http://127.0.0.1:8001"),
        ("EKTP_SYNC_URL", "http://127.0.0.1:8002"),
        ("EKTP_PRINTING_URL", "http://127.0.0.1:8003"),
        ("EKTP_INVENTORY_URL", "http://127.0.0.1:8004"),
    )),
    # The office web app: one address for every screen; it calls the others' APIs.
    Service("web", 8080, "ektp_web", env=(
        ("EKTP_ACCOUNTS_URL", "http://127.0.0.1:8005"),
        ("EKTP_ENROLLMENT_URL", "http://127.0.0.1:8001"),
        ("EKTP_SYNC_URL", "http://127.0.0.1:8002"),
        ("EKTP_PRINTING_URL", "http://127.0.0.1:8003"),
        ("EKTP_INVENTORY_URL", "http://127.0.0.1:8004"),
        ("EKTP_DASHBOARD_URL", "http://127.0.0.1:8000"),
    )),
)


def run_dir() -> Path:
    return Path(os.environ.get("EKTP_STATE_DIR", repo_root() / ".run"))


def installed(service: Service) -> bool:
    try:
        return importlib.util.find_spec(f"{service.package}.entrypoints.api") is not None
    except ModuleNotFoundError:
        return False


def available() -> list[Service]:
    return [s for s in SERVICES if installed(s)]


# Never inherited from the caller's environment: set per service, or not at all.
SPOOL_VARIABLE = "EKTP_SPOOL_DIR"
KEY_VARIABLES = {name: f"EKTP_{name.upper()}" for name in KeySettings.model_fields
                 if name.endswith("_key_file")}
HELD_VARIABLES = frozenset(KEY_VARIABLES.values()) | {SPOOL_VARIABLE}


def key_env(service: Service) -> dict[str, str]:
    """The key files (and the spool) one service holds, at the paths `ektp keys init` used."""
    keys = KeySettings()
    held = ("jwt_public_key_file", *service.keys)
    env = {KEY_VARIABLES[name]: str(getattr(keys, name)) for name in held}
    if service.spool:
        env[SPOOL_VARIABLE] = os.environ.get(
            SPOOL_VARIABLE, str(run_dir() / "printing" / "spool"))
    return env


def service_env(service: Service, port: int | None = None) -> dict[str, str]:
    """The environment of one service under ``make up`` (ports as devinfra runs them);
    ``port``: an instance's own (default the service's)."""
    pg_port = os.environ.get("EKTP_PG_PORT", "5432")
    from .devinfra import kafka_bootstrap  # every node of EKTP_KAFKA_BROKERS=3, not one

    kafka = kafka_bootstrap()
    return {
        "EKTP_SERVICE_NAME": service.name,
        "EKTP_HTTP_PORT": str(port or service.port),
        # The service's own role (audit_log append-only); the owner role migrates.
        "EKTP_DATABASE_URL":
            f"postgresql://ektp_service:ektp_service@127.0.0.1:{pg_port}/{service.database}",
        "EKTP_MIGRATION_DATABASE_URL": f"postgresql://ektp:ektp@127.0.0.1:{pg_port}",
        "EKTP_KAFKA_BOOTSTRAP": kafka,
        # Its own principal only (DESIGN section 3): make topics wrote the password file.
        "EKTP_KAFKA_USERNAME": f"ektp-{service.name}",
        "EKTP_KAFKA_PASSWORD_FILE":
            str(run_dir() / "secrets" / "kafka" / f"ektp-{service.name}.password"),
        **key_env(service),
        **dict(service.env),
    }


def process_env(service: Service, port: int | None = None) -> dict[str, str]:
    """The whole environment a service process starts with: the caller's, less every key
    and spool setting and less a Kafka password of its own (an engineer's admin password
    must not reach a service, which gets its own file), plus service_env (so a key path
    exported in the shell for `ektp` never reaches a service that must not hold it)."""
    inherited = {k: v for k, v in os.environ.items()
                 if k not in HELD_VARIABLES and k != "EKTP_KAFKA_PASSWORD"}
    return {**inherited, **service_env(service, port)}


@dataclass(frozen=True)
class Instance:
    """The n-th instance of a service (n from 1): its own port, pid file and log."""

    service: Service
    n: int = 1

    @property
    def name(self) -> str:
        return self.service.name if self.n == 1 else f"{self.service.name}-{self.n}"

    @property
    def port(self) -> int:
        return self.service.port + (self.n - 1) * replica_port_step()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def replica_port_step() -> int:
    return int(os.environ.get("EKTP_REPLICA_PORT_STEP", "100"))


def replicas(service: Service) -> int:
    """How many instances ``make up`` runs: EKTP_REPLICAS_<SERVICE>, else EKTP_REPLICAS, else 1."""
    if not service.scalable:
        return 1
    own = "EKTP_REPLICAS_" + service.name.upper().replace("-", "_")
    value = os.environ.get(own) or os.environ.get("EKTP_REPLICAS") or "1"
    try:
        count = int(value)
    except ValueError:
        raise SystemExit(f"{own if own in os.environ else 'EKTP_REPLICAS'}={value!r}: "
                         "a number of instances, 1 or more") from None
    if count < 1:
        raise SystemExit(f"{own if own in os.environ else 'EKTP_REPLICAS'}={count}: "
                         "at least 1 instance")
    return count


def instances(service: Service) -> list[Instance]:
    """The instances ``make up`` wants of a service."""
    return [Instance(service, n) for n in range(1, replicas(service) + 1)]


def running_instances(service: Service) -> list[Instance]:
    """Every instance of a service with a pid file (whatever EKTP_REPLICAS says now)."""
    found = {1}
    for path in (run_dir() / "pids").glob(f"{service.name}-*.pid"):
        suffix = path.stem[len(service.name) + 1:]
        if suffix.isdigit() and int(suffix) > 1:
            found.add(int(suffix))
    return [i for i in (Instance(service, n) for n in sorted(found))
            if _running_pid(i) is not None]


def _pid_file(instance: Instance) -> Path:
    return run_dir() / "pids" / f"{instance.name}.pid"


def _running_pid(instance: Instance) -> int | None:
    path = _pid_file(instance)
    try:
        pid = int(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        proc = psutil.Process(pid)
        if proc.is_running() and "uvicorn" in " ".join(proc.cmdline()):
            return pid
    except psutil.Error:
        pass
    path.unlink(missing_ok=True)  # stale: left by a power cut or a kill -9
    return None


def start(instance: Instance) -> str:
    if _running_pid(instance) is not None:
        return instance.url
    logs = run_dir() / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    _pid_file(instance).parent.mkdir(parents=True, exist_ok=True)
    log = (logs / f"{instance.name}.log").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", instance.service.factory,
         "--host", "127.0.0.1", "--port", str(instance.port), "--no-access-log"],
        env=process_env(instance.service, instance.port),
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=repo_root(),
    )
    _pid_file(instance).write_text(str(proc.pid))
    return instance.url


def wait_ready(instance: Instance, timeout: float = 90) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{instance.url}/readyz", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        if _running_pid(instance) is None:
            return False
        time.sleep(0.3)
    return False


def stop(instance: Instance) -> None:
    pid = _running_pid(instance)
    if pid is None:
        return
    try:
        os.killpg(pid, signal.SIGTERM)
        psutil.Process(pid).wait(20)
    except psutil.TimeoutExpired:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, psutil.NoSuchProcess):
        pass
    _pid_file(instance).unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ektp_shared.stack")
    parser.add_argument("command", choices=["up", "down", "status", "databases"])
    args = parser.parse_args(argv)
    services = available()
    if args.command == "databases":
        print(" ".join(s.database for s in services))
        return 0
    if args.command == "down":
        for s in reversed(services):
            for instance in reversed(running_instances(s)):
                stop(instance)
                print(f"stopped {instance.name}")
        return 0
    if args.command == "status":
        for s in services:
            wanted = instances(s)
            for instance in sorted({*wanted, *running_instances(s)}, key=lambda i: i.n):
                pid = _running_pid(instance)
                print(f"{instance.name:14} {'up' if pid else 'down':5} {instance.url}  pid={pid}")
        return 0
    failed = []
    for s in services:
        for surplus in running_instances(s):  # beyond the count: EKTP_REPLICAS went down
            if surplus.n > replicas(s):
                stop(surplus)
                print(f"stopped {surplus.name} (beyond {replicas(s)} instances)")
    started = [instance for s in services for instance in instances(s)]
    for instance in started:
        start(instance)
    for instance in started:
        ok = wait_ready(instance)
        log = run_dir() / "logs" / (instance.name + ".log")
        state = "ready" if ok else f"NOT READY, see {log}"
        print(f"{instance.name:14} {instance.url}  (docs: /docs)  {state}")
        if not ok:
            failed.append(instance.name)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
