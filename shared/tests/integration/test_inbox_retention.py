"""Inbox rows are purged only past inbox retention (which outlives the topics and DLQs)."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest

from ektp_shared.consumer import ConsumerRunner, purge_inbox
from ektp_shared.db import create_pool
from ektp_shared.testing.kafka import create_topics
from ektp_shared.testing.resources import migrate_as_owner
from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

MIGRATIONS = Path(__file__).parents[1] / "sample_service" / "migrations"


async def migrated_pool(dsn: str):
    await migrate_as_owner(dsn, MIGRATIONS)
    return await create_pool(dsn)


async def add_inbox_rows(pool, days_ago: int, count: int, tag: str) -> None:
    await pool.execute(
        """INSERT INTO inbox (ce_id, ce_type, topic, kafka_partition, kafka_offset, applied_at)
           SELECT $1 || g, 't', 'topic', 0, g, now() - make_interval(days => $2)
           FROM generate_series(1, $3) g""",
        tag, days_ago, count,
    )


async def test_the_consumer_purges_inbox_rows_past_retention_only(
    infra, topic_prefix, create_database
):
    pool = await migrated_pool(await create_database("inboxpurge"))
    topic = f"{topic_prefix}inboxpurge.t"
    await create_topics(infra.kafka, [topic], partitions=1)
    await add_inbox_rows(pool, 100, 3, "old-")
    await add_inbox_rows(pool, 95, 2, "kept-")  # past the topics' 90 days, within the 97
    await add_inbox_rows(pool, 0, 2, "new-")
    runner = ConsumerRunner(pool, infra.kafka, group_id=f"{topic_prefix}inboxpurge",
                            topics=[topic], handlers={}, inbox_retention_days=97,
                            purge_every_seconds=0.5)
    task = asyncio.create_task(runner.run())
    try:
        async def purged() -> bool:
            return await pool.fetchval("SELECT count(*) FROM inbox") == 4

        await eventually(purged, 60, "the rows past retention purged while idle")
        left = await pool.fetch("SELECT ce_id FROM inbox ORDER BY ce_id")
        assert [r["ce_id"] for r in left] == ["kept-1", "kept-2", "new-1", "new-2"]
        await add_inbox_rows(pool, 200, 1, "later-")  # the next period purges again

        async def purged_again() -> bool:
            return await pool.fetchval("SELECT count(*) FROM inbox") == 4

        await eventually(purged_again, 30, "a later old row purged in the next period")
    finally:
        runner.stop()
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
        await pool.close()


async def test_purge_inbox_deletes_in_chunks_until_done(create_database):
    pool = await migrated_pool(await create_database("inboxchunks"))
    try:
        await add_inbox_rows(pool, 120, 7, "old-")
        await add_inbox_rows(pool, 1, 1, "new-")
        assert await purge_inbox(pool, 97, chunk=3) == 7
        assert await pool.fetchval("SELECT ce_id FROM inbox") == "new-1"
        # The index the purge uses (revision 0003).
        assert await pool.fetchval(
            "SELECT count(*) FROM pg_indexes WHERE indexname = 'inbox_applied_at'") == 1
    finally:
        await pool.close()

