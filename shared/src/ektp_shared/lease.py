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
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable

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


Tenure = Callable[[int], Awaitable[None]]
_DB_ERRORS: tuple[type[BaseException], ...] = (asyncpg.PostgresError, *TRANSIENT_DB_ERRORS)


async def while_held(lease: Lease, stop: asyncio.Event, tenure: Tenure) -> None:
    """Run a loop that must run once per office: while this process holds ``lease``, run
    ``tenure(token)``; stand by (try to take it every third of the TTL) while another does.

    The tenure is cancelled when the lease is lost (renewal refused, or the database away past
    the TTL) and when ``stop`` is set; it ends itself by raising :class:`LeaseLost` (a check
    refused). Any other end of the tenure gives the lease back, so a successor need not wait
    out the TTL. A clean stop releases it too. Each effect of the tenure still checks the
    token in its own transaction (:meth:`Lease.check`): the cancellation comes late for a
    holder that was paused.
    """
    loop = asyncio.get_running_loop()
    try:
        while not stop.is_set():
            try:
                taken = await lease.acquire()
            except _DB_ERRORS as exc:
                log.warning("lease %s: %s; trying again", lease.name, type(exc).__name__)
                taken = False
            if not taken:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), lease.ttl / 3)
                continue
            token = lease.token
            assert token is not None
            started = loop.time()
            keeper = asyncio.ensure_future(lease.keep())
            stopping = asyncio.ensure_future(stop.wait())
            body = asyncio.ensure_future(tenure(token))
            try:
                await asyncio.wait({keeper, stopping, body},
                                   return_when=asyncio.FIRST_COMPLETED)
            finally:
                for task in (body, keeper, stopping):
                    task.cancel()
                results = await asyncio.gather(body, keeper, stopping,
                                               return_exceptions=True)
            ended = results[0]
            if isinstance(ended, LeaseLost) or (keeper.done() and not keeper.cancelled()):
                log.warning("lease %s lost by token %d after %.1f s: standing by",
                            lease.name, token, loop.time() - started)
                continue
            if not stop.is_set():  # the tenure ended by itself: let another instance try
                if isinstance(ended, BaseException) and not isinstance(
                        ended, asyncio.CancelledError):
                    log.error("lease %s: its loop died: %r", lease.name, ended)
                with contextlib.suppress(*_DB_ERRORS):
                    await lease.release()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), lease.ttl / 3)
    finally:
        with contextlib.suppress(Exception):
            await lease.release()
