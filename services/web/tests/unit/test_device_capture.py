"""The device's captures on the recording form become enrollment's captures with their
quality score; the page's CSP lets it reach that device only."""

from __future__ import annotations

import pytest
from ektp_web.config import Settings
from ektp_web.domain import device_capture as dc
from ektp_web.domain import recording_form as rf
from ektp_web.entrypoints.pages import csp
from pydantic import ValidationError


def body_from(text: dict[str, str], files: dict[str, bytes] | None = None) -> dict:
    files = files or {}
    return dc.with_device_captures(rf.request_body(text, files), text, files)


def test_a_captured_finger_goes_with_its_score():
    bio = body_from({"alat_jari_R_INDEX": "RklSAA==", "mutu_jari_R_INDEX": "72",
                     "alat_iris_L_IRIS": "SUlSAA==", "mutu_iris_L_IRIS": "65.5",
                     "alat_foto_wajah": "/9j/", "mutu_foto_wajah": "90"})["biometrics"]
    assert bio["fingerprints"] == {"R_INDEX": {"data_b64": "RklSAA==", "quality_score": 72}}
    assert bio["irises"] == {"L_IRIS": {"data_b64": "SUlSAA==", "quality_score": 65.5}}
    assert bio["photo_jpeg_b64"] == "/9j/"
    assert bio["photo_quality_score"] == 90


def test_a_file_the_clerk_chose_wins_over_the_device():
    bio = body_from({"alat_jari_R_INDEX": "RklSAA==", "mutu_jari_R_INDEX": "72"},
                    {"jari_R_INDEX": b"from a file"})["biometrics"]
    assert bio["fingerprints"] == {"R_INDEX": rf.b64(b"from a file")}


@pytest.mark.parametrize("score", ["", "banyak", "nan", "inf"])
def test_a_capture_without_a_readable_score_goes_as_a_bare_template(score):
    bio = body_from({"alat_jari_L_THUMB": "RklSAA==", "mutu_jari_L_THUMB": score})["biometrics"]
    assert bio["fingerprints"] == {"L_THUMB": "RklSAA=="}


def test_nothing_captured_changes_nothing():
    assert body_from({"alat_jari_L_THUMB": ""}) == rf.request_body({"alat_jari_L_THUMB": ""}, {})


def test_the_page_may_connect_to_the_device_and_nowhere_else():
    assert "connect-src 'self';" in csp("")
    assert "connect-src 'self' http://127.0.0.1:4501;" in csp("http://127.0.0.1:4501")


@pytest.mark.parametrize("url", ["http://127.0.0.1:4501/x", "javascript:alert(1)",
                                 "http://127.0.0.1:4501; script-src *", "ftp://h:1"])
def test_the_device_address_must_be_a_plain_origin(url):
    with pytest.raises(ValidationError):
        Settings(sbi_url=url)
    assert Settings(sbi_url="http://127.0.0.1:4501/").sbi_url == "http://127.0.0.1:4501"
