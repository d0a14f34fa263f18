"""The print engine starts the next card the moment a printer is free, not at its next poll:
a print that ends (or a job that arrives) while the engine's pass runs wakes the next pass.
A wake lost that way left the printer idle for a whole poll interval."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from ektp_printing.adapters.drivers import SimulatedDriver

from .engine_office import print_room

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session"),
              pytest.mark.usefixtures("print_room_keys")]

POLL = 5.0  # long, so that a lost wake shows


async def test_a_print_ending_during_the_engines_pass_wakes_the_next_pass(
    create_database, tmp_path: Path
) -> None:
    room = await print_room(await create_database("printing_wake"), tmp_path / "spool",
                            engine_poll_seconds=POLL, engine_lease_seconds=30.0)
    passes: list[float] = []
    try:
        running = await room.start_engine({"simulated": SimulatedDriver()})
        engine = running.engine
        real_tick = engine.tick

        two_passes = asyncio.Event()

        async def tick(pool):  # type: ignore[no-untyped-def]
            started = await real_tick(pool)
            passes.append(time.monotonic())
            if len(passes) == 2:
                two_passes.set()
            if len(passes) == 1:
                engine.wake()  # a print ends while this pass is still running
                await asyncio.sleep(0)
            return started

        engine.tick = tick  # type: ignore[method-assign]
        await asyncio.wait_for(two_passes.wait(), 3 * POLL)  # the poll's own pass at worst
        assert passes[1] - passes[0] < POLL / 2, (
            f"the next pass came {passes[1] - passes[0]:.1f} s later: the wake was lost")
    finally:
        await room.close()
