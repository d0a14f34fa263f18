"""Two sync instances on one database and consumer group: one talks to the centre at a time
(the centre lease), so the centre sees each recording once; when the holder is killed the
other takes over within seconds and the centre sees again only the batch in flight."""

from __future__ import annotations

import asyncio
import sys
import time

import asyncpg
import httpx
import pytest

from ektp_central_sim.testing import free_port, niks, recording
from ektp_shared.envelope import CloudEvent
from ektp_shared.lease import Lease, LeaseLost
from ektp_shared.testing.kafka import create_topics, publish
from ektp_shared.testing.processes import ServiceProcess
from ektp_shared.testing.wait import eventually
from ektp_sync.adapters.centre import ItemResult
from ektp_sync.bootstrap import LEASE_NAME
from ektp_sync.testing import env_of

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

RECORDINGS = 300


def sync_process(settings, log) -> tuple[ServiceProcess, str]:
    port = free_port()
    proc = ServiceProcess(
        ["-m", "uvicorn", "--factory", "ektp_sync.entrypoints.api:build_app",
         "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
        env_of(settings), log,
    )
    return proc, f"http://127.0.0.1:{port}/healthz"


async def queue_recordings(infra, settings, centre_keys, start: int) -> None:
    events = [recording(n, f"rek-{i:04d}", centre_keys[1])
              for i, n in enumerate(niks(RECORDINGS, start=start))]
    topic = settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, settings.topic("central")])
    await publish(infra.kafka, topic, [CloudEvent.wrap(e, "enrollment") for e in events])


async def received(centre_api) -> list[dict]:
    return (await centre_api.get("/control/received", params={"limit": 10000})).json()


async def lease_holder_pid(db: asyncpg.Connection) -> tuple[int, int] | None:
    """(pid, token) of the instance holding a live centre lease, if any."""
    row = await db.fetchrow("SELECT holder, token FROM leases WHERE name = $1 "
                            "AND expires_at > clock_timestamp()", LEASE_NAME)
    return None if row is None else (int(row["holder"].split(":")[1]), row["token"])


async def test_two_instances_send_each_recording_once(
    infra, centre_api, centre_keys, sync_settings, tmp_path, auth_header
):
    settings = sync_settings.model_copy(update={"submit_batch_size": 10})
    # Each batch's answer is held a little: without the lease both instances would take the
    # same PENDING rows while the other's batch is on the wire.
    await centre_api.put("/control/faults", json={"timeout_share": 1.0, "timeout_seconds": 0.1})
    await queue_recordings(infra, settings, centre_keys, 5001)
    db = await asyncpg.connect(settings.database_url)
    procs = [sync_process(settings, tmp_path / f"sync-{n}.log") for n in (1, 2)]
    try:
        for proc, _ in procs:
            proc.start()
        for proc, health in procs:
            await asyncio.to_thread(proc.wait_http, health, 60)

        async def all_sent() -> bool:
            return await db.fetchval("SELECT count(*) FROM submissions "
                                     "WHERE state <> 'PENDING'") == RECORDINGS

        await eventually(all_sent, timeout=120, what=f"{RECORDINGS} sent")

        # A supervisor's "pull the roster now" that reaches the standby still pulls.
        holder = await lease_holder_pid(db)
        assert holder is not None
        standby = next(h for p, h in procs if p.proc.pid != holder[0])
        pages = (await centre_api.get("/control/counters")).json()["roster_pages"]
        async with httpx.AsyncClient(base_url=standby.removesuffix("/healthz")) as client:
            r = await client.post("/sync/roster/pull", headers=auth_header("supervisor"))
            assert r.status_code == 202, r.text

        async def pulled_again() -> bool:
            now = (await centre_api.get("/control/counters")).json()["roster_pages"]
            return now > pages

        await eventually(pulled_again, timeout=20, what="the holder pulls the roster")
    finally:
        for proc, _ in procs:
            proc.terminate()
        await db.close()
        for proc, _ in procs:
            sys.stderr.write(proc.tail(5))
    got = await received(centre_api)
    assert len(got) == RECORDINGS
    twice = [r["enrollment_id"] for r in got if r["times_received"] != 1]
    assert twice == [], f"{len(twice)} recordings reached the centre more than once"
    assert (await centre_api.get("/control/counters")).json()["repeats"] == 0


