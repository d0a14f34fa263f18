"""docker-compose.yml (for users with Docker) must describe the same stack as `make up`."""

from pathlib import Path

import yaml

from ektp_shared.stack import SERVICES, service_env

ROOT = Path(__file__).parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
INIT_SQL = (ROOT / "infra" / "postgres" / "init-databases.sql").read_text()


def test_every_local_service_is_in_compose_with_the_same_port_and_factory():
    for service in SERVICES:
        spec = COMPOSE["services"][service.name]
        assert spec["ports"] == [f"127.0.0.1:{service.port}:{service.port}"]
        assert f"{service.factory}" in spec["command"]
        assert str(service.port) in spec["command"]


def test_compose_sets_the_same_variables_as_the_local_stack():
    for service in SERVICES:
        env = COMPOSE["services"][service.name]["environment"]
        local = service_env(service)
        assert set(local) <= set(env), f"{service.name}: {set(local) - set(env)} missing"
        assert env["EKTP_DATABASE_URL"].endswith("/" + service.database)
        assert env["EKTP_KAFKA_BOOTSTRAP"] == "kafka:9092"


def test_compose_creates_every_database():
    for service in SERVICES:
        assert f"CREATE DATABASE {service.database} OWNER ektp;" in INIT_SQL


def test_services_wait_for_healthy_infrastructure():
    for service in SERVICES:
        spec = COMPOSE["services"][service.name]
        assert "/readyz" in " ".join(spec["healthcheck"]["test"])
    assert "healthcheck" in COMPOSE["services"]["kafka"]
    assert "healthcheck" in COMPOSE["services"]["postgres"]
