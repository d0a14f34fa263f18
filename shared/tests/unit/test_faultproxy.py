"""The fault proxy does to a real TCP link what it is told, and counts what it did."""

from __future__ import annotations

import asyncio
import time

import pytest

from ektp_shared.testing.faultproxy import FaultProxy


async def echo_server() -> asyncio.AbstractServer:
    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
        writer.close()
    return await asyncio.start_server(echo, "127.0.0.1", 0)


async def round_trip(port: int, payload: bytes = b"halo") -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(payload)
        await writer.drain()
        got = b""
        while len(got) < len(payload):
            chunk = await asyncio.wait_for(reader.read(65536), 5)
            if not chunk:
                raise ConnectionResetError("closed")
            got += chunk
        return got
    finally:
        writer.close()


@pytest.fixture
async def proxy():
    server = await echo_server()
    port = server.sockets[0].getsockname()[1]
    p = await FaultProxy("127.0.0.1", port, seed=7).start()
    yield p
    await p.stop()
    server.close()


async def test_a_clear_link_passes_every_byte_both_ways(proxy):
    assert await round_trip(proxy.listen_port, b"x" * 100_000) == b"x" * 100_000
    assert proxy.stats.bytes_up == proxy.stats.bytes_down == 100_000


async def test_latency_slows_each_chunk(proxy):
    proxy.set(latency=0.2)
    started = time.monotonic()
    await round_trip(proxy.listen_port)
    assert time.monotonic() - started >= 0.4  # there and back
    assert proxy.stats.delayed_chunks >= 2


async def test_a_link_down_refuses_and_cuts_what_was_open(proxy):
    reader, writer = await asyncio.open_connection("127.0.0.1", proxy.listen_port)
    writer.write(b"a")
    assert await asyncio.wait_for(reader.read(10), 5) == b"a"
    proxy.set(down=True)
    with pytest.raises(ConnectionError):  # the open one is cut
        if await asyncio.wait_for(reader.read(10), 5) == b"":
            raise ConnectionResetError
    writer.close()
    with pytest.raises((ConnectionError, OSError)):
        await round_trip(proxy.listen_port)
    assert proxy.stats.refused == 1 and proxy.stats.resets >= 1
    proxy.clear()
    assert await round_trip(proxy.listen_port) == b"halo"


async def test_a_lossy_link_resets_some_connections(proxy):
    proxy.set(reset_share=0.5)
    failures = 0
    for _ in range(40):
        try:
            await round_trip(proxy.listen_port)
        except (ConnectionError, OSError):
            failures += 1
    assert 5 < failures < 35 and proxy.stats.resets == failures
