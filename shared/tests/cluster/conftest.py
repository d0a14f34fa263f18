"""The 3-broker tests take minutes: they run only when asked for (``-m cluster``)."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "cluster" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="starts a 3-broker Kafka cluster: make kafka-cluster-test")
    for item in items:
        if item.get_closest_marker("cluster"):
            item.add_marker(skip)
