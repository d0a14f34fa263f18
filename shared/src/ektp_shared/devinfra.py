"""Local development infrastructure without Docker: Kafka, PostgreSQL and CUPS as processes.

Command line (run with the workspace venv)::

    python -m ektp_shared.devinfra up     [kafka|postgres|cups|all ...]
    python -m ektp_shared.devinfra down   [kafka|postgres|cups|all ...]
    python -m ektp_shared.devinfra status [kafka|postgres|cups|all ...]
    python -m ektp_shared.devinfra ensure-db NAME [NAME ...] [--owner ektp --password ektp]
                                        [--service-role ektp_service --service-password ...]
    python -m ektp_shared.devinfra topics [--prefix P]  # topics, principals, ACLs (make topics)
    python -m ektp_shared.devinfra jars          # fetch the Kafka jars (make infra-jars)
    python -m ektp_shared.devinfra cups-selftest # print a one-page PDF, show where it landed

Without a component the commands act on ``kafka`` and ``postgres``. ``all`` adds ``cups`` when
``cupsd`` is installed (and skips it with a note otherwise); ``cups`` named alone needs it.
``status`` exits 0 when every component asked about is up, 1 otherwise.

Everything lives in :func:`state_dir` (``EKTP_STATE_DIR``, default ``<repo>/.run``, git-ignored)::

    .run/kafka/server.properties   rendered from infra/kafka/server.properties.template
    .run/kafka/data/               Kafka log dirs (KRaft metadata log included)
    .run/kafka.pid                 pid of the broker JVM
    .run/secrets/kafka/*.password  SCRAM passwords: admin (the broker's super user, written
                                   into the storage when it is formatted) and one per
                                   service principal (ektp-enrollment ...), mode 0600
    .run/pgdata/, .run/pgsocket/   PostgreSQL cluster and its unix socket (owned by ``postgres``)
    .run/logs/kafka/server.log     broker log (log4j2, infra/kafka/log4j2.yaml)
    .run/logs/kafka.out            broker JVM stdout/stderr
    .run/logs/postgres.log         server log
    .run/*.lock                    flock()s that serialise concurrent up/down calls

PostgreSQL refuses to run as root, so as root the cluster is run as the ``postgres`` user
(``runuser -u postgres --``); as any other user it runs as that user. As root, the state dir is
made traversable (o+x) for ``postgres``; if ``postgres`` still cannot reach it (e.g. the repo
sits under ``/root``, mode 700), the cluster and its socket go to
``/var/lib/postgresql/ektp-<hash of state dir>/`` instead (``<tmp>/ektp-pg-<hash>/`` when that
does not exist); ``status`` prints the data dir in use.
The superuser is ``postgres`` with password ``postgres`` (scram over TCP, 127.0.0.1 only);
:func:`ensure_databases` adds the login role ``ektp``/``ektp`` owning the service databases.

CUPS (``up cups``, root only): starts ``cupsd`` if it is not running and adds the queue
``ektp-cups-pdf`` (cups-pdf backend); its PDFs land in :func:`cups_pdf_output_dir`
(``/var/spool/cups-pdf/ektp/*-job_<id>.pdf``). ``down cups`` stops cupsd only if devinfra
started it.

Ports: ``EKTP_KAFKA_PORT`` (9092), ``EKTP_KAFKA_CONTROLLER_PORT`` (9093), ``EKTP_PG_PORT``
(5432). Other knobs: ``EKTP_KAFKA_HEAP_OPTS`` (``-Xms256m -Xmx768m``), ``EKTP_KAFKA_LOG_LEVEL``
(INFO), ``EKTP_KAFKA_START_TIMEOUT`` (90 s), ``EKTP_PG_BIN`` (PostgreSQL bin dir),
``EKTP_CUPS_PDF_DIR`` (see :func:`cups_pdf_output_dir`).

All ``start_*`` functions are idempotent: a running component is detected and reused; pid files
or a ``postmaster.pid`` left behind by a crash (kill -9, power cut) are recognised as stale
(dead pid, or a pid now owned by another program) and removed before the next start.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import functools
import hashlib
import logging
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections.abc import Callable, Coroutine, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any, TypeVar, cast

import psutil

from .kafka import KafkaAccess

if TYPE_CHECKING:
    from .kafka_provision import ProvinceReader, Provisioned

log = logging.getLogger(__name__)

T = TypeVar("T")

LOOPBACK = "127.0.0.1"
PG_SUPERUSER = "postgres"
PG_SUPERUSER_PASSWORD = "postgres"  # noqa: S105 - loopback-only development cluster
PG_OS_USER = "postgres"
PG_MAX_CONNECTIONS = 300
KAFKA_HEAP_OPTS = "-Xms256m -Xmx768m"
KAFKA_START_TIMEOUT = 90.0
# Three JVMs on a small machine: each gets less than the single broker.
KAFKA_CLUSTER_HEAP_OPTS = "-Xms128m -Xmx384m"
MAX_KAFKA_BROKERS = 9
CUPS_QUEUE = "ektp-cups-pdf"
# The device URI cups-pdf:/<instance> makes the cups-pdf backend read
# /etc/cups/cups-pdf-<instance>.conf instead of the system-wide /etc/cups/cups-pdf.conf.
CUPS_PDF_INSTANCE = "ektp"
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
DEFAULT_CUPS_PDF_DIR = Path("/var/spool/cups-pdf/ektp")

COMPONENTS = ("kafka", "postgres", "cups")
DEFAULT_COMPONENTS = ("kafka", "postgres")


class InfraError(RuntimeError):
    """A component could not be started, stopped or configured."""


@dataclass(frozen=True)
class InfraEndpoints:
    kafka_bootstrap: str  # "127.0.0.1:9092"
    postgres_admin_dsn: str  # "postgresql://postgres:postgres@127.0.0.1:5432/postgres"
    # The broker's super user (SCRAM); None for a broker that asks for no credentials.
    kafka_admin_username: str | None = None
    kafka_admin_password: str | None = field(default=None, repr=False)

    @property
    def kafka(self) -> KafkaAccess:
        """The admin's access: provisioning, and the tests' direct reads and writes."""
        return KafkaAccess(self.kafka_bootstrap, self.kafka_admin_username,
                           self.kafka_admin_password)


# --------------------------------------------------------------------------------------------
# Paths, settings and small helpers
# --------------------------------------------------------------------------------------------


@functools.cache
def repo_root() -> Path:
    """The workspace root: the nearest parent holding a pyproject.toml with [tool.uv.workspace]."""
    for parent in Path(__file__).resolve().parents:
        pyproject = parent / "pyproject.toml"
        if not pyproject.is_file():
            continue
        with pyproject.open("rb") as fh:
            data = tomllib.load(fh)
        if "workspace" in data.get("tool", {}).get("uv", {}):
            return parent
    raise InfraError(f"no pyproject.toml with [tool.uv.workspace] above {__file__}")


def state_dir() -> Path:
    """Where all runtime state lives: $EKTP_STATE_DIR or <repo root>/.run (created)."""
    env = os.environ.get("EKTP_STATE_DIR")
    path = Path(env).expanduser().resolve() if env else repo_root() / ".run"
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir() -> Path:
    path = state_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _env_port(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise InfraError(f"{name}={raw!r} is not a TCP port")
    return int(raw)


def _kafka_port() -> int:
    return _env_port("EKTP_KAFKA_PORT", 9092)


def _kafka_controller_port() -> int:
    return _env_port("EKTP_KAFKA_CONTROLLER_PORT", 9093)


def _pg_port() -> int:
    return _env_port("EKTP_PG_PORT", 5432)


def _is_root() -> bool:
    return os.geteuid() == 0


@contextlib.contextmanager
def _locked(name: str) -> Iterator[None]:
    """Serialise start/stop of one component across processes (pytest workers, services)."""
    with (state_dir() / f"{name}.lock").open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((LOOPBACK, port)) == 0


def _tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return f"(no {path})"
    return f"--- last lines of {path} ---\n" + "\n".join(text.splitlines()[-lines:])


def _read_pid(path: Path) -> int | None:
    try:
        first = path.read_text().split("\n", 1)[0].strip()
    except OSError:
        return None
    return int(first) if first.isdigit() else None


def _alive(proc: psutil.Process) -> bool:
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _terminate(proc: psutil.Process, timeout: float, what: str) -> None:
    """SIGTERM, wait up to `timeout`, then SIGKILL."""
    with contextlib.suppress(psutil.NoSuchProcess):
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
            return
        except psutil.TimeoutExpired:
            log.warning(
                "%s (pid %d) ignored SIGTERM for %.0f s: killing it", what, proc.pid, timeout
            )
        proc.kill()
        with contextlib.suppress(psutil.TimeoutExpired):
            proc.wait(10)


def _run(cmd: list[str], what: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a command to completion; InfraError with its output when it fails."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.STDOUT)
    result = subprocess.run(cmd, text=True, check=False, **kwargs)
    if result.returncode != 0:
        output = (result.stdout or "").strip()
        raise InfraError(f"{what} failed (exit {result.returncode}): {' '.join(cmd)}\n{output}")
    return result


def _run_coro(factory: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion, also when called from inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(factory())
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=target, name="devinfra", daemon=True)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return cast(T, box["value"])


def _chown_to_pg(path: Path) -> None:
    if _is_root():
        shutil.chown(path, user=PG_OS_USER, group=PG_OS_USER)


# --------------------------------------------------------------------------------------------
# Kafka
# --------------------------------------------------------------------------------------------


def _kafka_brokers() -> int:
    """EKTP_KAFKA_BROKERS: how many KRaft nodes (1, the default, or 3 for a cluster)."""
    raw = os.environ.get("EKTP_KAFKA_BROKERS", "").strip() or "1"
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_KAFKA_BROKERS:
        raise InfraError(f"EKTP_KAFKA_BROKERS={raw!r} is not a number of brokers "
                         f"(1 to {MAX_KAFKA_BROKERS}; 3 for a cluster)")
    return int(raw)


@dataclass(frozen=True)
class KafkaNode:
    """One KRaft node (broker and controller in one JVM). Node 1 keeps the single broker's
    paths (.run/kafka, kafka.pid, logs/kafka); node N of a cluster has .run/kafka-N, ... and
    the ports EKTP_KAFKA_PORT + 2(N-1) and EKTP_KAFKA_CONTROLLER_PORT + 2(N-1)."""

    node_id: int
    port: int
    controller_port: int

    @property
    def suffix(self) -> str:
        return "" if self.node_id == 1 else f"-{self.node_id}"

    @property
    def name(self) -> str:
        return f"kafka{self.suffix}"

    @property
    def home(self) -> Path:
        return state_dir() / self.name

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def props(self) -> Path:
        return self.home / "server.properties"

    @property
    def pid_file(self) -> Path:
        return state_dir() / f"{self.name}.pid"

    @property
    def out_file(self) -> Path:
        return logs_dir() / f"{self.name}.out"

    @property
    def logs(self) -> Path:
        path = logs_dir() / self.name
        path.mkdir(parents=True, exist_ok=True)
        return path


def kafka_nodes(count: int | None = None) -> list[KafkaNode]:
    """The nodes of the configured cluster (EKTP_KAFKA_BROKERS), or of `count` nodes."""
    count = _kafka_brokers() if count is None else count
    port, controller = _kafka_port(), _kafka_controller_port()
    nodes = [KafkaNode(i + 1, port + 2 * i, controller + 2 * i) for i in range(count)]
    ports = [p for n in nodes for p in (n.port, n.controller_port)]
    if len(set(ports)) != len(ports) or max(ports) >= 65536:
        raise InfraError(
            f"EKTP_KAFKA_PORT={port} and EKTP_KAFKA_CONTROLLER_PORT={controller} give {count} "
            "nodes overlapping ports (node N uses both + 2(N-1)): pick ports further apart")
    return nodes


def _kafka_nodes_present() -> list[KafkaNode]:
    """The configured nodes and any other node whose state dir exists (a cluster started
    with EKTP_KAFKA_BROKERS=3 is stopped whole even if the variable is unset)."""
    count = _kafka_brokers()
    for n in range(MAX_KAFKA_BROKERS, count, -1):
        if (state_dir() / f"kafka-{n}").is_dir():
            count = n
            break
    return kafka_nodes(count)


def _kafka_home() -> Path:
    return kafka_nodes(1)[0].home


def _kafka_logs() -> Path:
    return kafka_nodes(1)[0].logs


def kafka_libs_dir() -> Path:
    return repo_root() / ".cache" / "kafka" / "libs"


def ensure_kafka_jars() -> Path:
    """Copy Kafka's runtime jars (infra/kafka/pom.xml) into <repo>/.cache/kafka/libs.

    Maven writes into a scratch dir that replaces the libs dir only when complete; a marker file
    holding the POM's hash makes later calls no-ops until the POM changes.
    """
    pom = repo_root() / "infra" / "kafka" / "pom.xml"
    libs = kafka_libs_dir()
    marker = libs / ".complete"
    digest = hashlib.sha256(pom.read_bytes()).hexdigest()
    if marker.is_file() and marker.read_text().strip() == digest:
        return libs
    mvn = shutil.which("mvn")
    if mvn is None:
        raise InfraError("`mvn` not found: install Maven (Debian: apt-get install maven)")
    scratch = libs.with_name(f"libs.partial-{os.getpid()}")
    shutil.rmtree(scratch, ignore_errors=True)
    log.info("fetching the Kafka jars with Maven into %s", libs)
    _run(
        [
            mvn,
            "-q",
            "-B",
            "-f",
            str(pom),
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={scratch}",
        ],
        "mvn dependency:copy-dependencies",
        cwd=pom.parent,
    )
    if not any(scratch.glob("kafka_2.13-*.jar")):
        raise InfraError(f"Maven finished but {scratch} holds no kafka_2.13 jar")
    (scratch / ".complete").write_text(digest + "\n")
    shutil.rmtree(libs, ignore_errors=True)
    scratch.rename(libs)
    return libs


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise InfraError(
            "`java` not found: Kafka 4.1 needs Java 17+ (apt-get install openjdk-17-jre-headless)"
        )
    return java


KAFKA_ADMIN = "admin"
SCRAM_MECHANISM = "SCRAM-SHA-512"


def kafka_secrets_dir() -> Path:
    """Passwords of the local broker's principals, one file each (<name>.password, 0600).

    Outside the broker's own folder, so that re-formatting the storage keeps them."""
    path = state_dir() / "secrets" / "kafka"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def write_secret_file(path: Path, secret: str) -> None:
    """Write a secret readable by its owner only: the mode is set when the file is
    created, before any byte is written (no moment at which another user could read it)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # an existing file keeps its old mode through O_CREAT
        os.write(fd, secret.encode())
    finally:
        os.close(fd)


def kafka_secret(principal: str) -> str:
    """The local password of a Kafka principal, generated once (a random 32-byte token)."""
    path = kafka_secrets_dir() / f"{principal}.password"
    with contextlib.suppress(FileNotFoundError):
        secret = path.read_text().strip()
        if secret:
            return secret
    import secrets

    scratch = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, secrets.token_urlsafe(32).encode())
    finally:
        os.close(fd)
    # First writer wins: a concurrent caller then reads the same password.
    with contextlib.suppress(FileExistsError):
        os.link(scratch, path)
    scratch.unlink(missing_ok=True)
    return path.read_text().strip()


def kafka_admin_password() -> str:
    return kafka_secret(KAFKA_ADMIN)


def _quorum_line(nodes: list[KafkaNode]) -> str:
    """One node: a dynamic quorum of itself (formatted --standalone). Several: a static
    quorum of every node, so that no node needs another to format its storage."""
    if len(nodes) == 1:
        return f"controller.quorum.bootstrap.servers={LOOPBACK}:{nodes[0].controller_port}"
    voters = ",".join(f"{n.node_id}@{LOOPBACK}:{n.controller_port}" for n in nodes)
    return f"controller.quorum.voters={voters}"


def _render_kafka_config(node: KafkaNode, nodes: list[KafkaNode]) -> Path:
    template = repo_root() / "infra" / "kafka" / "server.properties.template"
    # Three replicas and min ISR 2 on a cluster: one broker may die without refusing acks=all.
    replication = min(len(nodes), 3)
    text = Template(template.read_text()).substitute(
        node_id=node.node_id, quorum=_quorum_line(nodes),
        kafka_port=node.port, controller_port=node.controller_port, log_dirs=node.data_dir,
        admin_password=kafka_admin_password(), replication_factor=replication,
        min_insync_replicas=max(1, replication - 1),
    )
    node.props.parent.mkdir(parents=True, exist_ok=True)
    write_secret_file(node.props, text)  # it holds the admin's password
    return node.props


def _kafka_holds_topics(data: Path) -> bool:
    """True when the log dirs hold a topic partition (anything beyond the metadata log)."""
    return any(p.is_dir() and not p.name.startswith("__cluster_metadata")
               for p in data.iterdir())


def _formatted_cluster_id(node: KafkaNode) -> str | None:
    with contextlib.suppress(OSError):
        match = re.search(r"^cluster\.id=(\S+)", (node.data_dir / "meta.properties").read_text(),
                          re.M)
        if match:
            return match.group(1)
    return None


def _needs_format(node: KafkaNode, nodes: list[KafkaNode]) -> bool:
    """False when the node's storage is formatted for this quorum and with SASL; raises when
    it is formatted otherwise and holds something."""
    data = node.data_dir
    stamp = node.home / "formatted-controller-port"
    sasl_stamp = node.home / "formatted-sasl"
    quorum_stamp = node.home / "formatted-quorum"
    if not (data / "meta.properties").is_file():
        return True
    formatted_port = stamp.read_text().strip() if stamp.is_file() else str(node.controller_port)
    if formatted_port != str(node.controller_port):
        raise InfraError(
            f"the Kafka storage in {data} was formatted with controller port {formatted_port},"
            f" not {node.controller_port}: run `down kafka` and delete {node.home} to re-format"
        )
    # Storage formatted before clusters existed is a single node's.
    formatted_quorum = (quorum_stamp.read_text().strip() if quorum_stamp.is_file()
                        else _quorum_line(nodes[:1]))
    if formatted_quorum != _quorum_line(nodes):
        raise InfraError(
            f"the Kafka storage in {data} was formatted for the quorum {formatted_quorum!r},"
            f" not {_quorum_line(nodes)!r} (EKTP_KAFKA_BROKERS={len(nodes)}): run `down kafka`"
            f" and delete {node.home} (and the other nodes' kafka-N dirs) to re-format")
    if sasl_stamp.is_file():
        return False
    # Formatted before the broker asked for credentials: it has no admin credential.
    if _kafka_holds_topics(data):
        raise InfraError(
            f"the Kafka storage in {data} was formatted before Kafka required SASL/SCRAM "
            "and holds topics: it has no admin credential, so nobody could log in. "
            f"Re-format it (its messages are lost): `make down`, delete {node.home}, "
            "`make up`"
        )
    log.info("the Kafka storage %s predates SASL and holds no topic: re-formatting", data)
    return True


def _kafka_format(libs: Path, nodes: list[KafkaNode]) -> None:
    """Format each node's KRaft storage once, with the admin's SCRAM credential, so the
    brokers authenticate from their first start. One node: --standalone (it is the only
    controller voter). Several: the static voters of the config, one cluster id for all."""
    todo = [n for n in nodes if _needs_format(n, nodes)]
    if not todo:
        return
    base = [_java(), "-Xmx256m", "-cp", f"{libs}/*", "kafka.tools.StorageTool"]
    cluster_id = next((cid for n in nodes if n not in todo
                       if (cid := _formatted_cluster_id(n))), None)
    if cluster_id is None:
        cluster_id = _run([*base, "random-uuid"], "kafka-storage random-uuid").stdout.strip()
        cluster_id = cluster_id.splitlines()[-1]
    password = kafka_admin_password()
    for node in todo:
        data = node.data_dir
        shutil.rmtree(data, ignore_errors=True)  # a half-formatted dir holds nothing of value
        data.mkdir(parents=True)
        log.info("formatting Kafka storage %s (cluster id %s)", data, cluster_id)
        standalone = ["--standalone"] if len(nodes) == 1 else []
        result = subprocess.run(
            [*base, "format", *standalone, "-t", cluster_id, "-c", str(node.props),
             "--add-scram", f"{SCRAM_MECHANISM}=[name={KAFKA_ADMIN},password={password}]"],
            text=True, check=False, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
        if result.returncode != 0:  # the command line holds the password: never print it
            raise InfraError(f"kafka-storage format failed (exit {result.returncode}):\n"
                             + (result.stdout or "").replace(password, "***"))
        (node.home / "formatted-controller-port").write_text(f"{node.controller_port}\n")
        (node.home / "formatted-quorum").write_text(f"{_quorum_line(nodes)}\n")
        (node.home / "formatted-sasl").write_text(f"{SCRAM_MECHANISM} {KAFKA_ADMIN}\n")


def _find_kafka(node: KafkaNode | None = None) -> psutil.Process | None:
    """A node's JVM started from this state dir (node 1 by default), found by pid file or,
    failing that, by scan."""
    node = node or kafka_nodes(1)[0]
    props = str(node.props)

    def is_ours(proc: psutil.Process) -> bool:
        try:
            cmdline = proc.cmdline()
        except psutil.Error:
            return False
        return _alive(proc) and "kafka.Kafka" in cmdline and props in cmdline

    pid = _read_pid(node.pid_file)
    if pid is not None:
        with contextlib.suppress(psutil.Error):
            proc = psutil.Process(pid)
            if is_ours(proc):
                return proc
    for proc in psutil.process_iter():
        if is_ours(proc):
            return proc
    return None


def kafka_running() -> bool:
    """True when every configured node's JVM runs."""
    return all(_find_kafka(n) is not None for n in kafka_nodes())


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    buf = bytearray()
    while len(buf) < size:
        chunk = sock.recv(size - len(buf))
        if not chunk:
            raise ConnectionError("connection closed by the broker")
        buf += chunk
    return bytes(buf)


