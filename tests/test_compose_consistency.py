"""docker-compose.yml (for users with Docker) must describe the same stack as `make up`."""

import re
from pathlib import Path

import yaml

from ektp_shared.kafka_provision import SERVICE_TOPICS, service_password_variable
from ektp_shared.secret_env import SECRET_NAMES
from ektp_shared.stack import HELD_VARIABLES, KEY_VARIABLES, SERVICES, service_env

ROOT = Path(__file__).parents[1]
COMPOSE_TEXT = (ROOT / "docker-compose.yml").read_text()
COMPOSE = yaml.safe_load(COMPOSE_TEXT)
INIT_SQL = (ROOT / "infra" / "postgres" / "init-databases.sh").read_text()


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
        # The password is a file under make up, a value from the env file under compose.
        wanted = {"EKTP_KAFKA_PASSWORD" if k == "EKTP_KAFKA_PASSWORD_FILE" else k for k in local}
        assert wanted <= set(env), f"{service.name}: {wanted - set(env)} missing"
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


# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}, $NAME
REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def references(text: str) -> list[tuple[str, str]]:
    """(name, what follows it) of every variable docker compose substitutes ($$ escapes)."""
    found = []
    for m in REFERENCE.finditer(text.replace("$$", "")):
        found.append((m.group(1) or m.group(3), m.group(2) or ""))
    return found


def test_compose_has_no_default_password_and_make_secrets_writes_every_one():
    used = references(COMPOSE_TEXT)
    assert used, "compose takes its passwords from the environment"
    for name, rest in used:
        assert rest.startswith(":?"), f"${{{name}{rest}}}: a secret must be required, no default"
        assert name in SECRET_NAMES, f"{name}: compose reads it but `make secrets` never writes it"
    assert {"POSTGRES_PASSWORD", "EKTP_DB_OWNER_PASSWORD", "EKTP_DB_SERVICE_PASSWORD",
            "CENTRAL_SIM_API_KEY"} <= {name for name, _ in used}


