"""`make up` with EKTP_REPLICAS: how many instances, on which ports; down and status find
every instance that runs, whatever the setting says now (issue 13)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from ektp_shared import stack
from ektp_shared.stack import SERVICES, Instance, instances, replicas, running_instances

BY_NAME = {s.name: s for s in SERVICES}


@pytest.fixture(autouse=True)
def no_replica_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("EKTP_REPLICAS", "EKTP_REPLICA_PORT_STEP",
                 *(f"EKTP_REPLICAS_{s.name.upper().replace('-', '_')}" for s in SERVICES)):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EKTP_STATE_DIR", str(tmp_path))


def test_one_instance_of_each_unless_asked() -> None:
    assert all(replicas(s) == 1 for s in SERVICES)
    assert [i.port for i in instances(BY_NAME["printing"])] == [8003]


def test_replicas_for_all_or_for_one_service(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EKTP_REPLICAS", "2")
    monkeypatch.setenv("EKTP_REPLICAS_PRINTING", "3")
    printing = instances(BY_NAME["printing"])
    assert [(i.name, i.port) for i in printing] == [
        ("printing", 8003), ("printing-2", 8103), ("printing-3", 8203)]
    assert [i.port for i in instances(BY_NAME["sync"])] == [8002, 8102]
    assert [i.port for i in instances(BY_NAME["web"])] == [8080, 8180]
    # The centre's simulator stands for the outside system: one, whatever is asked.
    monkeypatch.setenv("EKTP_REPLICAS_CENTRAL_SIM", "2")
    assert replicas(BY_NAME["central-sim"]) == 1


def test_every_instance_has_a_port_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EKTP_REPLICAS", "4")
    ports = [i.port for s in SERVICES for i in instances(s)]
    assert len(ports) == len(set(ports))


def test_an_instance_is_told_its_own_port(monkeypatch: pytest.MonkeyPatch) -> None:
    second = Instance(BY_NAME["inventory"], 2)
    monkeypatch.setenv("EKTP_REPLICA_PORT_STEP", "10")
    assert second.port == 8014
    env = stack.service_env(second.service, second.port)
    assert env["EKTP_HTTP_PORT"] == "8014"
    assert env["EKTP_SERVICE_NAME"] == "inventory"  # same principal, database and group
    assert env["EKTP_DATABASE_URL"].endswith("/ektp_inventory")


@pytest.mark.parametrize("value", ["0", "dua", "-1"])
def test_a_count_that_is_not_one_or_more_is_refused(monkeypatch: pytest.MonkeyPatch,
                                                    value: str) -> None:
    monkeypatch.setenv("EKTP_REPLICAS_SYNC", value)
    with pytest.raises(SystemExit, match="EKTP_REPLICAS_SYNC"):
        replicas(BY_NAME["sync"])


def test_down_stops_every_instance_found_running(tmp_path: Path) -> None:
    """Started with three, stopped with the setting gone: all three stop."""
    printing = BY_NAME["printing"]
    (tmp_path / "pids").mkdir()
    procs = []
    for n in (1, 2, 3):
        # A stand-in whose command line names uvicorn, as the pid check wants.
        proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)",
                                 "uvicorn"], start_new_session=True)
        procs.append(proc)
        (tmp_path / "pids" / f"{Instance(printing, n).name}.pid").write_text(str(proc.pid))
    try:
        time.sleep(0.2)
        assert [i.n for i in running_instances(printing)] == [1, 2, 3]
        assert stack.main(["down"]) == 0
        for proc in procs:
            assert proc.wait(20) is not None
        assert running_instances(printing) == []
        assert list((tmp_path / "pids").iterdir()) == []
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
