"""``make up`` / ``make down``: run every service of the local stack as uvicorn processes.

Each service gets its own database (``ektp_<name>``), port (DESIGN.md section 2), Kafka
principal (``ektp-<name>``, its password file from ``make topics``), log file and pid file
under ``.run/``, and of the key files (``ektp keys init``) only those it holds (DESIGN.md
section 6, "Keys"): every key setting of the caller's environment is dropped, then the token
public key and the service's own are set. Services whose package is not installed are
skipped, so the stack grows as services are added. Starting twice is harmless; a stale pid
file (power cut) is noticed and replaced.

Several offices of one province on the one Kafka and PostgreSQL (``make up
OFFICES=71.10,71.74``): the first is the office as above; the n-th (from 0) runs every
service again with EKTP_KABUPATEN set to its code, its ports 100 x n higher, its own
databases (``ektp_<name>_7174``), principals (``ektp-<name>.71-74``), pids, logs and spool
under ``.run/offices/71-74/``. Every office's topics carry its kabupaten (``71-74.ektp.*``,
DESIGN section 3). With two or more, the provincial dashboard (the dashboard in province
mode, port 8090) reads them all.

Several instances of a service (issue 13): ``EKTP_REPLICAS=2`` for every service, or
``EKTP_REPLICAS_<SERVICE>=3`` for one (``EKTP_REPLICAS_PRINTING``; dashes as underscores),
against the same database and consumer group. The first instance keeps the service's port,
the n-th listens ``(n - 1) * EKTP_REPLICA_PORT_STEP`` (1000) above it (printing: 8003, 9003,
10003), with its own log and pid file (``printing-2``). The other services are told the first
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
from .office import DEFAULT_KABUPATEN, topic_tag
from .wilayah import kabupaten_codes, normalise_kabupaten_code


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
    # whose faults are set per process, nor the province's dashboard)
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


# The n-th office's ports are this many times n above the first office's.
OFFICE_PORT_STEP = 100
PROVINCE_PORT = 8090


@dataclass(frozen=True)
class Office:
    """One office of ``make up``: its kabupaten and its place among the offices."""

    kode: str
    index: int = 0

    @property
    def offset(self) -> int:
        # EKTP_STACK_PORT_OFFSET moves every office (several stacks on one machine).
        return OFFICE_PORT_STEP * self.index + int(os.environ.get("EKTP_STACK_PORT_OFFSET", "0"))

    @property
    def tag(self) -> str:
        """``71-74.``: its topics', groups' and (but for the first) principals' prefix."""
        return topic_tag(self.kode)

    @property
    def principal_tag(self) -> str:
        # The first office keeps the principals' plain names (ektp-sync), as alone.
        return self.tag if self.index else ""

    @property
    def state(self) -> Path:
        return run_dir() if not self.index else run_dir() / "offices" / self.tag.rstrip(".")

    def database(self, service: Service) -> str:
        return service.database + (f"_{self.kode.replace('.', '')}" if self.index else "")

    def port(self, service: Service) -> int:
        return service.port + self.offset


def offices(spec: str | None = None) -> list[Office]:
    """The offices of OFFICES ("71.10,71.74"); unset, the one office of EKTP_KABUPATEN."""
    spec = spec if spec is not None else os.environ.get("OFFICES", "")
    codes = [normalise_kabupaten_code(c) for c in spec.split(",") if c.strip()]
    if not codes:
        codes = [normalise_kabupaten_code(os.environ.get("EKTP_KABUPATEN", DEFAULT_KABUPATEN))]
    known = kabupaten_codes()
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise SystemExit(f"OFFICES: {', '.join(unknown)} is no kabupaten/kota code of Kemendagri")
    if len({c[:2] for c in codes}) > 1:
        raise SystemExit("OFFICES: the offices of one province only (one provincial dashboard)")
    return [Office(c, i) for i, c in enumerate(dict.fromkeys(codes))]


FIRST = Office(DEFAULT_KABUPATEN)


def province_service(all_offices: list[Office]) -> Service:
    """The provincial dashboard: the dashboard in province mode over every office."""
    return Service("dashboard-province", PROVINCE_PORT, "ektp_dashboard", env=(
        ("EKTP_DASHBOARD_MODE", "province"),
        ("EKTP_PROVINCE_OFFICES", ",".join(o.kode for o in all_offices)),
    ), scalable=False)


def province_principal(all_offices: list[Office]) -> str:
    return f"ektp-dashboard.province-{all_offices[0].kode[:2]}"


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


def key_env(service: Service, office: Office = FIRST) -> dict[str, str]:
    """The key files (and the spool) one service holds, at the paths `ektp keys init` used."""
    keys = KeySettings()
    held = ("jwt_public_key_file", *service.keys)
    env = {KEY_VARIABLES[name]: str(getattr(keys, name)) for name in held}
    if service.spool:
        env[SPOOL_VARIABLE] = (os.environ.get(SPOOL_VARIABLE, str(run_dir() / "printing" / "spool"))
                               if not office.index else str(office.state / "printing" / "spool"))
    return env


