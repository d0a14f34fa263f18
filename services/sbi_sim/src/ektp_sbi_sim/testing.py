"""Run the simulated device as a real process on a free port of 4501-4600 (tests, demos)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

SBI_PORTS = range(4501, 4601)


def free_sbi_port() -> int:
    for port in SBI_PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 4501-4600 for the SBI device service")


@contextmanager
def running_device(**settings: object) -> Iterator[str]:
    """Start ``python -m ektp_sbi_sim`` (``EKTP_SBI_<NAME>`` from ``settings``); yields its
    URL and stops it at the end."""
    port = free_sbi_port()
    env = {**os.environ, "EKTP_SBI_PORT": str(port)}
    for name, value in settings.items():
        env[f"EKTP_SBI_{name.upper()}"] = value if isinstance(value, str) else json.dumps(value)
    proc = subprocess.Popen([sys.executable, "-m", "ektp_sbi_sim"], env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the SBI simulator did not start on {url}")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)
