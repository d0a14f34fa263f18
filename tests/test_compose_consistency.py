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
        assert service.database in INIT_SQL.split("TO ektp_service")[0].rsplit("GRANT", 1)[1]


def test_services_connect_as_their_own_role_and_the_owner_migrates():
    """As under `make up`: the owner role runs the migrations, the services' role may not
    change the audit trail (DESIGN section 6)."""
    assert "CREATE ROLE ektp_service LOGIN" in INIT_SQL
    for service in SERVICES:
        env = COMPOSE["services"][service.name]["environment"]
        local = service_env(service)
        assert env["EKTP_DATABASE_URL"].startswith("postgresql://ektp_service:")
        assert local["EKTP_DATABASE_URL"].startswith("postgresql://ektp_service:")
        assert env["EKTP_MIGRATION_DATABASE_URL"].startswith("postgresql://ektp:")
        assert env["EKTP_MIGRATION_DATABASE_URL"].endswith("@postgres:5432")


def test_the_centre_listening_beyond_loopback_has_its_api_key_and_sync_sends_it():
    centre = COMPOSE["services"]["central-sim"]
    if "0.0.0.0" in centre["command"]:  # noqa: S104
        assert centre["environment"]["EKTP_HTTP_HOST"] == "0.0.0.0"  # noqa: S104
        key = centre["environment"]["EKTP_API_KEY"]
        assert key.startswith("${") and ":?" in key  # from the env, never a default
        assert COMPOSE["services"]["sync"]["environment"]["EKTP_CENTRAL_API_KEY"] == key


def test_services_wait_for_healthy_infrastructure():
    for service in SERVICES:
        spec = COMPOSE["services"][service.name]
        assert "/readyz" in " ".join(spec["healthcheck"]["test"])
    assert "healthcheck" in COMPOSE["services"]["kafka"]
    assert "healthcheck" in COMPOSE["services"]["postgres"]