def _kafka_call(sock: socket.socket, api_key: int, version: int, body: bytes, corr: int) -> bytes:
    """One request/response with request header v1 and response header v0 (non-flexible)."""
    client_id = b"ektp-devinfra"
    payload = struct.pack(">hhih", api_key, version, corr, len(client_id)) + client_id + body
    sock.sendall(struct.pack(">i", len(payload)) + payload)
    (size,) = struct.unpack(">i", _recv_exact(sock, 4))
    response = _recv_exact(sock, size)
    if struct.unpack_from(">i", response)[0] != corr:
        raise ConnectionError("correlation id mismatch")
    return response[4:]


def _scram_login(sock: socket.socket, username: str, password: str) -> bool:
    """SASL/SCRAM-SHA-512 on a raw connection (SaslHandshake v1, SaslAuthenticate v0,
    RFC 5802): True when the broker accepted the credentials."""
    import base64
    import hmac
    import secrets

    def string(value: str) -> bytes:
        raw = value.encode()
        return struct.pack(">h", len(raw)) + raw

    def authenticate(token: bytes, corr: int) -> bytes | None:
        resp = _kafka_call(sock, 36, 0, struct.pack(">i", len(token)) + token, corr)
        error, msg_len = struct.unpack_from(">hh", resp)
        offset = 4 + max(msg_len, 0)
        (size,) = struct.unpack_from(">i", resp, offset)
        return None if error else resp[offset + 4: offset + 4 + max(size, 0)]

    resp = _kafka_call(sock, 17, 1, string(SCRAM_MECHANISM), 10)  # SaslHandshake v1
    if struct.unpack_from(">h", resp)[0]:
        return False
    user = username.replace("=", "=3D").replace(",", "=2C")
    client_nonce = secrets.token_urlsafe(18)
    first_bare = f"n={user},r={client_nonce}"
    server_first = authenticate(f"n,,{first_bare}".encode(), 11)
    if server_first is None:
        return False
    fields = dict(part.split("=", 1) for part in server_first.decode().split(","))
    if not fields.get("r", "").startswith(client_nonce):
        return False
    salted = hashlib.pbkdf2_hmac(
        "sha512", password.encode(), base64.b64decode(fields["s"]), int(fields["i"]))
    client_key = hmac.digest(salted, b"Client Key", "sha512")
    without_proof = f"c=biws,r={fields['r']}"
    auth_message = f"{first_bare},{server_first.decode()},{without_proof}".encode()
    signature = hmac.digest(hashlib.sha512(client_key).digest(), auth_message, "sha512")
    proof = bytes(a ^ b for a, b in zip(client_key, signature, strict=True))
    final = f"{without_proof},p={base64.b64encode(proof).decode()}".encode()
    return authenticate(final, 12) is not None


