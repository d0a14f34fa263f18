"""`ektp token issue` prints a token the services accept; `ektp keys init` makes the keys."""

from typer.testing import CliRunner

from ektp_shared.auth import TokenVerifier
from ektp_shared.cli import app

runner = CliRunner()


def env_for(tmp_path):
    return {
        "EKTP_JWT_PRIVATE_KEY_FILE": str(tmp_path / "jwt.pem"),
        "EKTP_JWT_PUBLIC_KEY_FILE": str(tmp_path / "jwt.pub.pem"),
        "EKTP_CENTRE_PRIVATE_KEY_FILE": str(tmp_path / "centre.key"),
        "EKTP_CENTRE_PUBLIC_KEY_FILE": str(tmp_path / "centre.pub"),
    }


def test_keys_init_then_token_issue_gives_a_token_the_services_accept(tmp_path):
    env = env_for(tmp_path)
    assert runner.invoke(app, ["keys", "init"], env=env).exit_code == 0
    assert (tmp_path / "centre.pub").is_file() and (tmp_path / "jwt.pub.pem").is_file()
    result = runner.invoke(app, ["token", "issue", "--user", "budi", "--role", "printer"], env=env)
    assert result.exit_code == 0, result.output
    verifier = TokenVerifier((tmp_path / "jwt.pub.pem").read_bytes(), issuer="dukcapil-boltim",
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

    env = {**env_for(tmp_path),
           "EKTP_PRINT_ROOM_PRIVATE_KEY_FILE": str(tmp_path / "print_room.key"),
           "EKTP_PRINT_ROOM_PUBLIC_KEY_FILE": str(tmp_path / "print_room.pub")}
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