async def test_holder_killed_the_other_takes_over_and_repeats_one_batch_at_most(
    infra, centre_api, centre_keys, sync_settings, tmp_path
):
    # One batch on the wire at a time, so "the batch in flight" is one batch of 10.
    settings = sync_settings.model_copy(update={"submit_batch_size": 10,
                                                "submit_concurrency": 1,
                                                "central_timeout": 5.0})
    await centre_api.put("/control/faults", json={"timeout_share": 1.0, "timeout_seconds": 0.3})
    await queue_recordings(infra, settings, centre_keys, 6001)
    db = await asyncpg.connect(settings.database_url)
    procs = [sync_process(settings, tmp_path / f"sync-{n}.log") for n in (1, 2)]
    by_pid = {}
    try:
        for proc, _ in procs:
            proc.start()
            by_pid[proc.proc.pid] = proc
        for proc, health in procs:
            await asyncio.to_thread(proc.wait_http, health, 60)

        async def some_sent() -> bool:
            return await db.fetchval("SELECT count(*) FROM submissions "
                                     "WHERE state <> 'PENDING'") >= 60

        await eventually(some_sent, timeout=60, what="60 sent")
        holder = await lease_holder_pid(db)
        assert holder is not None and holder[0] in by_pid, holder
        by_pid[holder[0]].kill9()
        killed_at = time.monotonic()

        async def taken_over() -> bool:
            now = await lease_holder_pid(db)
            return now is not None and now[0] != holder[0]

        await eventually(taken_over, timeout=20, interval=0.1, what="the other takes the lease")
        took = time.monotonic() - killed_at
        assert took < settings.centre_lease_seconds + 3, f"took over after {took:.1f} s"
        successor = await lease_holder_pid(db)
        assert successor is not None and successor[1] > holder[1], "a larger fencing token"

        async def all_sent() -> bool:
            return await db.fetchval("SELECT count(*) FROM submissions "
                                     "WHERE state <> 'PENDING'") == RECORDINGS

        await eventually(all_sent, timeout=120, what=f"{RECORDINGS} sent after the kill")
    finally:
        for proc, _ in procs:
            proc.kill9()
        await db.close()
    got = await received(centre_api)
    assert len(got) == RECORDINGS
    again = [r for r in got if r["times_received"] > 1]
    assert len(again) <= settings.submit_batch_size, (
        f"{len(again)} recordings sent again: more than the batch in flight")
    assert all(r["times_received"] == 2 for r in again)
    # The repeats are one batch: consecutive in the order the centre first received them.
    if again:
        seqs = sorted(r["received_seq"] for r in again)
        assert seqs[-1] - seqs[0] < settings.submit_batch_size, seqs


async def test_a_stale_holder_cannot_mark_rows_sent(
    start_sync, sync_settings, centre_keys, infra, centre_api
):
    """The fence: a tenure whose lease ran out (a paused process) has its writes refused."""
    settings = sync_settings.model_copy(update={"submit_batch_size": 10})
    await queue_recordings(infra, settings, centre_keys, 7001)
    # The centre is down, so rows stay PENDING until the test marks one by hand.
    await centre_api.put("/control/faults", json={"error_share": 1.0})
    async with start_sync(submit_batch_size=10) as (app, _client):
        workers = app.state.sync
        db = await asyncpg.connect(settings.database_url)
        try:
            async def queued() -> bool:
                return await db.fetchval("SELECT count(*) FROM submissions") == RECORDINGS

            await eventually(queued, timeout=60, what="queued")
            async def leading() -> bool:
                return workers.is_leader

            await eventually(leading, timeout=20, what="this instance holds the centre lease")
            fence = workers._fence()  # taken as a send step begins
            workers.lease.paused = True  # the process stalls: its lease runs out
            successor = Lease(workers.lease.pool, LEASE_NAME, ttl=settings.centre_lease_seconds)
            await eventually(successor.acquire, timeout=20, what="a successor takes over")
            one = await db.fetchval("SELECT enrollment_id FROM submissions ORDER BY seq LIMIT 1")
            with pytest.raises(LeaseLost):
                await workers.handlers.apply_submit_results(
                    workers.lease.pool, [ItemResult(enrollment_id=one, status="ACCEPTED")], fence)
            state = await db.fetchval("SELECT state FROM submissions WHERE enrollment_id = $1",
                                      one)
            assert state == "PENDING", "the stale holder's mark was refused"
            await successor.release()
        finally:
            await db.close()


async def test_a_step_refused_by_its_lease_check_while_the_lease_holds_starts_a_new_tenure(
    start_sync, sync_settings, centre_keys, infra, centre_api
):
    """Under load a step's lease check can refuse while the keeper's late renewal still
    holds the lease (seen in the 10,000-resident outage benchmark: the sync stopped sending
    for good at 6,447). The tenure starts again with a new token, and the sending goes on."""
    settings = sync_settings.model_copy(update={"submit_batch_size": 10})
    await centre_api.put("/control/faults", json={"error_share": 1.0})  # nothing sent yet
    await queue_recordings(infra, settings, centre_keys, 8001)
    async with start_sync(submit_batch_size=10) as (app, _client):
        workers = app.state.sync
        db = await asyncpg.connect(settings.database_url)
        try:
            async def leading() -> bool:
                return workers.is_leader and workers.lease.token is not None

            await eventually(leading, timeout=20, what="this instance holds the centre lease")
            first = workers.lease.token
            real_check = workers.lease.check

            async def refused_for_this_tenure(conn, token=None):
                if (workers.lease.token if token is None else token) == first:
                    raise LeaseLost("the check ran as the renewal came in")
                await real_check(conn, token)

            workers.lease.check = refused_for_this_tenure
            await centre_api.put("/control/faults", json={"error_share": 0.0})

            async def all_sent() -> bool:
                return await db.fetchval(
                    "SELECT count(*) FROM submissions WHERE state <> 'PENDING'") == RECORDINGS

            await eventually(all_sent, timeout=90, what=f"{RECORDINGS} sent after the refusal")
            assert workers.lease.token is not None and workers.lease.token > first
        finally:
            await db.close()