def kafka_broker_ready(port: int | None = None, timeout: float = 5.0,
                       min_brokers: int = 1) -> bool:
    """True once the broker lets the admin log in and answers a Metadata request listing at
    least `min_brokers` live brokers.

    Speaks the wire protocol directly (ApiVersions v0, SCRAM, then Metadata v1..v8) so that
    it needs no event loop and logs nothing while the broker is still starting.
    """
    try:
        with socket.create_connection((LOOPBACK, port or _kafka_port()), timeout=timeout) as sock:
            sock.settimeout(timeout)
            resp = _kafka_call(sock, 18, 0, b"", 1)  # ApiVersions v0
            error, count = struct.unpack_from(">hi", resp)
            if error:
                return False
            ranges = {}
            for i in range(count):
                key, low, high = struct.unpack_from(">hhh", resp, 6 + 6 * i)
                ranges[key] = (low, high)
            low, high = ranges.get(3, (0, -1))
            version = min(high, 8)  # Metadata v9+ uses the flexible encoding
            if version < max(low, 1):
                return False
            if not _scram_login(sock, KAFKA_ADMIN, kafka_admin_password()):
                return False
            body = struct.pack(">i", 0)  # no topics: we only want the broker list
            if version >= 4:
                body += b"\x00"  # allow_auto_topic_creation
            if version >= 8:
                body += b"\x00\x00"  # include cluster/topic authorized operations
            resp = _kafka_call(sock, 3, version, body, 2)
            (brokers,) = struct.unpack_from(">i", resp, 4 if version >= 3 else 0)
            return bool(brokers >= min_brokers)
    except (OSError, struct.error, ValueError, KeyError):
        return False


