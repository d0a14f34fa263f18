"""Throwaway resources for tests and benchmarks: a free loopback port, scratch databases."""

from __future__ import annotations

import socket
import uuid
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

import asyncpg


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def dsn_for(admin_dsn: str, database: str) -> str:
    """The admin DSN pointed at another database of the same server."""
    return f"{admin_dsn.rpartition('/')[0]}/{database}"


async def create_scratch_database(admin_dsn: str, label: str, prefix: str = "test") -> str:
    """A new, empty database named ``<prefix>_<label>_<random>``; returns its DSN."""
    name = f"{prefix}_{label}_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return dsn_for(admin_dsn, name)


async def drop_databases(admin_dsn: str, dsns: Iterable[str]) -> None:
    conn = await asyncpg.connect(admin_dsn)
    try:
        for dsn in dsns:
            await conn.execute(f'DROP DATABASE IF EXISTS "{dsn.rpartition("/")[2]}" WITH (FORCE)')
    finally:
        await conn.close()


@asynccontextmanager
async def scratch_database(admin_dsn: str, label: str, prefix: str = "bench") -> AsyncIterator[str]:
    """A database for the length of a ``with`` block (a benchmark's own), dropped after."""
    dsn = await create_scratch_database(admin_dsn, label, prefix)
    try:
        yield dsn
    finally:
        await drop_databases(admin_dsn, [dsn])