def test_no_literal_password_in_compose_or_the_database_init():
    postgres = COMPOSE["services"]["postgres"]["environment"]
    assert postgres["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    for spec in COMPOSE["services"].values():
        for key, value in (spec.get("environment") or {}).items():
            passwords = re.findall(r"postgresql://[^:/@]+:(.*?)@postgres", str(value))
            assert len(passwords) == str(value).count("postgresql://"), (key, value)
            for password in passwords:
                assert re.fullmatch(r"\$\{\w+:\?[^}]*\}", password), (key, value)
            if any(word in key for word in ("PASSWORD", "API_KEY", "SECRET")):
                assert str(value).startswith("${") and ":?" in str(value), key
    assert not re.search(r"PASSWORD\s+'", INIT_SQL), "the init script sets passwords from env"
    assert ":'owner_password'" in INIT_SQL and ":'service_password'" in INIT_SQL


def mounts(name: str) -> dict[str, tuple[str, bool]]:
    """A service's mounts: volume -> (path in the container, read-only)."""
    found = {}
    for entry in COMPOSE["services"][name].get("volumes") or []:
        source, target, *mode = entry.split(":")
        found[source] = (target, "ro" in mode)
    return found


# Who holds which private key or folder (DESIGN.md section 6, "Keys"); `keys` is the one-shot
# `ektp keys init` and the token issuer (`docker compose run --rm keys token issue`).
HOLDERS = {
    "jwt-key": {"keys", "accounts"},
    "centre-key": {"keys", "central-sim"},
    "print-room-key": {"keys", "printing"},
    "spool": {"printing"},
}


def test_each_private_key_and_the_card_spool_are_mounted_only_into_their_holder():
    for volume, holders in HOLDERS.items():
        assert volume in COMPOSE["volumes"]
        mounted_in = {name for name in COMPOSE["services"] if volume in mounts(name)}
        assert mounted_in == holders, f"{volume} is mounted into {sorted(mounted_in)}"
    for service in SERVICES:  # a service reads its keys, never writes them
        for volume, (_, read_only) in mounts(service.name).items():
            assert read_only or volume == "spool", f"{service.name}: {volume} is writable"
        assert mounts(service.name)["public-keys"] == ("/keys/public", True)


def test_each_service_is_told_of_the_same_key_files_as_under_make_up():
    """The key settings compose gives a service are those `make up` gives it, and each path
    lies in a volume mounted into that service."""
    held = set(KEY_VARIABLES.values()) | set(HELD_VARIABLES)
    for service in SERVICES:
        env = COMPOSE["services"][service.name]["environment"]
        in_compose = {k for k in env if k in held}
        assert in_compose == {k for k in service_env(service) if k in held}, service.name
        folders = [target for target, _ in mounts(service.name).values()]
        for variable in in_compose:
            assert any(env[variable].startswith(f + "/") for f in folders), (service.name, variable)
    issuer = COMPOSE["services"]["keys"]
    assert set(KEY_VARIABLES.values()) <= set(issuer["environment"])
    assert all(not ro for _, ro in mounts("keys").values())


def test_the_centre_listening_beyond_loopback_has_its_api_key_and_sync_sends_it():
    centre = COMPOSE["services"]["central-sim"]
    if "0.0.0.0" in centre["command"]:  # noqa: S104
        assert centre["environment"]["EKTP_HTTP_HOST"] == "0.0.0.0"  # noqa: S104
        key = centre["environment"]["EKTP_API_KEY"]
        assert key.startswith("${CENTRAL_SIM_API_KEY:?")  # from the env, never a default
        assert COMPOSE["services"]["sync"]["environment"]["EKTP_CENTRAL_API_KEY"] == key


def test_services_wait_for_healthy_infrastructure():
    for service in SERVICES:
        spec = COMPOSE["services"][service.name]
        assert "/readyz" in " ".join(spec["healthcheck"]["test"])
    assert "healthcheck" in COMPOSE["services"]["kafka"]
    assert "healthcheck" in COMPOSE["services"]["postgres"]


# The variables `make secrets` writes into .env (the generator's own list must match).
KAFKA_SECRET_VARIABLES = {
    "KAFKA_ADMIN_PASSWORD", "KAFKA_PASSWORD_ENROLLMENT", "KAFKA_PASSWORD_SYNC",
    "KAFKA_PASSWORD_PRINTING", "KAFKA_PASSWORD_INVENTORY", "KAFKA_PASSWORD_DASHBOARD",
    "KAFKA_PASSWORD_CENTRAL_SIM", "KAFKA_PASSWORD_ACCOUNTS", "KAFKA_PASSWORD_WEB",
}


def from_env_file(value: str, variable: str) -> bool:
    """``${VARIABLE:?message}``: taken from the env file, refused when unset, no default."""
    return value.startswith(f"${{{variable}:?") and value.endswith("}")


def test_each_service_connects_to_kafka_as_its_own_principal():
    principals = {s.service: s.principal for s in SERVICE_TOPICS}
    for service in SERVICES:
        env = COMPOSE["services"][service.name]["environment"]
        local = service_env(service)
        assert env["EKTP_KAFKA_USERNAME"] == local["EKTP_KAFKA_USERNAME"] \
            == principals[service.name]
        variable = service_password_variable(service.name)
        assert variable in KAFKA_SECRET_VARIABLES
        assert from_env_file(env["EKTP_KAFKA_PASSWORD"], variable), service.name
        assert local["EKTP_KAFKA_PASSWORD_FILE"].endswith(f"/{principals[service.name]}.password")


def test_a_provisioning_step_makes_topics_principals_and_acls_before_the_services():
    provision = COMPOSE["services"]["provision"]
    assert provision["command"][:3] == ["ektp", "kafka", "provision"]
    assert "env" in provision["command"]
    env = provision["environment"]
    assert env["EKTP_KAFKA_USERNAME"] == "admin"
    assert from_env_file(env["EKTP_KAFKA_PASSWORD"], "KAFKA_ADMIN_PASSWORD")
    for s in SERVICE_TOPICS:  # the same passwords the services connect with
        variable = service_password_variable(s.service)
        assert from_env_file(env[variable], variable)
    assert {k for k in env if k.startswith("KAFKA_")} | {"KAFKA_ADMIN_PASSWORD"} \
        == KAFKA_SECRET_VARIABLES
    assert provision["depends_on"]["kafka"]["condition"] == "service_healthy"
    retention = env["EKTP_TOPIC_RETENTION_DAYS"]
    for service in SERVICES:
        depends = COMPOSE["services"][service.name]["depends_on"]
        assert depends["provision"]["condition"] == "service_completed_successfully"
        # The services check their inbox retention against the topics' (DESIGN section 4).
        assert COMPOSE["services"][service.name]["environment"]["EKTP_TOPIC_RETENTION_DAYS"] \
            == retention


def test_the_broker_asks_for_credentials_and_creates_no_topic_by_use():
    kafka = COMPOSE["services"]["kafka"]
    assert from_env_file(kafka["environment"]["KAFKA_ADMIN_PASSWORD"], "KAFKA_ADMIN_PASSWORD")
    assert not any(k.startswith("KAFKA_") and k != "KAFKA_ADMIN_PASSWORD"
                   for k in kafka["environment"]), "broker settings come from the template"
    script = kafka["entrypoint"][-1]
    assert script == "/opt/ektp/kafka/compose-entrypoint.sh"
    assert "./infra/kafka:/opt/ektp/kafka:ro" in kafka["volumes"]
    text = (ROOT / "infra" / "kafka" / "compose-entrypoint.sh").read_text()
    assert "server.properties.template" in text and "--add-scram" in text
    template = (ROOT / "infra" / "kafka" / "server.properties.template").read_text()
    for line in ("auto.create.topics.enable=false", "allow.everyone.if.no.acl.found=false",
                 "sasl.enabled.mechanisms=SCRAM-SHA-512"):
        assert line in template.splitlines()
    # Every client listener the script opens is SASL.
    protocol_map = next(line for line in text.splitlines() if "protocol.map=" in line)
    for listener in ("SASL_PLAINTEXT:SASL_PLAINTEXT", "HOST:SASL_PLAINTEXT"):
        assert listener in protocol_map
    assert "--command-config" in " ".join(kafka["healthcheck"]["test"])
    assert all(port.startswith("127.0.0.1:") for port in kafka["ports"])


class _ComposeTags(yaml.SafeLoader):
    """Reads compose's merge tags (!override, !reset) as the plain values they carry."""


for _tag in ("!override", "!reset"):
    _ComposeTags.add_constructor(
        _tag, lambda loader, node: loader.construct_sequence(node)
        if isinstance(node, yaml.SequenceNode) else loader.construct_object(node))
SCALE = yaml.load((ROOT / "docker-compose.scale.yml").read_text(), Loader=_ComposeTags)  # noqa: S506


def test_scalable_services_can_run_several_containers():
    """`docker compose -f docker-compose.yml -f docker-compose.scale.yml up --scale printing=2`:
    no container_name, and each scalable service's port on a host port per container (on
    loopback); the centre's simulator stays one, as under make up (EKTP_REPLICAS)."""
    assert not any("container_name" in spec for spec in COMPOSE["services"].values())
    scalable = {s.name: s for s in SERVICES if s.scalable}
    assert set(SCALE["services"]) == set(scalable)
    for name, service in scalable.items():
        assert SCALE["services"][name] == {"ports": [f"127.0.0.1::{service.port}"]}
    assert "!override" in (ROOT / "docker-compose.scale.yml").read_text()