def _kafka_failure(message: str, node: KafkaNode | None = None) -> InfraError:
    node = node or kafka_nodes(1)[0]
    return InfraError(
        f"{message}\n{_tail(node.logs / 'server.log')}\n{_tail(node.out_file, 20)}"
    )


def _wait_kafka_ready(proc: psutil.Process, node: KafkaNode, timeout: float,
                      min_brokers: int = 1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if kafka_broker_ready(node.port, timeout=2.0, min_brokers=min_brokers):
            return
        if not _alive(proc):
            raise _kafka_failure(
                f"the Kafka broker {node.node_id} (pid {proc.pid}) exited while starting", node)
        time.sleep(0.25)
    _terminate(proc, 20, "Kafka")
    node.pid_file.unlink(missing_ok=True)
    raise _kafka_failure(
        f"the Kafka broker {node.node_id} was not ready on {LOOPBACK}:{node.port} "
        f"(with {min_brokers} brokers live) after {timeout:.0f} s", node)


def _configured_kafka_port(default: int, node: KafkaNode | None = None) -> int:
    """The client port the running broker was started with (its rendered server.properties)."""
    node = node or kafka_nodes(1)[0]
    with contextlib.suppress(OSError):
        text = node.props.read_text()
        match = re.search(r"^listeners=SASL_PLAINTEXT://[^:]+:(\d+)", text, re.M)
        if match:
            return int(match.group(1))
    return default


def kafka_bootstrap() -> str:
    """The bootstrap address of the configured broker or brokers (comma-separated)."""
    return ",".join(f"{LOOPBACK}:{_configured_kafka_port(n.port, n)}" for n in kafka_nodes())


def _spawn_kafka(node: KafkaNode, libs: Path, heap: list[str]) -> psutil.Process:
    cmd = [
        _java(),
        *heap,
        "-XX:+UseG1GC",
        "-XX:MaxGCPauseMillis=20",
        "-XX:+ExitOnOutOfMemoryError",
        "-Djava.awt.headless=true",
        f"-Dkafka.logs.dir={node.logs}",
        f"-Dlog4j2.configurationFile={repo_root() / 'infra' / 'kafka' / 'log4j2.yaml'}",
        f"-Dektp.kafka.log.level={os.environ.get('EKTP_KAFKA_LOG_LEVEL', 'INFO')}",
        "-cp",
        f"{libs}/*",
        "kafka.Kafka",
        str(node.props),
    ]
    log.info("starting Kafka node %d on %s:%d (controller %d)", node.node_id, LOOPBACK,
             node.port, node.controller_port)
    with node.out_file.open("ab") as out:
        child = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=node.home,
            start_new_session=True,
        )
    node.pid_file.write_text(f"{child.pid}\n")
    return psutil.Process(child.pid)


