"""The biometric quality gate: a capture device's score below the office's threshold is
refused, naming the finger or iris, so the clerk captures it again."""

from __future__ import annotations

import pytest
from enrollment_testdata import biometrics

from ektp_enrollment.domain.biometrics import Biometrics, QualityThresholds, check_biometrics


def captured(scores: dict[str, float], iris: float = 90, face: float | None = 88) -> Biometrics:
    """Biometrics as the SBI device gave them: every finger and iris with its score."""
    plain = biometrics()
    return Biometrics.model_validate({
        **plain, "photo_quality_score": face,
        "fingerprints": {f: {"data_b64": v, "quality_score": scores.get(f, 85)}
                         for f, v in plain["fingerprints"].items()},
        "irises": {i: {"data_b64": v, "quality_score": iris} for i, v in plain["irises"].items()},
    })


def fields(check) -> dict[str, str]:
    return {e.field: e.message for e in check.errors}


def test_good_captures_pass_and_their_scores_are_kept():
    check = check_biometrics(captured({"R_INDEX": 40}))
    assert check.errors == []
    scores = check.summary["quality_scores"]
    assert scores["fingerprints"]["R_INDEX"] == 40  # exactly on the threshold passes
    assert scores["fingerprints"]["L_LITTLE"] == 85
    assert scores["irises"] == {"R_IRIS": 90, "L_IRIS": 90}
    assert scores["photo"] == 88
    assert len(check.summary["fingers_recorded"]) == 10


def test_a_finger_below_the_threshold_is_refused_by_name():
    check = check_biometrics(captured({"R_INDEX": 25}))
    assert fields(check) == {"biometrics.fingerprints.R_INDEX":
                             "kualitas sidik jari R_INDEX 25 di bawah ambang 40: "
                             "ulangi pengambilan"}


def test_an_iris_and_a_face_below_their_thresholds_are_refused():
    check = check_biometrics(captured({}, iris=59.5, face=12))
    assert set(fields(check)) == {"biometrics.irises.R_IRIS", "biometrics.irises.L_IRIS",
                                  "biometrics.photo_jpeg_b64"}
    assert fields(check)["biometrics.photo_jpeg_b64"] == (
        "kualitas foto 12 di bawah ambang 30: ulangi pengambilan")


def test_the_thresholds_come_from_the_office():
    strict = QualityThresholds(finger=90, iris=60, face=30)
    assert set(fields(check_biometrics(captured({}), strict))) == {
        f"biometrics.fingerprints.{f}" for f in biometrics()["fingerprints"]}


def test_a_missing_finger_needs_an_exception_even_from_a_device():
    b = captured({})
    del b.fingerprints["L_THUMB"]
    assert list(fields(check_biometrics(b))) == ["biometrics.fingerprints.L_THUMB"]
    b.finger_exceptions["L_THUMB"] = "amputasi"
    check = check_biometrics(b)
    assert check.errors == []
    assert "L_THUMB" not in check.summary["quality_scores"]["fingerprints"]


def test_a_template_from_a_file_has_no_score_to_check():
    check = check_biometrics(Biometrics.model_validate(biometrics()))
    assert check.errors == []
    assert check.summary["quality_scores"]["fingerprints"] == {}


@pytest.mark.parametrize("score", [-1, 101])
def test_a_score_outside_0_to_100_is_no_score(score):
    with pytest.raises(ValueError):
        captured({"R_THUMB": score})
