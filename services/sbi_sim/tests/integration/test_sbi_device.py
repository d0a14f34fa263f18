"""The simulated SBI device as the recording page's browser meets it: a real process on a
port of 4501-4600, MOSIP's verbs, the CORS and Private Network Access preflights."""

from __future__ import annotations

import base64
import json

import httpx
import jwt
import pytest

from ektp_sbi_sim.testing import running_device

pytestmark = pytest.mark.integration

OFFICE = "http://127.0.0.1:8080"


@pytest.fixture(scope="module")
def device():
    with running_device(quality={"R_INDEX": 20}, missing=["L_RING"]) as url:
        yield url


def payload(entry: dict) -> dict:
    return jwt.decode(entry["data"], options={"verify_signature": False})


def test_the_private_network_preflight_is_answered(device):
    r = httpx.options(f"{device}/capture", headers={
        "Origin": OFFICE, "Access-Control-Request-Method": "RCAPTURE",
        "Access-Control-Request-Headers": "content-type",
        "Access-Control-Request-Private-Network": "true"})
    assert r.status_code == 204
    assert r.headers["access-control-allow-private-network"] == "true"
    assert r.headers["access-control-allow-origin"] == OFFICE
    assert "RCAPTURE" in r.headers["access-control-allow-methods"]
    assert "content-type" in r.headers["access-control-allow-headers"]


def test_a_page_not_allowed_gets_no_cors_answer():
    with running_device(allowed_origins=["http://kantor.example"]) as url:
        r = httpx.options(f"{url}/capture", headers={
            "Origin": "http://evil.example", "Access-Control-Request-Method": "RCAPTURE",
            "Access-Control-Request-Private-Network": "true"})
        assert r.status_code == 403
        assert "access-control-allow-private-network" not in r.headers
        assert "access-control-allow-origin" not in r.headers


def test_discovery_and_info_list_the_finger_iris_and_face_devices(device):
    r = httpx.request("MOSIPDISC", f"{device}/device", json={"type": "Biometric Device"},
                      headers={"Origin": OFFICE})
    assert r.headers["access-control-allow-origin"] == OFFICE
    found = {d["deviceId"]: d for d in r.json()}
    assert {d["type"] for d in (json.loads(base64.urlsafe_b64decode(x["digitalId"] + "=="))
                                for x in found.values())} == {"Finger", "Iris", "Face"}
    assert all(d["deviceStatus"] == "Ready" and d["purpose"] == "Registration"
               for d in found.values())
    assert found["finger-1"]["deviceSubId"] == ["1", "2", "3"]
    only_iris = httpx.request("MOSIPDISC", f"{device}/device", json={"type": "Iris"}).json()
    assert [d["deviceId"] for d in only_iris] == ["iris-1"]
    info = httpx.request("MOSIPDINFO", f"{device}/info").json()
    assert {payload({"data": i["deviceInfo"]})["deviceId"] for i in info} == set(found)


def test_rcapture_gives_each_finger_with_its_score_and_leaves_out_the_unreadable(device):
    r = httpx.request("RCAPTURE", f"{device}/capture", json={
        "env": "Developer", "purpose": "Registration", "specVersion": "0.9.5",
        "timeout": "10000", "transactionId": "t-1",
        "bio": [{"type": "Finger", "count": "4", "deviceSubId": "2", "requestedScore": "40",
                 "bioSubType": ["UNKNOWN"], "exception": []},
                {"type": "Finger", "count": "4", "deviceSubId": "1", "exception": []}]})
    entries = [payload(e) for e in r.json()["biometrics"]]
    by_sub = {e["bioSubType"]: e for e in entries}
    assert "Left RingFinger" not in by_sub  # the finger the scanner cannot read
    assert len(by_sub) == 7
    assert by_sub["Right IndexFinger"]["qualityScore"] == "20"
    assert by_sub["Right MiddleFinger"]["qualityScore"] == "85"
    iso = base64.urlsafe_b64decode(by_sub["Right IndexFinger"]["bioValue"] + "==")
    assert iso.startswith(b"FIR\x00")
    assert all(e["transactionId"] == "t-1" and e["bioType"] == "Finger" for e in entries)


def test_rcapture_of_the_face_is_a_jpeg_and_the_iris_an_iso_record(device):
    r = httpx.request("RCAPTURE", f"{device}/capture", json={"bio": [
        {"type": "Face", "count": "1", "deviceSubId": "0"},
        {"type": "Iris", "count": "2", "deviceSubId": "3"}]})
    entries = [payload(e) for e in r.json()["biometrics"]]
    face = base64.urlsafe_b64decode(entries[0]["bioValue"] + "==")
    assert face[:3] == b"\xff\xd8\xff"
    assert [e["bioSubType"] for e in entries[1:]] == ["Left", "Right"]
    assert base64.urlsafe_b64decode(entries[1]["bioValue"] + "==").startswith(b"IIR\x00")


def test_the_face_stream_sends_jpeg_frames(device):
    with httpx.stream("STREAM", f"{device}/stream", json={"deviceId": "face-1",
                                                          "deviceSubId": "0",
                                                          "timeout": "400"}) as r:
        assert r.headers["content-type"].startswith("multipart/x-mixed-replace")
        body = r.read()
    assert body.count(b"Content-Type: image/jpeg") >= 1
