import datetime as dt

import pytest

from ektp_shared.auth import TokenVerifier, generate_keypair, issue_token
from ektp_shared.problems import Problem
from ektp_shared.sealed_packet import (
    BiometricPacket,
    SealError,
    generate_centre_keypair,
    load_private_key,
    load_public_key,
    open_sealed,
    seal,
)


@pytest.fixture
def keys(tmp_path):
    generate_keypair(tmp_path / "k", tmp_path / "k.pub")
    return (tmp_path / "k").read_bytes(), (tmp_path / "k.pub").read_bytes()


def mint(private, role="operator", **kw):
    args = {"user": "budi", "role": role, "issuer": "dukcapil-boltim", "audience": "ektp",
            "ttl": dt.timedelta(hours=1)}
    args.update(kw)
    return issue_token(private, **args)


def test_a_valid_token_names_user_and_role(keys):
    verifier = TokenVerifier(keys[1], issuer="dukcapil-boltim", audience="ektp")
    principal = verifier.verify(mint(keys[0]))
    assert (principal.user, principal.role) == ("budi", "operator")


def test_a_token_for_another_audience_is_refused(keys):
    verifier = TokenVerifier(keys[1], issuer="dukcapil-boltim", audience="ektp")
    with pytest.raises(Problem) as err:
        verifier.verify(mint(keys[0], audience="elsewhere"))
    assert err.value.status == 401


def test_unknown_roles_cannot_be_minted(keys):
    with pytest.raises(ValueError, match="unknown role"):
        mint(keys[0], role="root")


def test_private_key_file_is_owner_only(tmp_path):
    generate_keypair(tmp_path / "k", tmp_path / "k.pub")
    assert (tmp_path / "k").stat().st_mode & 0o777 == 0o600


def test_sealed_packet_opens_with_the_centres_key_only(tmp_path):
    generate_centre_keypair(tmp_path / "c.key", tmp_path / "c.pub")
    generate_centre_keypair(tmp_path / "o.key", tmp_path / "o.pub")
    packet = BiometricPacket(enrollment_id="e1", nik="7110014501900001", photo_jpeg_b64="AA==",
                             signature_png_b64="AA==", fingerprints={"R_THUMB": "AQID"})
    sealed = seal(packet, load_public_key(tmp_path / "c.pub"))
    assert "AQID" not in sealed
    assert open_sealed(sealed, load_private_key(tmp_path / "c.key")) == packet
    with pytest.raises(SealError):
        open_sealed(sealed, load_private_key(tmp_path / "o.key"))
