"""The full chaos run (``-m chaos``: make chaos, up to 25 minutes) and the soak (``-m soak``,
make soak) run only when asked for; the small chaos run is part of make test."""

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
# e2e_stack.py and the whole-office drive live beside the end-to-end tests.
sys.path[:0] = [str(HERE), str(HERE.parent / "e2e")]


ONLY_WHEN_ASKED = {"chaos": "the full chaos run: make chaos",
                   "soak": "30 minutes of steady load: make soak"}


def pytest_collection_modifyitems(config, items):
    asked = config.getoption("markexpr") or ""
    for marker, reason in ONLY_WHEN_ASKED.items():
        if marker in asked:
            continue
        for item in items:
            if item.get_closest_marker(marker):
                item.add_marker(pytest.mark.skip(reason=reason))
