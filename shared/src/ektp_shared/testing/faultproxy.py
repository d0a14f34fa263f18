"""A TCP fault proxy on asyncio: a slow, lossy or cut link between two processes.

Put between the sync service and the centre (the office's weak link), it forwards bytes
both ways and, as told, adds latency per chunk, cuts connections at random (a lossy link
that resets, as a dropped mobile link does to TCP), limits the bandwidth, or refuses every
connection (the link down). Written on asyncio rather than toxiproxy so that it runs with
the tests' own interpreter, on this machine's loopback only, with nothing to build; it has
the faults the office meets (toxiproxy's latency, bandwidth, reset_peer and down).

Every fault it applied is counted (``stats``), so a test can confirm the faults happened
and not only that they were scheduled.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from dataclasses import dataclass, field


@dataclass
class LinkFaults:
    latency: float = 0.0  # seconds added before each chunk is passed on
    jitter: float = 0.0  # up to this many seconds more, at random
    reset_share: float = 0.0  # chance that a chunk is dropped and the connection cut
    bytes_per_second: float = 0.0  # 0: unlimited
    down: bool = False  # refuse (accept and close at once) every connection


@dataclass
class ProxyStats:
    connections: int = 0
    refused: int = 0
    resets: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    delayed_chunks: int = 0


@dataclass
class FaultProxy:
    upstream_host: str
    upstream_port: int
    listen_port: int = 0
    seed: int = 0
    faults: LinkFaults = field(default_factory=LinkFaults)
    stats: ProxyStats = field(default_factory=ProxyStats)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._server: asyncio.AbstractServer | None = None
        self._pipes: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listen_port}"

    async def start(self) -> FaultProxy:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.listen_port)
        self.listen_port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        self.cut_all()
        for task in list(self._pipes):
            task.cancel()
        await asyncio.gather(*self._pipes, return_exceptions=True)

    def set(self, **changes: float | bool) -> None:
        for name, value in changes.items():
            if not hasattr(self.faults, name):
                raise AttributeError(f"no link fault {name!r}")
            setattr(self.faults, name, value)
        if self.faults.down:
            self.cut_all()

    def clear(self) -> None:
        self.faults = LinkFaults()

    def cut_all(self) -> None:
        """Close every open connection now (a link that just went down)."""
        for writer in list(self._writers):
            writer.transport.abort()
            self.stats.resets += 1
        self._writers.clear()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.faults.down:
            self.stats.refused += 1
            writer.transport.abort()
            return
        self._writers.add(writer)
        try:
            up_reader, up_writer = await asyncio.open_connection(self.upstream_host,
                                                                 self.upstream_port)
        except OSError:
            self.stats.refused += 1
            self._writers.discard(writer)
            writer.transport.abort()
            return
        if writer not in self._writers:  # the link went down while connecting
            up_writer.transport.abort()
            return
        self.stats.connections += 1
        self._writers.add(up_writer)
        pair = (writer, up_writer)
        for task in (asyncio.ensure_future(self._pipe(reader, up_writer, pair, up=True)),
                     asyncio.ensure_future(self._pipe(up_reader, writer, pair, up=False))):
            self._pipes.add(task)
            task.add_done_callback(self._pipes.discard)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    pair: tuple[asyncio.StreamWriter, asyncio.StreamWriter], *, up: bool) -> None:
        try:
            while chunk := await reader.read(16384):
                f = self.faults
                if f.reset_share and self._rng.random() < f.reset_share:
                    self.stats.resets += 1
                    for w in pair:
                        w.transport.abort()
                    return
                delay = f.latency + (self._rng.random() * f.jitter if f.jitter else 0.0)
                if f.bytes_per_second:
                    delay += len(chunk) / f.bytes_per_second
                if delay:
                    self.stats.delayed_chunks += 1
                    await asyncio.sleep(delay)
                if up:
                    self.stats.bytes_up += len(chunk)
                else:
                    self.stats.bytes_down += len(chunk)
                writer.write(chunk)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()
            self._writers.discard(writer)
