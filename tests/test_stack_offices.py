"""make up OFFICES=71.10,71.74: each office its ports, databases, principals, state and
topics; the province's dashboard beside them (no process started here)."""

from __future__ import annotations

import pytest

from ektp_shared import stack
from ektp_shared.stack import SERVICES, Office, offices, province_service, service_env

WEB = next(s for s in SERVICES if s.name == "web")
SYNC = next(s for s in SERVICES if s.name == "sync")


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch, tmp_path):
    for name in ("OFFICES", "EKTP_KABUPATEN", "EKTP_STACK_PORT_OFFSET", "EKTP_TOPIC_PREFIX"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EKTP_STATE_DIR", str(tmp_path))


def test_the_second_office_runs_on_its_own_ports_databases_principals_and_topics(tmp_path):
    first, second = offices("71.10,71.74")
    assert (first.kode, second.kode) == ("71.10", "71.74")
    env = service_env(SYNC, second)
    assert env["EKTP_KABUPATEN"] == "71.74"
    assert env["EKTP_TOPIC_PREFIX"] == "71-74."
    assert env["EKTP_HTTP_PORT"] == str(SYNC.port + 100)
    assert env["EKTP_DATABASE_URL"].endswith("/ektp_sync_7174")
    assert env["EKTP_KAFKA_USERNAME"] == "ektp-sync.71-74"
    assert env["EKTP_CENTRAL_URL"] == "http://127.0.0.1:8109"  # its own simulated centre
    assert "127.0.0.1:8101" in service_env(WEB, second)["EKTP_ENROLLMENT_URL"]
    pid_file = stack._pid_file(stack.Instance(SYNC, 1, second))
    assert pid_file == tmp_path / "offices" / "71-74" / "pids" / "sync.pid"
    # The first office is as it always was.
    env = service_env(SYNC, first)
    assert env["EKTP_HTTP_PORT"] == str(SYNC.port)
    assert env["EKTP_KAFKA_USERNAME"] == "ektp-sync"
    assert env["EKTP_DATABASE_URL"].endswith("/ektp_sync")


def test_the_province_dashboard_reads_every_office():
    all_offices = offices("71.10,71.74")
    province = province_service(all_offices)
    env = service_env(province, all_offices[0])
    assert env["EKTP_DASHBOARD_MODE"] == "province"
    assert env["EKTP_PROVINCE_OFFICES"] == "71.10,71.74"
    assert env["EKTP_KAFKA_USERNAME"] == "ektp-dashboard.province-71"
    assert env["EKTP_HTTP_PORT"] == "8090"


def test_a_port_offset_moves_every_office(monkeypatch):
    monkeypatch.setenv("EKTP_STACK_PORT_OFFSET", "15000")
    env = service_env(WEB, Office("71.74", 1))
    assert env["EKTP_HTTP_PORT"] == str(WEB.port + 15100)
    assert env["EKTP_SYNC_URL"] == "http://127.0.0.1:23102"


def test_offices_of_two_provinces_or_unknown_codes_are_refused():
    with pytest.raises(SystemExit, match="one province"):
        offices("71.10,72.01")
    with pytest.raises(SystemExit, match=r"99\.99"):
        offices("71.10,99.99")