def start_kafka() -> str:
    """Start the KRaft node or nodes (EKTP_KAFKA_BROKERS) that are not running; return the
    bootstrap address. A cluster's missing node (e.g. one kill -9'd) is started alone and
    rejoins the others."""
    timeout = float(os.environ.get("EKTP_KAFKA_START_TIMEOUT", KAFKA_START_TIMEOUT))
    nodes = kafka_nodes()
    with _locked("kafka"):
        procs: dict[int, psutil.Process] = {}
        missing: list[KafkaNode] = []
        for node in nodes:
            proc = _find_kafka(node)
            if proc is None:
                missing.append(node)
                continue
            with contextlib.suppress(OSError):
                if "SASL_PLAINTEXT://" not in node.props.read_text():
                    raise InfraError(
                        f"the Kafka broker running from {node.home} (pid {proc.pid}) "
                        "predates SASL/SCRAM and lets anyone in: stop it (`make down`) and "
                        "start it again (`make up`)")
            procs[node.node_id] = proc
        if missing:
            for node in missing:
                node.pid_file.unlink(missing_ok=True)  # stale, if present
                for p in (node.port, node.controller_port):
                    if _port_in_use(p):
                        raise InfraError(
                            f"port {LOOPBACK}:{p} is taken by a program that is not our Kafka")
            libs = ensure_kafka_jars()
            for node in missing:
                _render_kafka_config(node, nodes)
            _kafka_format(libs, nodes)
            default_heap = KAFKA_HEAP_OPTS if len(nodes) == 1 else KAFKA_CLUSTER_HEAP_OPTS
            heap = os.environ.get("EKTP_KAFKA_HEAP_OPTS", default_heap).split()
            # All at once: a cluster's controllers elect a leader only with a majority up.
            for node in missing:
                procs[node.node_id] = _spawn_kafka(node, libs, heap)
        for node in nodes:  # a running node may still be starting
            _wait_kafka_ready(procs[node.node_id], node, timeout)
        if len(nodes) > 1:
            _wait_kafka_ready(procs[1], nodes[0], timeout, min_brokers=len(nodes))
        return kafka_bootstrap()


def stop_kafka() -> None:
    """SIGTERM every node (controlled shutdown), wait up to 60 s, then SIGKILL. A cluster's
    nodes are signalled together: the last ones would otherwise wait for a lost quorum."""
    with _locked("kafka"):
        nodes = _kafka_nodes_present()
        running = [(n, p) for n in nodes if (p := _find_kafka(n)) is not None]
        for node, proc in running:
            log.info("stopping Kafka node %d (pid %d)", node.node_id, proc.pid)
            with contextlib.suppress(psutil.Error):
                proc.terminate()
        threads = [threading.Thread(target=_terminate, args=(proc, 60, "Kafka"))
                   for _, proc in running]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for node in nodes:
            node.pid_file.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------
# PostgreSQL
# --------------------------------------------------------------------------------------------


def _pg_bin(name: str) -> str:
    env = os.environ.get("EKTP_PG_BIN")
    candidates = [Path(env)] if env else []
    candidates.append(Path("/usr/lib/postgresql/15/bin"))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for directory in candidates:
        if (directory / name).is_file():
            return str(directory / name)
    found = shutil.which(name)
    if found is None:
        raise InfraError(f"PostgreSQL's `{name}` not found (apt-get install postgresql-15)")
    return found


def _as_pg_user(cmd: list[str]) -> list[str]:
    """The server refuses to run as root: as root, run it as the `postgres` OS user."""
    return ["runuser", "-u", PG_OS_USER, "--", *cmd] if _is_root() else cmd


def _pg_can_use(path: Path) -> bool:
    if not _is_root():
        return True
    probe = subprocess.run(_as_pg_user(["test", "-x", str(path)]), check=False, cwd="/")
    return probe.returncode == 0


@functools.cache
def _pg_base(state: Path) -> Path:
    """Where pgdata/ and pgsocket/ live: the state dir, unless `postgres` cannot reach it."""
    if _is_root():
        with contextlib.suppress(OSError):
            os.chmod(state, state.stat().st_mode | 0o011)  # noqa: S103 - let `postgres` traverse
    socket_path_len = len(str(state / "pgsocket" / ".s.PGSQL.65535"))
    if _pg_can_use(state) and socket_path_len < 100:
        return state
    tag = hashlib.sha1(str(state).encode(), usedforsecurity=False).hexdigest()[:10]
    home = Path("/var/lib/postgresql")
    base = home / f"ektp-{tag}" if home.is_dir() else Path(tempfile.gettempdir()) / f"ektp-pg-{tag}"
    base.mkdir(parents=True, exist_ok=True)
    _chown_to_pg(base)
    log.debug("`%s` cannot use %s: PostgreSQL data goes to %s", PG_OS_USER, state, base)
    return base


def pg_data_dir() -> Path:
    return _pg_base(state_dir()) / "pgdata"


def _pg_socket_dir() -> Path:
    return _pg_base(state_dir()) / "pgsocket"


def postgres_admin_dsn(port: int | None = None) -> str:
    port = port or _pg_port()
    return f"postgresql://{PG_SUPERUSER}:{PG_SUPERUSER_PASSWORD}@{LOOPBACK}:{port}/postgres"


def _find_postmaster() -> psutil.Process | None:
    """The postmaster of our data dir: pid from postmaster.pid, a postgres process, cwd = pgdata."""
    data = pg_data_dir()
    pid = _read_pid(data / "postmaster.pid")
    if pid is None:
        return None
    try:
        proc = psutil.Process(pid)
        if proc.name() in ("postgres", "postmaster") and Path(proc.cwd()) == data and _alive(proc):
            return proc
    except psutil.Error:
        pass
    return None


def postgres_running() -> bool:
    return _find_postmaster() is not None