def _offset_urls(env: tuple[tuple[str, str], ...], office: Office) -> dict[str, str]:
    """The office's own addresses of the other services (``...:8001`` -> ``...:8101``)."""
    out = dict(env)
    if office.offset:
        for s in SERVICES:
            for name, value in out.items():
                out[name] = value.replace(f"127.0.0.1:{s.port}", f"127.0.0.1:{office.port(s)}")
    return out


def _told(office: Office) -> bool:
    """Whether the office's services are told its code and topic prefix: all but the office
    of the caller's own EKTP_KABUPATEN in first place, which keeps its settings' defaults
    (and an EKTP_TOPIC_PREFIX of the caller's, DESIGN section 3)."""
    return bool(office.index) or office.kode != offices("")[0].kode


def service_env(service: Service, office: Office = FIRST, port: int | None = None
                ) -> dict[str, str]:
    """The environment of one service under ``make up`` (ports as devinfra runs them);
    ``port``: an instance's own (default the office's port of the service)."""
    pg_port = os.environ.get("EKTP_PG_PORT", "5432")
    from .devinfra import kafka_bootstrap  # every node of EKTP_KAFKA_BROKERS=3, not one
    from .kafka_provision import service_kafka

    kafka = kafka_bootstrap()
    principal = (service_kafka(service.name).principal_of(office.principal_tag)
                 if service.name != "dashboard-province" else province_principal([office]))
    # The office alone, as the caller's EKTP_KABUPATEN says: its settings' defaults (its
    # kabupaten's topic prefix) as under compose. Any other office is told its code.
    office_env: dict[str, str] = {}
    if _told(office):
        office_env = {"EKTP_KABUPATEN": office.kode, "EKTP_TOPIC_PREFIX": office.tag}
    if service.name == "dashboard-province":
        office_env = {"EKTP_KABUPATEN": office.kode, "EKTP_TOPIC_BASE": ""}
    return {
        "EKTP_SERVICE_NAME": service.name,
        "EKTP_HTTP_PORT": str(port or office.port(service)),
        # The service's own role (audit_log append-only); the owner role migrates.
        "EKTP_DATABASE_URL": f"postgresql://ektp_service:ektp_service@127.0.0.1:{pg_port}/"
                             f"{office.database(service)}",
        "EKTP_MIGRATION_DATABASE_URL": f"postgresql://ektp:ektp@127.0.0.1:{pg_port}",
        "EKTP_KAFKA_BOOTSTRAP": kafka,
        # Its own principal only (DESIGN section 3): make topics wrote the password file.
        "EKTP_KAFKA_USERNAME": principal,
        "EKTP_KAFKA_PASSWORD_FILE":
            str(run_dir() / "secrets" / "kafka" / f"{principal}.password"),
        **office_env,
        **key_env(service, office),
        **_offset_urls(service.env, office),
    }


def process_env(service: Service, office: Office = FIRST, port: int | None = None
                ) -> dict[str, str]:
    """The whole environment a service process starts with: the caller's, less every key
    and spool setting and less a Kafka password of its own (an engineer's admin password
    must not reach a service, which gets its own file), plus service_env (so a key path
    exported in the shell for `ektp` never reaches a service that must not hold it)."""
    inherited = {k: v for k, v in os.environ.items()
                 if k not in HELD_VARIABLES and k != "EKTP_KAFKA_PASSWORD"}
    return {**inherited, **service_env(service, office, port)}


@dataclass(frozen=True)
class Instance:
    """The n-th instance (n from 1) of a service of an office: its own port, pid file, log."""

    service: Service
    n: int = 1
    office: Office = FIRST

    @property
    def name(self) -> str:
        return self.service.name if self.n == 1 else f"{self.service.name}-{self.n}"

    @property
    def port(self) -> int:
        return self.office.port(self.service) + (self.n - 1) * replica_port_step()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def replica_port_step() -> int:
    # 1000, not the offices' 100: the second instance of an office never meets another
    # office's first (printing 8003, 9003, 10003; the second office's 8103, 9103)
    return int(os.environ.get("EKTP_REPLICA_PORT_STEP", "1000"))


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


def instances(service: Service, office: Office = FIRST) -> list[Instance]:
    """The instances ``make up`` wants of a service."""
    return [Instance(service, n, office) for n in range(1, replicas(service) + 1)]


def running_instances(service: Service, office: Office = FIRST) -> list[Instance]:
    """Every instance of a service with a pid file (whatever EKTP_REPLICAS says now)."""
    found = {1}
    for path in (office.state / "pids").glob(f"{service.name}-*.pid"):
        suffix = path.stem[len(service.name) + 1:]
        if suffix.isdigit() and int(suffix) > 1:
            found.add(int(suffix))
    return [i for i in (Instance(service, n, office) for n in sorted(found))
            if _running_pid(i) is not None]


