"""`ektp token issue` prints a token the services accept; `ektp keys init` makes the keys."""

from pathlib import Path

import jwt
from typer.testing import CliRunner

from ektp_shared.auth import TokenVerifier
from ektp_shared.cli import app

# The default office's token issuer (ektp_shared.office).
ISSUER = "dukcapil.bolaangmongondowtimurkab.go.id"

runner = CliRunner()


def env_for(tmp_path):
    return {
        "EKTP_JWT_PRIVATE_KEY_FILE": str(tmp_path / "jwt.pem"),
        "EKTP_JWT_PUBLIC_KEY_FILE": str(tmp_path / "jwt.pub.pem"),
        "EKTP_CENTRE_PRIVATE_KEY_FILE": str(tmp_path / "centre.key"),
        "EKTP_CENTRE_PUBLIC_KEY_FILE": str(tmp_path / "centre.pub"),
        "EKTP_PRINT_ROOM_PRIVATE_KEY_FILE": str(tmp_path / "print_room.key"),
        "EKTP_PRINT_ROOM_PUBLIC_KEY_FILE": str(tmp_path / "print_room.pub"),
    }


def test_keys_init_then_token_issue_gives_a_token_the_services_accept(tmp_path):
    env = env_for(tmp_path)
    assert runner.invoke(app, ["keys", "init"], env=env).exit_code == 0
    assert (tmp_path / "centre.pub").is_file() and (tmp_path / "jwt.pub.pem").is_file()
    result = runner.invoke(app, ["token", "issue", "--user", "budi", "--role", "printer"], env=env)
    assert result.exit_code == 0, result.output
    verifier = TokenVerifier((tmp_path / "jwt.pub.pem").read_bytes(), issuer=ISSUER,
                             audience="ektp")
    principal = verifier.verify(result.output.strip())
    assert (principal.user, principal.role) == ("budi", "printer")


def test_an_unknown_role_is_refused(tmp_path):
    result = runner.invoke(app, ["token", "issue", "--user", "x", "--role", "root"],
                           env=env_for(tmp_path))
    assert result.exit_code == 2
    assert "unknown role" in result.output


def test_dlq_replay_refuses_without_who_or_where():
    cli = runner
    result = cli.invoke(app, ["dlq", "replay", "enrollment", "0:0", "--database-url", "x"])
    assert result.exit_code == 2 and "--by" in result.output
    result = cli.invoke(app, ["dlq", "replay", "enrollment", "0:0", "--by", "siti"])
    assert result.exit_code == 2 and "--service or --database-url" in result.output
    result = cli.invoke(app, ["dlq", "replay", "enrollment", "zero", "--by", "siti",
                              "--service", "printing"])
    assert result.exit_code != 0 and "PARTITION:OFFSET" in result.output


def test_keys_init_makes_the_print_rooms_pair_private_from_the_first_byte(tmp_path, monkeypatch):
    import os
    import stat

    from ektp_shared.sealed_packet import (
        CardImages,
        load_private_key,
        load_public_key,
        open_card_images,
        seal,
    )

    env = env_for(tmp_path)
    created_modes: list[int] = []
    real_open = os.open

    def watching_open(path, flags, mode=0o777, *args, **kwargs):
        if str(path).endswith("print_room.key"):
            created_modes.append(mode)
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", watching_open)
    assert runner.invoke(app, ["keys", "init"], env=env).exit_code == 0
    assert created_modes == [0o600]
    private = tmp_path / "print_room.key"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    images = CardImages(photo_jpeg_b64="UEhPVE8=", signature_png_b64="U0lH")
    sealed = seal(images, load_public_key(tmp_path / "print_room.pub"))
    assert open_card_images(sealed, load_private_key(private)) == images
    before = private.read_bytes()
    assert runner.invoke(app, ["keys", "init"], env=env).exit_code == 0
    assert private.read_bytes() == before  # kept, never replaced


