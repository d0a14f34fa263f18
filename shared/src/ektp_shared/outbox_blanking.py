"""Published outbox rows keep their headers (ce_id, type, key, times) for the outbox's
retention, for audits; a payload carrying personal data that no audit needs (the card data of
``central.print_ready``) is blanked as soon as Kafka has it (DESIGN.md section 4)."""

from __future__ import annotations

from collections.abc import Sequence

import asyncpg


async def blank_published(pool: asyncpg.Pool, ce_types: Sequence[str], batch: int = 1000) -> int:
    """Empty the payload of every published row of these types; returns how many. Set-based,
    in batches, so one pass never holds many rows locked."""
    total = 0
    while True:
        result = await pool.execute(
            """UPDATE outbox SET payload = ''::bytea WHERE id IN (
                   SELECT id FROM outbox
                   WHERE ce_type = ANY($1::text[]) AND octet_length(payload) > 0
                     AND published_at IS NOT NULL
                   ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)""",
            list(ce_types), batch,
        )
        blanked = int(result.split()[-1])
        total += blanked
        if blanked < batch:
            return total
