"""``Idempotency-Key`` for commands that create something (DESIGN.md section 4).

The key row is inserted in the same transaction as the command's effect. A concurrent
request with the same key blocks on that row until the first commits, then finds the
stored answer; if the first rolls back, the key is free again. Keys are kept for
``idempotency_retention_days`` (a retry comes within minutes or days), then purged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import asyncpg

from .db import Connection
from .problems import Problem


@dataclass(frozen=True)
class StoredResponse:
    status_code: int
    body: Any


def request_fingerprint(payload: Any) -> str:
    raw = json.dumps(payload, sort_keys=True, default=str, separators=(",", ":")).encode()
    return hashlib.sha256(raw).hexdigest()


async def claim(
    conn: Connection, scope: str, key: str, fingerprint: str
) -> StoredResponse | None:
    """Claim ``key`` for this request, or return the answer already given for it."""
    if not key or len(key) > 200:
        raise Problem(400, "Bad Idempotency-Key", "Idempotency-Key must be 1 to 200 characters.")
    inserted = await conn.fetchval(
        """INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
           ON CONFLICT (scope, key) DO NOTHING RETURNING true""",
        scope, key, fingerprint,
    )
    if inserted:
        return None
    row = await conn.fetchrow(
        "SELECT request_hash, status_code, response FROM idempotency_keys"
        " WHERE scope = $1 AND key = $2",
        scope, key,
    )
    assert row is not None
    if row["request_hash"] != fingerprint:
        raise Problem(
            422, "Idempotency-Key reused",
            "This Idempotency-Key was already used for a different request; use a new key.",
            type="idempotency-key-reused",
        )
    if row["response"] is None:
        # Only possible if the first request committed without remembering its answer.
        raise Problem(409, "Request in progress", "The first request with this key has no answer.")
    return StoredResponse(row["status_code"], json.loads(row["response"]))


async def remember(
    conn: Connection, scope: str, key: str, status_code: int, body: Any
) -> None:
    await conn.execute(
        "UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2",
        scope, key, status_code, json.dumps(body, default=str),
    )


async def purge_expired(
    pool: asyncpg.Pool, older_than_days: int, *, batch_size: int = 10_000
) -> int:
    """Delete keys older than the retention, a batch per statement (short locks, bounded
    WAL); returns how many went."""
    total = 0
    while True:
        deleted = int(await pool.fetchval(
            """WITH gone AS (
                   DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY(
                       SELECT ctid FROM idempotency_keys
                        WHERE created_at < now() - make_interval(days => $1)
                        LIMIT $2))
                   RETURNING 1)
               SELECT count(*) FROM gone""",
            older_than_days, batch_size,
        ))
        total += deleted
        if deleted < batch_size:
            return total
