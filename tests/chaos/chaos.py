"""The chaos run (issue 14): the office's drive through the real services and their HTTP
APIs while a seeded schedule of faults hits it, each fault confirmed as it happens; then the
report of what was lost, what was done twice, and how long each recovery took.

The drive is the whole-office day (tests/e2e/test_whole_office.py: roster from the centre,
field checks, recordings with duplicates, blanks received and issued, 4 printers with one
broken, handovers, Sukets; every figure checked against what the run itself sent). The
faults come in through its ``midrun`` hook, between two recordings:
- every service SIGKILLed (``kills_per_service`` times), its port seen closed, started again;
- Kafka and PostgreSQL kill -9'd, their ports seen closed, started again;
- the centre down for a while, then erring on a share of its calls;
- the link between sync and the centre slow and lossy (an asyncio fault proxy,
  ektp_shared.testing.faultproxy), for the whole run;
- a printer breaking while it prints (its status set BROKEN by the print room, as when its
  head fails), besides the one broken from the start.
Recovery of a fault: from its end (the process started again) until the service answers
ready and every outbox of the office is drained (nothing its absence left waiting); for the
centre's faults, also until every recording sync had queued before the fault's end has its
verdict (the queue its absence left in sync).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import signal
import socket
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from e2e_stack import Stack

from ektp_shared import devinfra
from ektp_shared.testing.faultproxy import FaultProxy

# Services the chaos kills; the centre's simulator stands for the outside world (its faults
# are its own: down, erring).
KILLED = ("enrollment", "sync", "printing", "inventory", "dashboard", "accounts", "web")
OUTBOXES = ("enrollment", "sync", "printing", "inventory", "dashboard")


@dataclass
class Fault:
    kind: str  # kill, kafka, postgres, centre_down, centre_errors, link, printer_breaks
    target: str
    started: float  # seconds since the run began
    ended: float | None = None
    confirmed: str = ""  # what was seen: the process gone, the port closed, ...
    recovered_after: float | None = None  # seconds from its end until backlogs were empty


@dataclass
class Report:
    seed: int
    sizes: dict[str, int | str]
    faults: list[Fault] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    wall_seconds: float = 0.0

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), indent=2, default=str) + "\n")


def port_closed(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) != 0


@dataclass
class Chaos:
    stack: Stack
    proxy: FaultProxy
    seed: int
    recordings: int
    kills_per_service: int = 1
    # kill -9 the broker too: on a broker holding every test's topics its recovery takes
    # minutes, so the small run of make test leaves it to make chaos
    kill_kafka: bool = True
    centre_down_seconds: float = 20.0
    centre_error_share: float = 0.25
    printer_breaks: str | None = None  # the name of the printer that breaks mid-run
    report: Report | None = None
    began: float = field(default_factory=time.monotonic)
    plan: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    _background: list[asyncio.Task[None]] = field(default_factory=list)
    restarts: dict[str, int] = field(default_factory=dict)  # by the harness's supervisor

    def __post_init__(self) -> None:
        """The seeded schedule: each fault at a random recording (its instant), none in the
        first or last tenth, so the run starts and ends with every part up."""
        rnd = random.Random(self.seed)
        low, high = self.recordings // 10, self.recordings - self.recordings // 10
        faults = [("kill", s) for s in KILLED for _ in range(self.kills_per_service)]
        faults += [("postgres", "server"), ("centre_down", "central-sim")]
        faults += [("kafka", "broker")] if self.kill_kafka else []
        faults += [("printer_breaks", self.printer_breaks)] if self.printer_breaks else []
        for fault in faults:
            self.plan.setdefault(rnd.randrange(low, high), []).append(fault)

    def now(self) -> float:
        return round(time.monotonic() - self.began, 1)

    def add(self, fault: Fault) -> Fault:
        assert self.report is not None
        self.report.faults.append(fault)
        return fault

    async def midrun(self, i: int) -> None:
        for kind, target in self.plan.get(i, []):
            await getattr(self, f"_{kind}")(target)

    # --- the faults ------------------------------------------------------------------

    async def _kill(self, service: str) -> None:
        proc = self.stack.processes[service]
        port = int(self.stack.urls[service].rsplit(":", 1)[1])
        fault = self.add(Fault("kill", service, self.now()))
        assert proc.proc is not None
        pid = proc.proc.pid
        proc.kill9()
        assert proc.proc.poll() is not None and port_closed(port), f"{service} still up"
        fault.confirmed = f"pid {pid} exited with {proc.proc.returncode}; port {port} closed"
        proc.start()
        fault.ended = self.now()
        if service == "enrollment":  # the clerk waits for the counter's service to be back
            await self.ready(service)
        self._watch(fault, service)

    async def _kafka(self, _: str) -> None:
        found = devinfra._find_kafka()
        assert found is not None, "no Kafka broker to kill"
        fault = self.add(Fault("kafka", "broker", self.now()))
        os.kill(found.pid, signal.SIGKILL)
        port = devinfra.kafka_nodes()[0].port
        await self._until(lambda: port_closed(port), 30, "the broker's port closed")
        fault.confirmed = f"broker pid {found.pid} SIGKILLed; port {port} closed"

        async def back() -> None:
            await asyncio.sleep(10)  # the office records on meanwhile: outboxes fill
            os.environ.setdefault("EKTP_KAFKA_START_TIMEOUT", "600")
            await asyncio.to_thread(devinfra.start_kafka)
            fault.ended = self.now()
            await self._recovered(fault, None)
        self._background.append(asyncio.ensure_future(back()))

    async def _postgres(self, _: str) -> None:
        found = devinfra._find_postmaster()
        assert found is not None, "no PostgreSQL to kill"
        port = devinfra._pg_port()
        fault = self.add(Fault("postgres", "server", self.now()))
        os.kill(found.pid, signal.SIGKILL)
        await self._until(lambda: port_closed(port), 30, "PostgreSQL's port closed")
        fault.confirmed = f"postmaster pid {found.pid} SIGKILLed; port {port} closed"
        await asyncio.sleep(3)  # the services see it gone (their readiness fails)
        await asyncio.to_thread(devinfra.start_postgres)
        fault.ended = self.now()
        # The counter goes on once enrollment answers again; the rest recover meanwhile.
        await self.ready("enrollment")
        self._watch(fault, None)

    async def _centre_down(self, _: str) -> None:
        fault = self.add(Fault("centre_down", "central-sim", self.now()))
        await self.stack.call("PUT", "central-sim", "/control/faults", json={"down": True})
        faults = await self.stack.call("GET", "central-sim", "/control/faults")
        assert faults["down"], faults
        fault.confirmed = "the centre's /control/faults says down"

        async def then_erring() -> None:
            await asyncio.sleep(self.centre_down_seconds)
            before = await self.stack.call("GET", "central-sim", "/control/counters")
            await self.stack.call("PUT", "central-sim", "/control/faults", json={
                "down": False, "error_share": self.centre_error_share})
            fault.ended = self.now()
            fault.confirmed += f"; {before['fault_down']} calls refused while down"
            erring = self.add(Fault("centre_errors", "central-sim", self.now(),
                                    confirmed=f"error_share {self.centre_error_share}"))
            await asyncio.sleep(self.centre_down_seconds)
            await self.stack.call("PUT", "central-sim", "/control/faults", json={"down": False})
            erring.ended = self.now()
            await self._recovered(erring, None, centre=True)
            fault.recovered_after = erring.recovered_after
        self._background.append(asyncio.ensure_future(then_erring()))

    async def _printer_breaks(self, name: str) -> None:
        printers = await self.stack.call("GET", "printing", "/printers", role="printer")
        items = printers if isinstance(printers, list) else printers["items"]
        printer = next(p for p in items if p["name"] == name)
        fault = self.add(Fault("printer_breaks", name, self.now()))
        moved = await self.stack.call(
            "POST", "printing", f"/printers/{printer['id']}/status", role="printer",
            json={"status": "BROKEN", "reason": "kepala cetak rusak"})
        seen = await self.stack.call("GET", "printing", f"/printers/{printer['id']}",
                                     role="printer")
        assert seen["status"] == "BROKEN", seen
        fault.confirmed = (f"printer {printer['id']} BROKEN; {moved['jobs_moved']} queued "
                           "jobs moved to the others")
        fault.ended = self.now()  # it stays broken: its jobs are the others' now
        self._watch(fault, "printing")

    async def snapshot(self) -> dict[str, Any]:
        """What the office shows when the drive gives up: which stage stopped."""
        shot: dict[str, Any] = {"at": self.now()}
        calls = {"progress": ("dashboard", "/progress", "operator"),
                 "sync": ("sync", "/sync/status", "operator"),
                 "print_room": ("printing", "/print-room", "printer"),
                 "stock": ("inventory", "/stock", "storekeeper")}
        for key, (service, path, role) in calls.items():
            try:
                shot[key] = await self.stack.call("GET", service, path, role=role)
            except Exception as e:  # a snapshot shows what it can
                shot[key] = f"{type(e).__name__}: {e}"
        for name in OUTBOXES:
            with contextlib.suppress(OSError, asyncpg.PostgresError):
                conn = await asyncpg.connect(self.stack.databases[name], timeout=5)
                try:
                    shot[f"outbox_{name}"] = await conn.fetchval(
                        "SELECT count(*) FROM outbox WHERE published_at IS NULL")
                finally:
                    await conn.close()
        return shot

    def link(self, latency: float, jitter: float, reset_share: float) -> None:
        self.proxy.set(latency=latency, jitter=jitter, reset_share=reset_share)
        self.add(Fault("link", "sync -> centre", self.now(),
                       confirmed=f"latency {latency}+{jitter} s, resets {reset_share}"))

    # --- recovery ---------------------------------------------------------------------

    def _watch(self, fault: Fault, service: str | None) -> None:
        self._background.append(asyncio.ensure_future(self._recovered(fault, service)))

    async def _recovered(self, fault: Fault, service: str | None, centre: bool = False) -> None:
        ended, ended_at = time.monotonic(), dt.datetime.now(dt.UTC)
        for name in [service] if service else list(self.stack.urls):
            await self.ready(name)
        await self._until_async(self.outboxes_empty, 600, "every outbox drained")
        if centre:
            await self._until_async(lambda: self.decided_before(ended_at), 900,
                                    "a verdict for each recording queued before the fault's end")
        fault.recovered_after = round(time.monotonic() - ended, 1)

    async def decided_before(self, at: dt.datetime) -> bool:
        """No recording queued in sync before ``at`` still waits for the centre (to be sent,
        or for its verdict)."""
        return await self._count("sync", """SELECT count(*) FROM submissions
            WHERE created_at < $1 AND state IN ('PENDING', 'SENT_FOR_ENROLLMENT')""", at) == 0

    async def ready(self, name: str) -> None:
        """Until the service answers ready. One that died starting (its database still
        starting up) is started again, as a supervisor (systemd, compose's restart policy)
        would."""
        proc = self.stack.processes[name]

        async def answers() -> bool:
            if proc.proc is not None and proc.proc.poll() is not None:
                self.restarts[name] = self.restarts.get(name, 0) + 1
                proc.start()
            with contextlib.suppress(httpx.HTTPError):
                async with httpx.AsyncClient(timeout=5) as http:
                    r = await http.get(self.stack.urls[name] + "/readyz")
                    return r.status_code == 200
            return False
        await self._until_async(answers, 300, f"{name} ready again")

    async def outboxes_empty(self) -> bool:
        for name in OUTBOXES:
            waiting = await self._count(
                name, "SELECT count(*) FROM outbox WHERE published_at IS NULL")
            if waiting != 0:  # None: the database is away, not drained
                return False
        return True

    async def _count(self, service: str, sql: str, *args: Any) -> int | None:
        """A count in the service's own database; None (not yet) while it is away."""
        try:
            conn = await asyncpg.connect(self.stack.databases[service], timeout=5)
        except (OSError, asyncpg.PostgresError):
            return None
        try:
            return int(await conn.fetchval(sql, *args))
        except (OSError, asyncpg.PostgresError):
            return None
        finally:
            await conn.close()

    async def settle(self) -> None:
        """Wait for the faults still running (a broker coming back, the centre erring)."""
        await asyncio.gather(*self._background)
        self._background.clear()
        for name in self.stack.processes:
            await self.ready(name)

    @staticmethod
    async def _until(check: Any, seconds: float, what: str) -> None:
        deadline = time.monotonic() + seconds
        while not check():
            if time.monotonic() > deadline:
                raise AssertionError(f"not within {seconds} s: {what}")
            await asyncio.sleep(0.2)

    @staticmethod
    async def _until_async(check: Any, seconds: float, what: str) -> None:
        deadline = time.monotonic() + seconds
        while not await check():
            if time.monotonic() > deadline:
                raise AssertionError(f"not within {seconds} s: {what}")
            await asyncio.sleep(0.5)


async def nothing_twice(stack: Stack, blanks: int) -> dict[str, int]:
    """Effects counted in the services' own databases: no resident with two cards, no
    blank used twice or moved twice the same way, the ledger balanced."""
    printing = await asyncpg.connect(stack.databases["printing"])
    try:
        two_cards = await printing.fetchval(
            """SELECT count(*) FROM (SELECT nik FROM print_jobs
               WHERE status IN ('PRINTED', 'ISSUED') GROUP BY nik HAVING count(*) > 1) t""")
        blank_twice = await printing.fetchval(
            """SELECT count(*) FROM (SELECT blank_serial FROM print_jobs
               WHERE blank_serial IS NOT NULL GROUP BY blank_serial HAVING count(*) > 1) t""")
    finally:
        await printing.close()
    inventory = await asyncpg.connect(stack.databases["inventory"])
    try:
        moved_twice = await inventory.fetchval(
            """SELECT count(*) FROM (SELECT serial, kind FROM movements GROUP BY serial, kind
               HAVING count(*) > 1) t""")
        exceptions = await inventory.fetchval("SELECT count(*) FROM ledger_exceptions")
        unbalanced = await inventory.fetchval(
            """SELECT count(*) FROM blanks b WHERE b.state IS DISTINCT FROM (
                   SELECT to_state FROM movements m WHERE m.serial = b.serial
                   ORDER BY id DESC LIMIT 1)""")
        in_ledger = await inventory.fetchval("SELECT count(*) FROM blanks")
    finally:
        await inventory.close()
    return {"residents_with_two_cards": int(two_cards), "blanks_used_twice": int(blank_twice),
            "blanks_moved_twice": int(moved_twice), "ledger_exceptions": int(exceptions),
            "blanks_unbalanced": int(unbalanced), "blanks_missing": blanks - int(in_ledger)}
