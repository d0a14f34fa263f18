"""The simulator's /control routes reset and rig the centre: beyond 127.0.0.1 it does not
start without its API key."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pydantic import ValidationError

from ektp_central_sim.config import Settings


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "10.0.0.5", "central-sim"])  # noqa: S104
def test_listening_beyond_loopback_needs_the_api_key(host):
    with pytest.raises(ValidationError, match="EKTP_API_KEY"):
        Settings(http_host=host)
    with pytest.raises(ValidationError, match="EKTP_API_KEY"):
        Settings(http_host=host, api_key="  ")
    assert Settings(http_host=host, api_key="rahasia").api_key is not None


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_on_loopback_the_key_is_optional(host):
    assert Settings(http_host=host).api_key is None


def test_the_server_refuses_to_start_without_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("EKTP_")}
    env.update(EKTP_HTTP_HOST="0.0.0.0", EKTP_HTTP_PORT="1",  # noqa: S104 - the case tested
               # nothing real to reach, should it start after all
               EKTP_DATABASE_URL="postgresql://x:x@127.0.0.1:1/x",
               EKTP_KAFKA_BOOTSTRAP="127.0.0.1:1")
    result = subprocess.run(
        [sys.executable, "-m", "uvicorn", "--factory",
         "ektp_central_sim.entrypoints.api:build_app", "--host", "127.0.0.1", "--port", "1"],
        env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "EKTP_API_KEY" in result.stderr
