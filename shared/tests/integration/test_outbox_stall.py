"""The relay says why it cannot make progress (/readyz "degraded"): a batch that keeps
failing past a threshold, and a relay loop that keeps erroring."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import asyncpg
import pytest

from ektp_shared.db import create_pool
from ektp_shared.outbox import OutboxRelay, add_cloudevent
from ektp_shared.testing.resources import free_port, migrate_as_owner, owner_dsn
from ektp_shared.testing.wait import eventually

from .helpers import field_check

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

MIGRATIONS = Path(__file__).parents[1] / "sample_service" / "migrations"


@contextlib.asynccontextmanager
async def running(relay: OutboxRelay):
    task = asyncio.create_task(relay.run())
    try:
        yield
    finally:
        relay.stop()
        task.cancel()
        with contextlib.suppress(BaseException):
            await task


async def test_a_batch_that_cannot_reach_kafka_is_reported_after_the_threshold(create_database):
    dsn = await create_database("stall")
    await migrate_as_owner(dsn, MIGRATIONS)
    pool = await create_pool(dsn)
    nobody = f"127.0.0.1:{free_port()}"  # no broker listens here
    relay = OutboxRelay(pool, nobody, client_id="stall", send_timeout=1.0,
                        stuck_after_seconds=2.0)
    try:
        async with pool.acquire() as conn:
            await add_cloudevent(conn, "t.stall.events", field_check("7110014501900001", 1))
        async with running(relay):
            await asyncio.sleep(1.0)
            assert relay.stall_reasons() == []  # a short outage is not yet a stall

            async def stuck() -> bool:
                return any("has not reached Kafka" in r for r in relay.stall_reasons())

            await eventually(stuck, timeout=20, what="the stuck batch reported")
    finally:
        await pool.close()


async def test_a_relay_loop_that_keeps_failing_is_reported(create_database):
    dsn = await create_database("stall_loop")
    await migrate_as_owner(dsn, MIGRATIONS)
    pool = await create_pool(dsn)
    owner = await asyncpg.connect(owner_dsn(dsn))  # the service role may not drop tables
    await owner.execute("DROP TABLE outbox_relay_lease")  # the relay cannot take its lease
    await owner.close()
    relay = OutboxRelay(pool, "127.0.0.1:1", client_id="stall-loop", pause_seconds=0.2)
    try:
        async with running(relay):
            async def paused() -> bool:
                return any("relay paused" in r and "outbox_relay_lease" in r
                           for r in relay.stall_reasons())

            await eventually(paused, timeout=10, what="the failing loop reported")
    finally:
        await pool.close()
