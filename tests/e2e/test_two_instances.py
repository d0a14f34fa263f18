"""The whole office with two instances of every service (issue 13), against the same
databases and consumer groups, with kills.

Two instances of enrollment, sync, printing, inventory, dashboard, accounts and web (the
centre's simulator stays one: it stands for the outside system). During the recordings the
holder of every lease is SIGKILLed: sync's centre lease, the print engine, the stock watch and
each service's outbox relay; then one instance of the dashboard, accounts and web. Each time
the other instance takes over within seconds (the lease's token grows, held by a live process),
and the killed one is started again (and is ready before the next kills, so each holder has a
peer standing by). Afterwards the whole-office figures add up (nothing lost),
no resident has two cards, no blank moved twice the same way, the ledger balances, and the
centre saw a recording again at most one submission batch per kill of sync's holder.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field

import asyncpg
import pytest
import pytest_asyncio
from e2e_stack import SERVICES, Stack, running_stack
from test_whole_office import Sizes, whole_office

from ektp_shared.testing.processes import ServiceProcess

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

TWO = {name: 2 for name, _ in SERVICES if name != "central-sim"}
SIZES = Sizes(roster=240, recorded=216, duplicates=21, blanks=180, handed_over=50, suket=5)
BATCH = 10  # sync's submission batch: the most the centre may see again per kill
TAKEOVER_SECONDS = 20.0  # lease of 5 s, a try every third of it, on a loaded 2-core machine

# What must run once per office, per service: a lease row in the service's database.
LEASES = {"sync": "sync-centre", "printing": "print-engine", "inventory": "stock-watch"}
RELAYS = ("enrollment", "sync", "printing", "inventory", "dashboard")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def stack(infra, topic_prefix, create_database, jwt_keys, centre_keys, print_room_keys,
                make_token, tmp_path_factory, service_kafka):
    async with running_stack(infra, topic_prefix, create_database, make_token,
                             tmp_path_factory.mktemp("two"), service_kafka, replicas=TWO,
                             overrides={"sync": {"EKTP_SUBMIT_BATCH_SIZE": str(BATCH)}},
                             ) as running:
        yield running


@dataclass
class Kill:
    service: str
    what: str  # the lease, "relay", or "instance"
    took: float | None  # seconds until another instance held it


@dataclass
class Chaos:
    """Finds who holds what (the lease rows name a pid), kills it, waits for the takeover."""

    stack: Stack
    kills: list[Kill] = field(default_factory=list)
    restarting: list[tuple[str, ServiceProcess]] = field(default_factory=list)

    async def holder(self, service: str, what: str) -> tuple[int, int] | None:
        """(token, pid) of the live holder of a lease or of the relay, if any."""
        conn = await asyncpg.connect(self.stack.databases[service])
        try:
            if what == "relay":
                row = await conn.fetchrow("SELECT token, holder FROM outbox_relay_lease")
                match = re.search(r"pid (\d+)", (row and row["holder"]) or "")
            else:
                row = await conn.fetchrow(
                    "SELECT token, holder FROM leases WHERE name = $1 "
                    "AND expires_at > clock_timestamp()", what)
                match = re.match(r"[^:]*:(\d+):", (row and row["holder"]) or "")
        finally:
            await conn.close()
        if row is None or match is None:
            return None
        pid = int(match.group(1))
        alive = {p.proc.pid for p in self.stack.instances[service]
                 if p.proc is not None and p.proc.poll() is None}
        return (int(row["token"]), pid) if pid in alive else None

    async def kill_holder(self, service: str, what: str) -> None:
        held = await self._until(lambda: self.holder(service, what), 60,
                                 f"{service}: a holder of {what}")
        token, pid = held
        proc = next(p for p in self.stack.instances[service]
                    if p.proc is not None and p.proc.pid == pid)
        started = time.monotonic()
        proc.kill9()

        async def successor() -> tuple[int, int] | None:
            now = await self.holder(service, what)
            return now if now is not None and now[0] > token and now[1] != pid else None
        await self._until(successor, TAKEOVER_SECONDS * 2, f"{service}: {what} taken over")
        self.kills.append(Kill(service, what, time.monotonic() - started))
        self._restart(service, proc)

    def kill_first_instance(self, service: str) -> None:
        proc = self.stack.instances[service][0]
        proc.kill9()
        self.kills.append(Kill(service, "instance", None))
        self._restart(service, proc)

    def _restart(self, service: str, proc: ServiceProcess) -> None:
        proc.start()  # on its own port again, as a supervisor (systemd, compose) would
        self.restarting.append((service, proc))

    async def all_back(self) -> None:
        for service, proc in self.restarting:
            url = self.stack.instance_urls[service][self.stack.instances[service].index(proc)]
            await asyncio.to_thread(proc.wait_http, url + "/readyz", 180)
        self.restarting.clear()

    @staticmethod
    async def _until(check, seconds: float, what: str):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = await check()
            if found is not None:
                return found
            await asyncio.sleep(0.2)
        raise AssertionError(f"not within {seconds} s: {what}")


async def test_two_instances_of_every_service_add_up_through_the_kills(stack: Stack):
    chaos = Chaos(stack)
    recorded = SIZES.recorded
    plan = {
        recorded // 5: [("sync", LEASES["sync"]), ("enrollment", "relay")],
        2 * recorded // 5: [("printing", LEASES["printing"]),
                            ("inventory", LEASES["inventory"])],
        3 * recorded // 5: [(s, "relay") for s in ("sync", "printing", "inventory",
                                                   "dashboard")],
        4 * recorded // 5: [("sync", LEASES["sync"])],
    }

    async def midrun(i: int) -> None:
        if i in plan:
            # Each holder has a live peer standing by: the ones killed before are back.
            await chaos.all_back()
        for service, what in plan.get(i, []):
            await chaos.kill_holder(service, what)
        if i == 4 * recorded // 5:
            for service in ("dashboard", "accounts", "web", "enrollment"):
                chaos.kill_first_instance(service)
        if i == recorded - 1:
            await chaos.all_back()

    await whole_office(stack, sizes=SIZES, midrun=midrun)

    # --- every lease holder was killed, and another instance took over within seconds ----
    leased = {(k.service, k.what) for k in chaos.kills}
    assert {(s, n) for s, n in LEASES.items()} <= leased
    assert {(s, "relay") for s in RELAYS} <= leased
    took = [k.took for k in chaos.kills if k.took is not None]
    assert max(took) < TAKEOVER_SECONDS, chaos.kills
    print("\ntakeovers:", ", ".join(f"{k.service}/{k.what} {k.took:.1f} s"
                                    for k in chaos.kills if k.took is not None))

    # --- nothing done twice -----------------------------------------------------------
    printing = await asyncpg.connect(stack.databases["printing"])
    try:
        twice = await printing.fetch(
            """SELECT nik, count(*) FROM print_jobs WHERE status IN ('PRINTED', 'ISSUED')
               GROUP BY nik HAVING count(*) > 1""")
        assert twice == [], f"residents with two cards: {twice}"
        blanks_twice = await printing.fetch(
            """SELECT blank_serial, count(*) FROM print_jobs WHERE blank_serial IS NOT NULL
               GROUP BY blank_serial HAVING count(*) > 1""")
        assert blanks_twice == [], f"blanks used twice: {blanks_twice}"
    finally:
        await printing.close()
    inventory = await asyncpg.connect(stack.databases["inventory"])
    try:
        moved_twice = await inventory.fetch(
            """SELECT serial, kind, count(*) FROM movements GROUP BY serial, kind
               HAVING count(*) > 1""")
        assert moved_twice == [], f"a blank moved twice the same way: {moved_twice[:5]}"
        assert await inventory.fetchval("SELECT count(*) FROM ledger_exceptions") == 0
        # The ledger balances: each blank is where its last movement put it.
        unbalanced = await inventory.fetchval(
            """SELECT count(*) FROM blanks b WHERE b.state IS DISTINCT FROM (
                   SELECT to_state FROM movements m WHERE m.serial = b.serial
                   ORDER BY id DESC LIMIT 1)""")
        assert unbalanced == 0
        assert await inventory.fetchval("SELECT count(*) FROM blanks") == SIZES.blanks
    finally:
        await inventory.close()

    # --- the centre saw again at most one batch per kill of sync's centre-lease holder ---
    centre = await stack.call("GET", "central-sim", "/control/counters")
    sync_kills = sum(1 for k in chaos.kills if (k.service, k.what) == ("sync", LEASES["sync"]))
    print(f"centre: received {centre['received']}, repeats {centre['repeats']} "
          f"after {sync_kills} kills of sync's holder (batch {BATCH})")
    assert centre["repeats"] <= sync_kills * BATCH
