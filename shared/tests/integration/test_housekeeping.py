"""Idempotency keys are kept for their retention (a retry comes within days), then purged
by the runtime, so the table does not grow with every command the office ever took."""

from __future__ import annotations

import pytest
from sample_service.service import build_runtime

from ektp_shared.idempotency import purge_expired
from ektp_shared.testing.wait import eventually

from .helpers import sample_settings

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

INSERT = """INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response,
                                          created_at)
            SELECT 'notes', $1 || n, 'h', 201, '{}', now() - make_interval(days => $2)
              FROM generate_series(1, $3) AS n"""


async def test_keys_past_their_retention_are_purged_and_younger_ones_kept(
    infra, topic_prefix, create_database
):
    settings = sample_settings(infra, await create_database("housekeeping"), topic_prefix)
    settings = settings.model_copy(update={
        "idempotency_retention_days": 30, "housekeeping_every_seconds": 0.3,
        "relay_enabled": False, "consumer_enabled": False,
    })
    runtime = build_runtime(settings)
    await runtime.start()
    try:
        pool = runtime.db
        await pool.execute(INSERT, "old-", 31, 25)
        await pool.execute(INSERT, "young-", 29, 5)

        async def only_young_left() -> bool:
            keys = {r["key"] for r in await pool.fetch("SELECT key FROM idempotency_keys")}
            return keys == {f"young-{n}" for n in range(1, 6)}

        await eventually(only_young_left, 30, "keys older than 30 days purged")
        assert runtime.degraded_reasons() == []
        # In batches: each statement deletes at most batch_size rows, all go in the end.
        await pool.execute(INSERT, "older-", 60, 7)
        assert await purge_expired(pool, 30, batch_size=2) == 7
        assert await pool.fetchval("SELECT count(*) FROM idempotency_keys") == 5
    finally:
        await runtime.stop()