def _pg_running_port(default: int) -> int:
    """The port line (4th) of postmaster.pid."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        return int((pg_data_dir() / "postmaster.pid").read_text().splitlines()[3])
    return default


def _pg_clear_stale() -> None:
    """After a crash: kill orphaned backends of our data dir, remove pid and socket lock files."""
    data = pg_data_dir()
    orphans = []
    for proc in psutil.process_iter(["name"]):
        with contextlib.suppress(psutil.Error):
            if proc.info["name"] == "postgres" and Path(proc.cwd()) == data:
                proc.kill()
                orphans.append(proc)
    psutil.wait_procs(orphans, timeout=10)
    if (data / "postmaster.pid").exists():
        log.info("removing stale %s", data / "postmaster.pid")
        (data / "postmaster.pid").unlink()
    for leftover in _pg_socket_dir().glob(".s.PGSQL.*"):
        leftover.unlink(missing_ok=True)


def _pg_initdb(data: Path) -> None:
    if data.exists():
        shutil.rmtree(data)  # no PG_VERSION: an interrupted initdb, nothing to keep
    data.mkdir(mode=0o700, parents=True)
    _chown_to_pg(data)
    with tempfile.NamedTemporaryFile("w", dir=data.parent, prefix=".pgpw", delete=False) as fh:
        fh.write(PG_SUPERUSER_PASSWORD + "\n")
    pwfile = Path(fh.name)
    try:
        _chown_to_pg(pwfile)
        log.info("initdb %s", data)
        _run(
            _as_pg_user(
                [
                    _pg_bin("initdb"),
                    "-D",
                    str(data),
                    "-U",
                    PG_SUPERUSER,
                    f"--pwfile={pwfile}",
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    "-E",
                    "UTF8",
                    "--no-locale",
                    "--no-instructions",
                ]
            ),
            "initdb",
            cwd="/",
        )
    finally:
        pwfile.unlink(missing_ok=True)
    with (data / "postgresql.conf").open("a") as conf:
        conf.write(
            "\n# ektp devinfra: ektp.conf is rewritten at every start\n"
            "include_if_exists = 'ektp.conf'\n"
        )


def _pg_write_conf(data: Path, port: int) -> None:
    conf = data / "ektp.conf"
    conf.write_text(
        "# written by ektp_shared.devinfra at every start; edits are lost\n"
        f"listen_addresses = '{LOOPBACK}'\n"
        f"port = {port}\n"
        f"unix_socket_directories = '{_pg_socket_dir()}'\n"
        f"max_connections = {PG_MAX_CONNECTIONS}\n"
        "log_destination = 'stderr'\n"
        "logging_collector = off\n"
        "log_line_prefix = '%m [%p] %q%u@%d '\n"
    )
    _chown_to_pg(conf)


def start_postgres() -> str:
    """Start the PostgreSQL 15 cluster if it is not running (initdb once); return the admin DSN."""
    with _locked("postgres"):
        proc = _find_postmaster()
        if proc is not None:
            return postgres_admin_dsn(_pg_running_port(_pg_port()))
        _pg_clear_stale()
        port = _pg_port()
        if _port_in_use(port):
            raise InfraError(
                f"port {LOOPBACK}:{port} is taken by a program that is not our PostgreSQL"
            )
        data, sock = pg_data_dir(), _pg_socket_dir()
        if not (data / "PG_VERSION").is_file():
            _pg_initdb(data)
        sock.mkdir(parents=True, exist_ok=True)
        _chown_to_pg(sock)
        _pg_write_conf(data, port)
        pg_log = logs_dir() / "postgres.log"
        log.info("starting PostgreSQL on %s:%d (data %s)", LOOPBACK, port, data)
        # No `pg_ctl -l`: the server inherits this file, opened by us, so that the `postgres`
        # user needs no write access to the logs dir.
        with pg_log.open("ab") as out:
            result = subprocess.run(
                _as_pg_user([_pg_bin("pg_ctl"), "-D", str(data), "-w", "-t", "60", "start"]),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd="/",
                start_new_session=True,
                check=False,
            )
        if result.returncode != 0 or _find_postmaster() is None:
            raise InfraError(f"pg_ctl start failed (exit {result.returncode})\n{_tail(pg_log)}")
        return postgres_admin_dsn(port)


def stop_postgres() -> None:
    """pg_ctl stop -m fast; if that fails, kill the postmaster and its backends."""
    with _locked("postgres"):
        proc = _find_postmaster()
        if proc is not None:
            log.info("stopping PostgreSQL (pid %d)", proc.pid)
            with (logs_dir() / "postgres.log").open("ab") as out:
                result = subprocess.run(
                    _as_pg_user(
                        [
                            _pg_bin("pg_ctl"),
                            "-D",
                            str(pg_data_dir()),
                            "-m",
                            "fast",
                            "-w",
                            "-t",
                            "60",
                            "stop",
                        ]
                    ),
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    cwd="/",
                    check=False,
                )
            if result.returncode != 0:
                log.warning("pg_ctl stop failed (exit %d): killing the server", result.returncode)
                with contextlib.suppress(psutil.Error):
                    proc.kill()
        if _find_postmaster() is None:
            _pg_clear_stale()


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,62}$")


def _quote_ident(name: str) -> str:
    if not _IDENT.match(name):
        raise ValueError(f"not an acceptable PostgreSQL name: {name!r}")
    return '"' + name + '"'


def _quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


async def _ensure_role(conn: Any, name: str, password: str) -> None:
    import asyncpg

    role, secret = _quote_ident(name), _quote_literal(password)
    if await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", name) is None:
        with contextlib.suppress(asyncpg.DuplicateObjectError, asyncpg.UniqueViolationError):
            await conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD {secret}")
    await conn.execute(f"ALTER ROLE {role} LOGIN PASSWORD {secret}")


async def _ensure_databases(
    dsn: str, names: list[str], owner: str, password: str,
    service_role: str | None, service_password: str,
) -> None:
    import asyncpg

    try:
        conn = await asyncpg.connect(dsn, timeout=15)
    except (TimeoutError, OSError) as exc:
        raise InfraError(
            f"PostgreSQL is not reachable ({exc}): run `devinfra up postgres`"
        ) from exc
    try:
        await _ensure_role(conn, owner, password)
        if service_role:
            await _ensure_role(conn, service_role, service_password)
        role = _quote_ident(owner)
        for name in names:
            if await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name) is None:
                log.info("creating database %s owned by %s", name, owner)
                with contextlib.suppress(
                    asyncpg.DuplicateDatabaseError, asyncpg.UniqueViolationError
                ):
                    await conn.execute(f"CREATE DATABASE {_quote_ident(name)} OWNER {role}")
            if service_role:
                # Its table privileges are granted by the owner after each migration
                # (ektp_shared.migrations_env.RUNTIME_GRANTS): audit_log append-only.
                await conn.execute(f"GRANT CONNECT, TEMPORARY ON DATABASE {_quote_ident(name)}"
                                   f" TO {_quote_ident(service_role)}")
    finally:
        await conn.close()


def ensure_databases(
    names: Iterable[str],
    owner: str = "ektp",
    password: str = "ektp",  # noqa: S107
    service_role: str | None = "ektp_service",
    service_password: str = "ektp_service",  # noqa: S107
) -> None:
    """Idempotently create the login roles (their passwords are (re)set) and the databases,
    owned by ``owner``, which runs the migrations; ``service_role`` is the one the services
    connect as. PostgreSQL must be running (see start_postgres / ensure_local_infra)."""
    wanted = list(dict.fromkeys(names))
    for name in [owner, *([service_role] if service_role else []), *wanted]:
        _quote_ident(name)  # validate before touching the server
    dsn = postgres_admin_dsn(_pg_running_port(_pg_port()))
    _run_coro(lambda: _ensure_databases(dsn, wanted, owner, password, service_role,
                                        service_password))


# --------------------------------------------------------------------------------------------
# CUPS with a cups-pdf queue
# --------------------------------------------------------------------------------------------


def cups_pdf_output_dir() -> Path:
    """Where the `ektp-cups-pdf` queue writes its PDFs: /var/spool/cups-pdf/ektp
    (``EKTP_CUPS_PDF_DIR`` overrides it).

    The queue's device URI is ``cups-pdf:/ektp``, so the cups-pdf backend reads
    ``/etc/cups/cups-pdf-ektp.conf`` (written by :func:`start_cups`) and leaves the system-wide
    ``/etc/cups/cups-pdf.conf`` alone. That file sends the output of every job to this one
    directory whoever submits it: Debian's default (``Out ${HOME}/PDF``) scatters it over
    ``/root/PDF``, ``/var/spool/cups-pdf/ANONYMOUS`` (unknown users) and even ``/nonexistent/PDF``
    (system users such as ``nobody``). It also sets ``Label 2``: file names always end in
    ``-job_<job id>.pdf`` (the title part is mangled by cups-pdf, do not rely on it), so the PDF
    of job N is ``glob(f"*-job_{N}.pdf")``; ``lp`` prints the job as ``ektp-cups-pdf-N``.
    Files are world-readable (``UserUMask 0022``). Debian's AppArmor profile for cups-pdf
    allows ``/var/spool/cups-pdf/**``; another directory may need a profile change.
    """
    return Path(os.environ.get("EKTP_CUPS_PDF_DIR", str(DEFAULT_CUPS_PDF_DIR)))


def _cups_tool(name: str) -> str:
    for directory in ("/usr/sbin", "/usr/bin"):
        if Path(directory, name).is_file():
            return str(Path(directory, name))
    found = shutil.which(name)
    if found is None:
        raise InfraError(f"`{name}` not found (apt-get install cups printer-driver-cups-pdf)")
    return found


def cups_installed() -> bool:
    return Path("/usr/sbin/cupsd").is_file() or shutil.which("cupsd") is not None


def _find_cupsd() -> psutil.Process | None:
    for proc in psutil.process_iter(["name"]):
        if proc.info["name"] == "cupsd" and _alive(proc):
            return proc
    return None


def cups_running() -> bool:
    return _find_cupsd() is not None and _cups_queue_uri() == f"cups-pdf:/{CUPS_PDF_INSTANCE}"


def _cups_queue_uri() -> str | None:
    result = subprocess.run(
        [_cups_tool("lpstat"), "-v", CUPS_QUEUE], capture_output=True, text=True, check=False
    )
    match = re.search(r":\s*(\S+)\s*$", result.stdout.strip()) if result.returncode == 0 else None
    return match.group(1) if match else None


def _cups_pdf_conf() -> str:
    out = cups_pdf_output_dir()
    return (
        "# written by ektp_shared.devinfra.start_cups for the queue "
        f"{CUPS_QUEUE} (device uri cups-pdf:/{CUPS_PDF_INSTANCE})\n"
        f"Out {out}\nAnonDirName {out}\nLabel 2\nUserUMask 0022\nGrp lpadmin\n"
    )


def start_cups() -> str:
    """Start cupsd if needed and make sure the cups-pdf queue `ektp-cups-pdf` exists, enabled
    and accepting jobs; return the queue name. Needs root. See cups_pdf_output_dir()."""
    if not cups_installed():
        raise InfraError("cupsd is not installed (apt-get install cups printer-driver-cups-pdf)")
    if not CUPS_PDF_PPD.is_file():
        raise InfraError(f"{CUPS_PDF_PPD} missing (apt-get install printer-driver-cups-pdf)")
    with _locked("cups"):
        if _find_cupsd() is None:
            if not _is_root():
                raise InfraError("cupsd is not running and only root can start it")
            log.info("starting cupsd")
            _run([_cups_tool("cupsd")], "cupsd", start_new_session=True)  # daemonises itself
            deadline = time.monotonic() + 30
            while (
                _find_cupsd() is None
                or subprocess.run(
                    [_cups_tool("lpstat"), "-r"], capture_output=True, check=False
                ).returncode
            ):
                if time.monotonic() > deadline:
                    raise InfraError(
                        f"cupsd did not come up\n{_tail(Path('/var/log/cups/error_log'))}"
                    )
                time.sleep(0.2)
            proc = _find_cupsd()
            if proc is not None:
                (state_dir() / "cupsd.pid").write_text(f"{proc.pid}\n")

        if not _is_root():
            if _cups_queue_uri() == f"cups-pdf:/{CUPS_PDF_INSTANCE}":
                return CUPS_QUEUE
            raise InfraError(f"only root can create the CUPS queue {CUPS_QUEUE}")
        out = cups_pdf_output_dir()
        out.mkdir(parents=True, exist_ok=True)
        out.chmod(0o1777)  # cups-pdf writes as the submitting user (or `nobody`)
        conf = Path(f"/etc/cups/cups-pdf-{CUPS_PDF_INSTANCE}.conf")
        if not conf.is_file() or conf.read_text() != _cups_pdf_conf():
            conf.write_text(_cups_pdf_conf())
        if _cups_queue_uri() != f"cups-pdf:/{CUPS_PDF_INSTANCE}":
            log.info("creating the CUPS queue %s", CUPS_QUEUE)
            _run(
                [
                    _cups_tool("lpadmin"),
                    "-p",
                    CUPS_QUEUE,
                    "-E",
                    "-v",
                    f"cups-pdf:/{CUPS_PDF_INSTANCE}",
                    "-P",
                    str(CUPS_PDF_PPD),
                ],
                "lpadmin",
            )
        _run([_cups_tool("cupsenable"), CUPS_QUEUE], "cupsenable")
        _run([_cups_tool("cupsaccept"), CUPS_QUEUE], "cupsaccept")
        return CUPS_QUEUE


def stop_cups() -> None:
    """Stop cupsd, but only if start_cups started it (cupsd is a system service)."""
    with _locked("cups"):
        pid_file = state_dir() / "cupsd.pid"
        proc = _find_cupsd()
        if proc is not None and proc.pid == _read_pid(pid_file):
            log.info("stopping cupsd (pid %d)", proc.pid)
            _terminate(proc, 20, "cupsd")
        elif proc is not None:
            log.info("cupsd (pid %d) was not started by devinfra: left running", proc.pid)
        pid_file.unlink(missing_ok=True)


def tiny_pdf(text: str = "e-KTP devinfra test page") -> bytes:
    """A valid one-page PDF (card-sized, one line of Helvetica) built without any library."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 12 Tf 20 100 Td ({safe}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 243 153] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def cups_selftest(timeout: float = 60.0) -> Path:
    """Print tiny_pdf() on the queue with `lp` and return the PDF that cups-pdf wrote."""
    queue = start_cups()
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(tiny_pdf())
        fh.flush()
        result = _run([_cups_tool("lp"), "-d", queue, "-t", "devinfra-selftest", fh.name], "lp")
    match = re.search(rf"{re.escape(queue)}-(\d+)", result.stdout)
    if match is None:
        raise InfraError(f"unexpected lp output: {result.stdout!r}")
    job = match.group(1)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = subprocess.run(
            [_cups_tool("lpstat"), "-o", queue], capture_output=True, text=True, check=False
        ).stdout
        files = sorted(cups_pdf_output_dir().glob(f"*-job_{job}.pdf"))
        if files and f"{queue}-{job} " not in pending:
            return files[0]
        time.sleep(0.25)
    raise InfraError(
        f"job {queue}-{job} left no PDF in {cups_pdf_output_dir()} after {timeout:.0f} s\n"
        + _tail(Path(f"/var/log/cups/cups-pdf-{queue}_log"), 20)
    )


# --------------------------------------------------------------------------------------------
# Everything together
# --------------------------------------------------------------------------------------------


def provision_local_kafka(prefix: str | None = None, *, office_tag: str = "",
                          province_reader: ProvinceReader | None = None) -> Provisioned:
    """``make topics``: the office's topics, each service's principal (its password
    generated once in :func:`kafka_secrets_dir`) and the ACLs, on the local broker.
    ``prefix``: the office's topic prefix (default: EKTP_TOPIC_PREFIX, else topic_base and
    the office's kabupaten); ``office_tag``: the principals are that office's own
    (``ektp-sync.71-74``); ``province_reader``: the provincial dashboard's rights too."""
    from ektp_shared.config import ServiceSettings
    from ektp_shared.kafka_provision import SERVICE_TOPICS, TopicSettings, provision

    settings = ServiceSettings()
    admin = KafkaAccess(kafka_bootstrap(), KAFKA_ADMIN, kafka_admin_password())
    principals = [s.principal_of(office_tag) for s in SERVICE_TOPICS]
    if province_reader is not None:
        principals.append(province_reader.principal)
    passwords = {p: kafka_secret(p) for p in principals}
    # A cluster's topics are replicated 3 (min ISR 2) unless EKTP_KAFKA_REPLICATION_FACTOR says.
    replication = (settings.kafka_replication_factor
                   if "kafka_replication_factor" in settings.model_fields_set
                   else min(_kafka_brokers(), 3))
    topics = TopicSettings(partitions=settings.kafka_partitions,
                           replication_factor=replication,
                           retention_days=settings.topic_retention_days)
    chosen = settings.topic_prefix if prefix is None else prefix
    return _run_coro(lambda: provision(admin, prefix=chosen, passwords=passwords,
                                       topics=topics, office_tag=office_tag,
                                       province_reader=province_reader))


def ensure_local_infra() -> InfraEndpoints:
    """Start Kafka and PostgreSQL as local processes unless they already run; return endpoints."""
    return InfraEndpoints(kafka_bootstrap=start_kafka(), postgres_admin_dsn=start_postgres(),
                          kafka_admin_username=KAFKA_ADMIN,
                          kafka_admin_password=kafka_admin_password())


def testcontainers_infra() -> tuple[InfraEndpoints, Callable[[], None]]:
    """Kafka + PostgreSQL in containers (machines with a Docker engine), via testcontainers 4.x.

    Kafka: Confluent's cp-kafka in KRaft mode (``EKTP_TC_KAFKA_IMAGE``, default
    confluentinc/cp-kafka:7.9.0 = Apache Kafka 3.9), configured like infra/kafka's template.
    PostgreSQL: ``EKTP_TC_POSTGRES_IMAGE`` (postgres:15) with superuser postgres/postgres and
    max_connections=300. Returns the endpoints and a function that stops both containers.
    """
    try:  # testcontainers >= 4.14 moved the modules under testcontainers.community
        from testcontainers.community.kafka import KafkaContainer
        from testcontainers.community.postgres import PostgresContainer
    except ImportError:
        from testcontainers.kafka import KafkaContainer
        from testcontainers.postgres import PostgresContainer

    kafka = (
        KafkaContainer(os.environ.get("EKTP_TC_KAFKA_IMAGE", "confluentinc/cp-kafka:7.9.0"))
        .with_kraft()
        # No SASL here (the container's listeners are testcontainers'), but as everywhere
        # topics are made by the fixtures' provisioning, never by use.
        .with_env("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
        .with_env("KAFKA_NUM_PARTITIONS", "3")
        .with_env("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1")
        .with_env("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
        .with_env("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
        .with_env("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "1")
        .with_env("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
    )
    postgres = PostgresContainer(
        os.environ.get("EKTP_TC_POSTGRES_IMAGE", "postgres:15"),
        username=PG_SUPERUSER,
        password=PG_SUPERUSER_PASSWORD,
        dbname="postgres",
        driver=None,
    ).with_command(f"postgres -c max_connections={PG_MAX_CONNECTIONS}")

    started: list[Any] = []

    def stop() -> None:
        for container in reversed(started):
            with contextlib.suppress(Exception):
                container.stop()
        started.clear()

    try:
        kafka.start(timeout=120)
        started.append(kafka)
        postgres.start()
        started.append(postgres)
        endpoints = InfraEndpoints(
            kafka_bootstrap=kafka.get_bootstrap_server(),
            postgres_admin_dsn=postgres.get_connection_url(),
        )
    except BaseException:
        stop()
        raise
    return endpoints, stop


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def _kafka_node_status(node: KafkaNode) -> tuple[bool, str]:
    proc = _find_kafka(node)
    port = _configured_kafka_port(node.port, node) if proc else node.port
    ready = proc is not None and kafka_broker_ready(port)
    state = "up" if ready else "starting" if proc else "down"
    pid = proc.pid if proc else "-"
    detail = f"{LOOPBACK}:{port}  log {node.logs / 'server.log'}"
    return ready, f"{node.name:9} {state:8} pid {pid!s:>7}  {detail}"


def _status(component: str) -> tuple[bool, str]:
    if component == "kafka":
        results = [_kafka_node_status(node) for node in _kafka_nodes_present()]
        return all(up for up, _ in results), "\n".join(line for _, line in results)
    if component == "postgres":
        proc = _find_postmaster()
        dsn = postgres_admin_dsn(_pg_running_port(_pg_port()) if proc else None)
        pid = proc.pid if proc else "-"
        state = "up" if proc else "down"
        return proc is not None, f"postgres  {state:8} pid {pid!s:>7}  {dsn}  data {pg_data_dir()}"
    if not cups_installed():
        return False, "cups      missing  (cupsd is not installed)"
    proc = _find_cupsd()
    up = proc is not None and cups_running()
    state = "up" if up else "no-queue" if proc else "down"
    pid = proc.pid if proc else "-"
    detail = f"queue {CUPS_QUEUE} -> {cups_pdf_output_dir()}  ipp://{LOOPBACK}:631"
    return up, f"cups      {state:8} pid {pid!s:>7}  {detail}"


def _components(names: list[str]) -> list[str]:
    if not names:
        return list(DEFAULT_COMPONENTS)
    chosen: list[str] = []
    for name in names:
        if name == "all":
            extra = list(COMPONENTS) if cups_installed() else list(DEFAULT_COMPONENTS)
            if not cups_installed():
                print("note: cupsd is not installed, `all` skips cups", file=sys.stderr)
            chosen += extra
        elif name in COMPONENTS:
            chosen.append(name)
        else:
            raise InfraError(f"unknown component {name!r} (choose from kafka, postgres, cups, all)")
    return list(dict.fromkeys(chosen))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ektp_shared.devinfra",
        description="Local Kafka / PostgreSQL / CUPS for development and tests (no Docker).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command, text in (("up", "start"), ("down", "stop"), ("status", "show")):
        p = sub.add_parser(command, help=f"{text} components (default: kafka postgres)")
        p.add_argument(
            "components", nargs="*", metavar="COMPONENT", help="kafka, postgres, cups, all"
        )
    db = sub.add_parser("ensure-db", help="create the roles and databases if missing")
    db.add_argument("names", nargs="+", metavar="NAME")
    db.add_argument("--owner", default="ektp", help="owns the tables, runs the migrations")
    db.add_argument("--password", default="ektp")
    db.add_argument("--service-role", default="ektp_service",
                    help="the role the services connect as (audit_log append-only)")
    db.add_argument("--service-password", default="ektp_service")
    topics = sub.add_parser(
        "topics", help="create the topics, the services' Kafka principals and their ACLs")
    topics.add_argument("--prefix", default=None,
                        help="topic and group prefix (default: the office's, EKTP_TOPIC_PREFIX)")
    sub.add_parser("jars", help="fetch the Kafka jars into .cache/kafka/libs")
    sub.add_parser("cups-selftest", help="print a test PDF on the cups-pdf queue")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="devinfra: %(message)s")
    logging.getLogger("aiokafka").setLevel(logging.WARNING)  # one line per SCRAM login

    try:
        if args.command == "up":
            for component in _components(args.components):
                started = time.monotonic()
                start: Callable[[], str] = {
                    "kafka": start_kafka,
                    "postgres": start_postgres,
                    "cups": start_cups,
                }[component]
                where = start()
                print(f"{component:9} up  {where}  ({time.monotonic() - started:.1f} s)")
        elif args.command == "down":
            stops: dict[str, Callable[[], None]] = {
                "kafka": stop_kafka,
                "postgres": stop_postgres,
                "cups": stop_cups,
            }
            for component in reversed(_components(args.components)):
                stops[component]()
                print(f"{component:9} down")
        elif args.command == "status":
            results = [_status(c) for c in _components(args.components)]
            for _, line in results:
                print(line)
            return 0 if all(up for up, _ in results) else 1
        elif args.command == "ensure-db":
            ensure_databases(args.names, owner=args.owner, password=args.password,
                             service_role=args.service_role,
                             service_password=args.service_password)
            print(f"databases {', '.join(args.names)} owned by {args.owner}, "
                  f"used by {args.service_role}: ok")
        elif args.command == "topics":
            done = provision_local_kafka(args.prefix)
            print(f"kafka     {len(done.topics)} topics ({len(done.created_topics)} new), "
                  f"{len(done.users)} principals, {len(done.acls)} ACLs: ok")
        elif args.command == "jars":
            print(ensure_kafka_jars())
        elif args.command == "cups-selftest":
            pdf = cups_selftest()
            print(f"printed: {pdf} ({pdf.stat().st_size} bytes)")
    except InfraError as exc:
        print(f"devinfra: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
