"""``ektp central-sim`` against a running simulator."""

from __future__ import annotations

import asyncio
import json

import pytest
from typer.testing import CliRunner

from ektp_central_sim.entrypoints.cli import app
from ektp_central_sim.testing import SimServer

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_population_faults_and_counters_from_the_shell(sim_settings):
    server = SimServer(sim_settings)
    await asyncio.to_thread(server.start)
    try:
        runner = CliRunner()
        made = await asyncio.to_thread(runner.invoke, app, [
            "population", "--size", "500", "--card-share", "0.8", "--url", server.url])
        assert made.exit_code == 0, made.output
        assert json.loads(made.output)["inserted"] == 500
        bad = await asyncio.to_thread(runner.invoke, app, [
            "faults", "--error-share", "0.9", "--timeout-share", "0.9", "--url", server.url])
        assert bad.exit_code == 1 and "exceed" in bad.output
        shown = await asyncio.to_thread(runner.invoke, app, ["counters", "--url", server.url])
        assert json.loads(shown.output)["stored"] == 0
    finally:
        await asyncio.to_thread(server.stop)
