"""Leases with a fencing token: one holder at a time for a loop that has effects.

A lease is a row (name, holder, token, expires_at) in the service's own database. It is taken
only once the last holder's lease has expired, and each taking gets a larger token; only the
token that holds it can renew it. A step with effects runs in a transaction that first calls
:meth:`Lease.check`: it locks the lease row FOR SHARE and refuses (:class:`LeaseLost`) when the
token is no longer the holder's or its time ran out. The share lock keeps a successor's taking
waiting until that transaction ends, so an effect commits under a live lease or not at all,
however long the holder was paused (GC, SIGSTOP, a slow disk) between its checks.

The clock is the database's (``clock_timestamp()``), so the holders' clocks need not agree.
A service adds the table with :data:`LEASE_DDL` in a migration of its own.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid

import asyncpg

from .db import TRANSIENT_DB_ERRORS, Connection

log = logging.getLogger(__name__)

LEASE_DDL = """
CREATE TABLE leases (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    token       BIGINT NOT NULL,
    acquired_at TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
"""
LEASE_DROP = "DROP TABLE leases;"


class LeaseLost(Exception):
    """This process no longer holds the lease: it must not take its next step."""


def default_holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Lease:
    def __init__(self, pool: asyncpg.Pool, name: str, *, ttl: float = 5.0,
                 holder: str | None = None) -> None:
        self.pool = pool
        self.name = name
        self.ttl = ttl
        self.holder = holder or default_holder()
        self.token: int | None = None
        # Test seam: True makes this holder behave as a paused process: it renews nothing and
        # takes nothing, so its lease runs out and a successor takes over.
        self.paused = False
        self._valid_until = 0.0  # monotonic: when the lease surely ran out if not renewed

    async def acquire(self) -> bool:
        """Take the lease if it is free or expired; a new, larger token each time."""
        if self.paused:
            return False
        started = asyncio.get_running_loop().time()
        token = await self.pool.fetchval(
            """INSERT INTO leases AS l (name, holder, token, acquired_at, expires_at)
               VALUES ($1, $2, 1, clock_timestamp(),
                       clock_timestamp() + make_interval(secs => $3))
               ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder,
                   token = l.token + 1, acquired_at = EXCLUDED.acquired_at,
                   expires_at = EXCLUDED.expires_at
               WHERE l.expires_at <= clock_timestamp()
               RETURNING token""",
            self.name, self.holder, self.ttl,
        )
        self.token = int(token) if token is not None else None
        if self.token is not None:
            self._valid_until = started + self.ttl
            log.info("lease %s taken by %s with token %d", self.name, self.holder, self.token)
        return self.token is not None

    async def renew(self) -> bool:
        """Extend the lease; False when it is lost (expired, or taken by another)."""
        if self.token is None:
            return False
        started = asyncio.get_running_loop().time()
        renewed = await self.pool.fetchval(
            """UPDATE leases SET expires_at = clock_timestamp() + make_interval(secs => $3)
               WHERE name = $1 AND token = $2 AND expires_at > clock_timestamp()
               RETURNING true""",
            self.name, self.token, self.ttl,
        )
        if renewed:
            self._valid_until = started + self.ttl
        return bool(renewed)

    async def keep(self) -> None:
        """Renew every third of the TTL; return once the lease is lost."""
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(self.ttl / 3)
            if self.paused:
                if loop.time() > self._valid_until:
                    log.warning("lease %s ran out (holder paused)", self.name)
                    return
                continue
            try:
                if not await self.renew():
                    log.warning("lease %s lost: token %s no longer holds it", self.name,
                                self.token)
                    return
            except TRANSIENT_DB_ERRORS as exc:
                if loop.time() > self._valid_until:
                    log.warning("lease %s ran out while the database was away (%s)",
                                self.name, type(exc).__name__)
                    return

    async def check(self, conn: Connection, token: int | None = None) -> None:
        """In the caller's transaction, before its effects: raise LeaseLost unless ``token``
        (default: the current one) still holds a live lease. Holds the row until commit."""
        token = self.token if token is None else token
        held = await conn.fetchval(
            """SELECT token = $2 AND expires_at > clock_timestamp() FROM leases
               WHERE name = $1 FOR SHARE""",
            self.name, token,
        )
        if not held:
            raise LeaseLost(f"lease {self.name} is no longer held by token {token}")

    async def release(self) -> None:
        """Let a successor take over at once (a clean stop) instead of after the TTL."""
        if self.token is None:
            return
        await self.pool.execute(
            "UPDATE leases SET expires_at = clock_timestamp() WHERE name = $1 AND token = $2",
            self.name, self.token,
        )
        self.token = None
