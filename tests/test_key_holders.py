"""Keys where they belong (DESIGN.md section 6, "Keys"): under `make up` each service is
given, and its settings name, only the key files it holds; printing alone the card spool."""

import importlib

import pytest

from ektp_shared.config import ServiceSettings
from ektp_shared.stack import HELD_VARIABLES, KEY_VARIABLES, SERVICES, process_env

# What each service holds besides the token public key every service has.
HOLDS = {
    "central-sim": {"EKTP_CENTRE_PRIVATE_KEY_FILE"},
    "enrollment": {"EKTP_CENTRE_PUBLIC_KEY_FILE"},
    "sync": {"EKTP_PRINT_ROOM_PUBLIC_KEY_FILE"},
    "printing": {"EKTP_PRINT_ROOM_PRIVATE_KEY_FILE", "EKTP_SPOOL_DIR"},
    "inventory": set(),
    "dashboard": set(),
    # the office's token issuer (sign-in)
    "accounts": {"EKTP_JWT_PRIVATE_KEY_FILE"},
    "web": set(),
}


@pytest.fixture
def a_shell_with_every_key(monkeypatch, tmp_path):
    """An operator's shell that exported every key path (for `ektp`) and a spool folder."""
    for variable in HELD_VARIABLES:
        monkeypatch.setenv(variable, str(tmp_path / variable.lower()))


@pytest.mark.usefixtures("a_shell_with_every_key")
def test_make_up_gives_each_service_only_the_keys_it_holds():
    assert {s.name for s in SERVICES} == set(HOLDS)
    for service in SERVICES:
        env = process_env(service)
        given = {k for k in env if k in HELD_VARIABLES}
        assert given == {"EKTP_JWT_PUBLIC_KEY_FILE"} | HOLDS[service.name], service.name
        if service.name != "accounts":
            assert "EKTP_JWT_PRIVATE_KEY_FILE" not in env  # the token issuer's alone


def test_the_paths_given_are_those_keys_init_wrote(monkeypatch, tmp_path):
    monkeypatch.setenv("EKTP_PRINT_ROOM_PRIVATE_KEY_FILE", str(tmp_path / "pr.key"))
    printing = next(s for s in SERVICES if s.name == "printing")
    assert process_env(printing)["EKTP_PRINT_ROOM_PRIVATE_KEY_FILE"] == str(tmp_path / "pr.key")


def test_each_service_reads_only_the_key_settings_it_is_given():
    """A service's settings have no field for a key it must not hold, so a default path
    cannot hand it one either."""
    shared = {f for f in ServiceSettings.model_fields if f in KEY_VARIABLES}
    assert shared == {"jwt_public_key_file"}
    for service in SERVICES:
        settings = importlib.import_module(f"{service.package}.config").Settings
        reads = {KEY_VARIABLES[f] for f in settings.model_fields if f in KEY_VARIABLES}
        if "spool_dir" in settings.model_fields:
            reads.add("EKTP_SPOOL_DIR")
        assert reads == {"EKTP_JWT_PUBLIC_KEY_FILE"} | HOLDS[service.name], service.name