def test_keys_init_writes_private_keys_0600_and_public_keys_0644_from_the_first_byte(
        tmp_path, monkeypatch):
    import os
    import stat

    created: dict[str, int] = {}
    real_open = os.open

    def watching_open(path, flags, mode=0o777, *args, **kwargs):
        if Path(path).parent == tmp_path:
            assert flags & os.O_CREAT and flags & os.O_EXCL, f"{path}: created, never reused"
            created[Path(path).name] = mode
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", watching_open)
    result = runner.invoke(app, ["keys", "init"], env=env_for(tmp_path))
    assert result.exit_code == 0, result.output
    assert created == {"jwt.pem": 0o600, "jwt.pub.pem": 0o644, "centre.key": 0o600,
                       "centre.pub": 0o644, "print_room.key": 0o600, "print_room.pub": 0o644}
    for name, mode in created.items():
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == mode, name


def test_keys_init_keeps_existing_keys_and_refuses_a_public_key_without_its_private(tmp_path):
    env = env_for(tmp_path)
    assert runner.invoke(app, ["keys", "init"], env=env).exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    (tmp_path / "centre.pub").unlink()
    again = runner.invoke(app, ["keys", "init"], env=env)
    assert again.exit_code == 0, again.output
    assert "public half written again" in again.output
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    (tmp_path / "jwt.pem").rename(tmp_path / "jwt.pem.lost")
    refused = runner.invoke(app, ["keys", "init"], env=env)
    assert refused.exit_code == 1
    assert "jwt.pub.pem exists without its private key" in refused.output
    assert not (tmp_path / "jwt.pem").exists()  # no new pair behind the operator's back
    assert (tmp_path / "jwt.pub.pem").read_bytes() == before["jwt.pub.pem"]


def test_token_issue_never_makes_a_key_it_refuses_naming_keys_init(tmp_path):
    result = runner.invoke(app, ["token", "issue", "--user", "budi", "--role", "operator"],
                           env=env_for(tmp_path))
    assert result.exit_code == 1
    assert "ektp keys init" in result.output and str(tmp_path / "jwt.pem") in result.output
    assert list(tmp_path.iterdir()) == []


def test_token_issue_refuses_a_lifetime_over_the_maximum(tmp_path):
    env = env_for(tmp_path)
    assert runner.invoke(app, ["keys", "init"], env=env).exit_code == 0
    result = runner.invoke(app, ["token", "issue", "--user", "budi", "--role", "operator",
                                 "--hours", "24"], env=env)
    assert result.exit_code == 2
    assert "--hours" in result.output and "at most 12 h" in result.output
    assert runner.invoke(app, ["token", "issue", "--user", "budi", "--role", "operator",
                               "--hours", "-1"], env=env).exit_code == 2
    shorter = {**env, "EKTP_TOKEN_MAX_TTL_SECONDS": "3600"}
    assert runner.invoke(app, ["token", "issue", "--user", "budi", "--role", "operator",
                               "--hours", "2"], env=shorter).exit_code == 2
    ok = runner.invoke(app, ["token", "issue", "--user", "budi", "--role", "operator"],
                       env=shorter)  # by default the longest the office allows
    assert ok.exit_code == 0, ok.output
    claims = jwt.decode(ok.output.strip(), options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 3600


def test_secrets_init_writes_every_secret_once_private_and_keeps_an_existing_file(tmp_path):
    import stat

    from ektp_shared.secret_env import SECRET_NAMES, names_in

    env_file = tmp_path / ".env"
    result = runner.invoke(app, ["secrets", "init", "--env-file", str(env_file)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    text = env_file.read_text()
    assert names_in(text) == set(SECRET_NAMES)
    values = [line.split("=", 1)[1] for line in text.splitlines() if "=" in line]
    assert len(set(values)) == len(SECRET_NAMES) and all(len(v) >= 32 for v in values)
    assert runner.invoke(app, ["secrets", "init", "--env-file", str(env_file)]).exit_code == 0
    assert env_file.read_text() == text  # never rewritten: the database keeps its password
    kept = "POSTGRES_PASSWORD=chosen-by-the-admin\n"
    env_file.write_text(kept)
    result = runner.invoke(app, ["secrets", "init", "--env-file", str(env_file)])
    assert result.exit_code == 0
    assert env_file.read_text().startswith(kept)
    assert names_in(env_file.read_text()) == set(SECRET_NAMES)
    assert "POSTGRES_PASSWORD" not in result.output.split("wrote", 1)[1]
