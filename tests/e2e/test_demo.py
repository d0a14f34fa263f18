"""`make demo` plays against a running stack and ends by saying where to look."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from e2e_stack import Stack

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

PLAY = Path(__file__).resolve().parents[2] / "demo" / "play.py"


async def test_the_demo_plays_the_office_day_through_the_real_apis(stack: Stack):
    env = {**os.environ,
           **{f"EKTP_{name.upper()}_URL": url for name, url in stack.urls.items()
              if name != "central-sim"},
           "EKTP_CENTRAL_URL": stack.urls["central-sim"]}
    run = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, str(PLAY), "--population", "600", "--minutes", "0.8",
         "--verdict-delay", "1"],
        env=env, capture_output=True, text=True, timeout=240,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    out = run.stdout
    print(out)  # what the operator sees; shown with pytest -s
    assert "Lihat dasbor" in out and "Coba cari NIK" in out
    assert "[pusat] {'down': True}" in out
    k = (await stack.progress())["kabupaten"]
    assert k["target"] > 0 and k["recorded"] >= int(k["target"] * 0.9)
    assert k["duplicate"] > 0 and k["printed"] > 0 and k["issued"] > 0
    p = await stack.progress()
    assert p["printers"]["by_status"]["BROKEN"] == 1
    assert p["blanks"]["by_state"]["IN_STORE"] + p["blanks"]["by_state"]["ISSUED"] < k[
        "target"]
