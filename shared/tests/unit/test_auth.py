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

# The default office's token issuer (ektp_shared.office).
ISSUER = "dukcapil.bolaangmongondowtimurkab.go.id"


@pytest.fixture
def keys(tmp_path):
    generate_keypair(tmp_path / "k", tmp_path / "k.pub")
    return (tmp_path / "k").read_bytes(), (tmp_path / "k.pub").read_bytes()


def mint(private, role="operator", **kw):
    args = {"user": "budi", "role": role, "issuer": ISSUER, "audience": "ektp",
            "ttl": dt.timedelta(hours=1)}
    args.update(kw)
    return issue_token(private, **args)


def test_a_valid_token_names_user_and_role(keys):
    verifier = TokenVerifier(keys[1], issuer=ISSUER, audience="ektp")
    principal = verifier.verify(mint(keys[0]))
    assert (principal.user, principal.role) == ("budi", "operator")


def test_a_token_for_another_audience_is_refused(keys):
    verifier = TokenVerifier(keys[1], issuer=ISSUER, audience="ektp")
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


def sign(private, **claims):
    import jwt

    now = int(dt.datetime.now(dt.UTC).timestamp())
    base = {"sub": "budi", "role": "operator", "iss": ISSUER, "aud": "ektp",
            "iat": now, "exp": now + 3600}
    base.update(claims)
    return jwt.encode({k: v for k, v in base.items() if v is not None}, private,
                      algorithm="EdDSA")


def test_a_token_living_longer_than_the_maximum_is_refused(keys):
    verifier = TokenVerifier(keys[1], issuer=ISSUER, audience="ektp",
                             max_ttl=dt.timedelta(hours=12))
    now = int(dt.datetime.now(dt.UTC).timestamp())
    assert verifier.verify(sign(keys[0], exp=now + 12 * 3600)).user == "budi"
    with pytest.raises(Problem) as err:
        verifier.verify(sign(keys[0], exp=now + 30 * 24 * 3600))
    assert err.value.status == 401
    assert "720 h" in err.value.detail and "12 h" in err.value.detail
    # backdating iat does not help: exp - iat still counts
    with pytest.raises(Problem):
        verifier.verify(sign(keys[0], iat=now - 24 * 3600, exp=now + 3600))


def test_the_default_maximum_is_a_working_day(keys):
    verifier = TokenVerifier(keys[1], issuer=ISSUER, audience="ektp")
    now = int(dt.datetime.now(dt.UTC).timestamp())
    with pytest.raises(Problem):
        verifier.verify(sign(keys[0], exp=now + 12 * 3600 + 1))


@pytest.mark.parametrize("missing", ["exp", "iat"])
def test_a_token_without_exp_or_iat_is_refused(keys, missing):
    verifier = TokenVerifier(keys[1], issuer=ISSUER, audience="ektp")
    with pytest.raises(Problem) as err:
        verifier.verify(sign(keys[0], **{missing: None}))
    assert err.value.status == 401 and missing in err.value.detail


def test_a_token_issued_in_the_future_is_refused(keys):
    verifier = TokenVerifier(keys[1], issuer=ISSUER, audience="ektp")
    later = int(dt.datetime.now(dt.UTC).timestamp()) + 365 * 24 * 3600
    with pytest.raises(Problem) as err:
        verifier.verify(sign(keys[0], iat=later, exp=later + 3600))
    assert err.value.status == 401


def test_the_issuer_mints_no_token_longer_than_the_maximum(keys):
    with pytest.raises(ValueError, match="at most 12 h"):
        mint(keys[0], ttl=dt.timedelta(hours=13))
    with pytest.raises(ValueError, match="at most 1 h"):
        mint(keys[0], ttl=dt.timedelta(hours=2), max_ttl=dt.timedelta(hours=1))
    assert mint(keys[0], ttl=dt.timedelta(hours=12))