def _pid_file(instance: Instance) -> Path:
    return instance.office.state / "pids" / f"{instance.name}.pid"


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
    logs = instance.office.state / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    _pid_file(instance).parent.mkdir(parents=True, exist_ok=True)
    log = (logs / f"{instance.name}.log").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", instance.service.factory,
         "--host", "127.0.0.1", "--port", str(instance.port), "--no-access-log"],
        env=process_env(instance.service, instance.office, instance.port),
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


def _units(all_offices: list[Office]) -> list[tuple[Office, Service]]:
    """Every process of ``make up``: each office's services, then the province's."""
    units = [(o, s) for o in all_offices for s in available()]
    if len(all_offices) > 1 and any(s.name == "dashboard" for s in available()):
        units.append((all_offices[0], province_service(all_offices)))
    return units


def _started_elsewhere(all_offices: list[Office]) -> list[tuple[Office, Service]]:
    """Offices and a province left running by an earlier ``make up OFFICES=...``: those
    with a state dir of their own under ``.run/offices`` and not among ``all_offices``."""
    known = {o.state for o in all_offices}
    units: list[tuple[Office, Service]] = []
    for pids in sorted((run_dir() / "offices").glob("*/pids")):
        kode = pids.parent.name.replace("-", ".")
        if pids.parent not in known and kode in kabupaten_codes():
            # Its place among the offices is unknown here: ports shown may be off, the
            # pid files are right.
            units += [(Office(kode, 1), s) for s in available()]
    if len(all_offices) == 1:
        province = province_service(all_offices)
        if _running_pid(Instance(province, 1, all_offices[0])) is not None:
            units.append((all_offices[0], province))
    return units


def _label(instance: Instance, many: bool) -> str:
    return f"{instance.office.kode} {instance.name}" if many else instance.name


def provision_topics(all_offices: list[Office]) -> None:
    """``make topics``: every office's topics and principals, and the province's reader."""
    from .devinfra import provision_local_kafka
    from .kafka_provision import ProvinceReader

    reader = None
    if len(all_offices) > 1:
        reader = ProvinceReader(province_principal(all_offices),
                                f"province-{all_offices[0].kode[:2]}.dashboard",
                                tuple(o.tag for o in all_offices))
    for office in all_offices:
        done = provision_local_kafka(office.tag if _told(office) else None,
                                     office_tag=office.principal_tag,
                                     province_reader=reader if office.index == 0 else None)
        print(f"kafka     {office.kode}: {len(done.topics)} topics "
              f"({len(done.created_topics)} new), {len(done.users)} principals, "
              f"{len(done.acls)} ACLs: ok")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ektp_shared.stack")
    parser.add_argument("command", choices=["up", "down", "status", "databases", "topics"])
    parser.add_argument("--offices", default=None,
                        help="kabupaten codes, comma-separated (default: OFFICES, else "
                             "EKTP_KABUPATEN)")
    args = parser.parse_args(argv)
    all_offices = offices(args.offices)
    many = len(all_offices) > 1
    units = _units(all_offices)
    if args.command == "databases":
        print(" ".join(dict.fromkeys(
            o.database(s) if s.name != "dashboard-province" else "ektp_dashboard_province"
            for o, s in units)))
        return 0
    if args.command == "topics":
        provision_topics(all_offices)
        return 0
    if args.command in ("down", "status"):
        # Every office ever started (its state dir), not only those of OFFICES.
        units += _started_elsewhere(all_offices)
        many = many or any(o.index for o, _ in units)
    if args.command == "down":
        for o, s in reversed(units):
            for instance in reversed(running_instances(s, o)):
                stop(instance)
                print(f"stopped {_label(instance, many)}")
        return 0
    if args.command == "status":
        for o, s in units:
            for instance in sorted({*instances(s, o), *running_instances(s, o)},
                                   key=lambda i: i.n):
                pid = _running_pid(instance)
                print(f"{_label(instance, many):24} {'up' if pid else 'down':5} "
                      f"{instance.url}  pid={pid}")
        return 0
    for o, s in units:
        for surplus in running_instances(s, o):  # beyond the count: EKTP_REPLICAS went down
            if surplus.n > replicas(s):
                stop(surplus)
                print(f"stopped {_label(surplus, many)} (beyond {replicas(s)} instances)")
    started = [instance for o, s in units for instance in instances(s, o)]
    for instance in started:
        start(instance)
    failed = []
    for instance in started:
        ok = wait_ready(instance)
        log = instance.office.state / "logs" / (instance.name + ".log")
        state = "ready" if ok else f"NOT READY, see {log}"
        print(f"{_label(instance, many):24} {instance.url}  (docs: /docs)  {state}")
        if not ok:
            failed.append(instance.name)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
