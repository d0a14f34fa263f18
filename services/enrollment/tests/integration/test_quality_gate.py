"""POST /enrollments with captures as an SBI device gives them: the service itself checks each
quality score against the office's thresholds (here raised for the finger), and refuses a low
one naming the finger, with nothing written."""

from __future__ import annotations

import datetime as dt

import pytest
from enrollment_testdata import nik_for, recording

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

SETTINGS = {"finger_quality_min": 50}  # EKTP_FINGER_QUALITY_MIN


def from_device(body: dict, finger_scores: dict[str, float], iris: float = 80) -> dict:
    b = body["biometrics"]
    b["fingerprints"] = {f: {"data_b64": v, "quality_score": finger_scores.get(f, 75)}
                         for f, v in b["fingerprints"].items()}
    b["irises"] = {i: {"data_b64": v, "quality_score": iris} for i, v in b["irises"].items()}
    b["photo_quality_score"] = 70
    return body


async def count(office, nik: str) -> int:
    return await office.pool.fetchval("SELECT count(*) FROM enrollments WHERE nik = $1", nik)


async def test_captures_with_good_scores_are_recorded_with_their_scores(office, operator):
    nik = nik_for(dt.date(1991, 2, 3), serial=11)
    r = await office.client.post("/enrollments", headers=operator, json=from_device(
        recording(nik, born=dt.date(1991, 2, 3)), {"R_INDEX": 50}))
    assert r.status_code == 201, r.text
    got = await office.client.get(f"/enrollments/{r.json()['enrollment_id']}", headers=operator)
    scores = got.json()["biometric_summary"]["quality_scores"]
    assert scores["fingerprints"]["R_INDEX"] == 50
    assert scores["irises"] == {"R_IRIS": 80, "L_IRIS": 80}
    assert scores["photo"] == 70
    assert scores["thresholds"]["finger"] == 50


async def test_a_finger_below_the_threshold_is_refused_and_nothing_is_written(office, operator):
    nik = nik_for(dt.date(1991, 2, 4), serial=12)
    r = await office.client.post("/enrollments", headers=operator, json=from_device(
        recording(nik, born=dt.date(1991, 2, 4)), {"R_INDEX": 45}))
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert {e["field"]: e["message"] for e in r.json()["errors"]} == {
        "biometrics.fingerprints.R_INDEX":
            "kualitas sidik jari R_INDEX 45 di bawah ambang 50: ulangi pengambilan"}
    assert await count(office, nik) == 0
    assert await office.pool.fetchval(
        "SELECT count(*) FROM audit_log WHERE target = $1", nik) == 0


async def test_a_missing_finger_without_an_exception_is_named(office, operator):
    nik = nik_for(dt.date(1991, 2, 5), serial=13)
    body = from_device(recording(nik, born=dt.date(1991, 2, 5)), {})
    del body["biometrics"]["fingerprints"]["L_RING"]
    r = await office.client.post("/enrollments", headers=operator, json=body)
    assert r.status_code == 422
    [error] = r.json()["errors"]
    assert error["field"] == "biometrics.fingerprints.L_RING"
    assert "finger_exceptions" in error["message"]
    assert await count(office, nik) == 0
    body["biometrics"]["finger_exceptions"] = {"L_RING": "amputasi"}
    assert (await office.client.post("/enrollments", headers=operator, json=body)).status_code \
        == 201
