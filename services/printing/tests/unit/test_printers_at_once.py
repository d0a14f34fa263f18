"""Several pdf printers at once in one process: PDFium is not thread-safe, and two renders at
the same moment crashed or hung the print service mid-run (the Kota Kotamobagu whole-office
test). Run in a child process, so that a crash fails this test instead of killing pytest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_eight_pdf_printers_at_once_print_every_card_and_the_loop_keeps_answering() -> None:
    try:
        done = subprocess.run(
            [sys.executable, str(HERE / "printers_at_once.py"), "8", "160"],
            capture_output=True, text=True, timeout=180,
            env={"PYTHONPATH": str(HERE.parent), "PYTHONFAULTHANDLER": "1",
                 "PATH": "/usr/bin:/bin"},
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"the printers hung: {exc.stderr!r}"[-3000:]) from exc
    assert done.returncode == 0, (
        f"the process died (rc {done.returncode}): {done.stderr[-3000:]}")
    ok, cards, gap = done.stdout.split()
    assert (ok, int(cards)) == ("ok", 160)
    # The event loop (the service's HTTP answers) never waited on a render.
    assert float(gap) < 2.0, f"the event loop stalled {gap} s"
