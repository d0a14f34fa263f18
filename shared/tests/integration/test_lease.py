"""The lease with a fencing token (ektp_shared.lease) against the real PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest

from ektp_shared.db import create_pool, transaction
from ektp_shared.lease import LEASE_DDL, Lease, LeaseLost
from ektp_shared.testing.resources import owner_dsn

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_one_holder_at_a_time_with_a_larger_token_each_time(create_database) -> None:
    pool = await create_pool(owner_dsn(await create_database("lease")), min_size=1, max_size=6)
    try:
        await pool.execute(LEASE_DDL)
        first = Lease(pool, "loop", ttl=0.6, holder="first")
        second = Lease(pool, "loop", ttl=0.6, holder="second")
        assert await first.acquire() and first.token == 1
        assert not await second.acquire()  # still live
        assert await first.renew()
        async with transaction(pool) as conn:
            await first.check(conn)

        await asyncio.sleep(0.7)  # the first holder paused past its lease
        assert await second.acquire() and second.token == 2
        assert not await first.renew()
        async with transaction(pool) as conn:
            with pytest.raises(LeaseLost):
                await first.check(conn)
            await second.check(conn)

        await second.release()  # a clean stop lets the next one in at once
        assert await first.acquire() and first.token == 3
    finally:
        await pool.close()


async def test_a_successor_waits_for_the_effect_that_checked_the_lease(create_database) -> None:
    """An effect that checked its lease commits before anyone can take over, however long it
    takes: the check holds the lease row until the transaction ends."""
    dsn = owner_dsn(await create_database("lease_fence"))
    pool = await create_pool(dsn, min_size=2, max_size=6)
    try:
        await pool.execute(LEASE_DDL)
        holder = Lease(pool, "loop", ttl=0.3, holder="holder")
        successor = Lease(pool, "loop", ttl=0.3, holder="successor")
        assert await holder.acquire()
        async with transaction(pool) as conn:
            await holder.check(conn)
            await asyncio.sleep(0.5)  # the lease runs out in the middle of the effect
            taking = asyncio.ensure_future(successor.acquire())
            await asyncio.sleep(0.3)
            assert not taking.done()
        assert await asyncio.wait_for(taking, 5) and successor.token == 2
    finally:
        await pool.close()


async def test_keep_returns_once_the_lease_is_lost(create_database) -> None:
    pool = await create_pool(owner_dsn(await create_database("lease_keep")), min_size=1, max_size=4)
    try:
        await pool.execute(LEASE_DDL)
        lease = Lease(pool, "loop", ttl=0.3)
        assert await lease.acquire()
        keeper = asyncio.ensure_future(lease.keep())
        await asyncio.sleep(1.0)
        assert not keeper.done()  # renewed, well past its first TTL
        lease.paused = True
        await asyncio.wait_for(keeper, 2)
        assert await Lease(pool, "loop", ttl=0.3).acquire()  # it ran out: free to take
    finally:
        await pool.close()
