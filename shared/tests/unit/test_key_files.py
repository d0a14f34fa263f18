"""Key files are created with their mode from the first byte and never replaced."""

import os
import stat

import pytest

from ektp_shared.auth import generate_keypair
from ektp_shared.keys import KeyFileError, KeySettings, write_key_file
from ektp_shared.sealed_packet import generate_sealing_keypair


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_private_and_public_modes_hold_whatever_the_umask(tmp_path):
    old = os.umask(0o077)  # a strict shell: the public half must still be readable by all
    try:
        write_key_file(tmp_path / "a.key", b"secret", private=True)
        write_key_file(tmp_path / "a.pub", b"public", private=False)
    finally:
        os.umask(old)
    assert (mode(tmp_path / "a.key"), mode(tmp_path / "a.pub")) == (0o600, 0o644)


def test_an_existing_file_or_a_planted_symlink_is_never_overwritten(tmp_path):
    target = tmp_path / "k"
    target.write_bytes(b"old")
    with pytest.raises(KeyFileError, match="never overwritten"):
        write_key_file(target, b"new", private=True)
    assert target.read_bytes() == b"old"
    elsewhere = tmp_path / "elsewhere"
    (tmp_path / "link").symlink_to(elsewhere)
    with pytest.raises(KeyFileError):
        write_key_file(tmp_path / "link", b"new", private=True)
    assert not elsewhere.exists()


def test_a_public_key_that_does_not_match_its_private_key_is_an_error(tmp_path):
    generate_keypair(tmp_path / "a.pem", tmp_path / "a.pub")
    generate_keypair(tmp_path / "b.pem", tmp_path / "b.pub")
    (tmp_path / "a.pub").unlink()
    (tmp_path / "b.pub").rename(tmp_path / "a.pub")
    with pytest.raises(KeyFileError, match="not the public half"):
        generate_keypair(tmp_path / "a.pem", tmp_path / "a.pub")


def test_a_loose_private_key_is_tightened_and_kept(tmp_path):
    generate_sealing_keypair(tmp_path / "p.key", tmp_path / "p.pub")
    before = (tmp_path / "p.key").read_bytes()
    (tmp_path / "p.key").chmod(0o644)
    said = generate_sealing_keypair(tmp_path / "p.key", tmp_path / "p.pub")
    assert "tightened" in said and mode(tmp_path / "p.key") == 0o600
    assert (tmp_path / "p.key").read_bytes() == before


def test_the_signing_key_is_read_never_made(tmp_path, monkeypatch):
    monkeypatch.setenv("EKTP_JWT_PRIVATE_KEY_FILE", str(tmp_path / "jwt.pem"))
    with pytest.raises(KeyFileError, match="ektp keys init"):
        KeySettings().signing_key()
    assert not (tmp_path / "jwt.pem").exists()
