"""The size limits at the counter (ektp_shared.limits): a raw camera photo is refused naming
the field and the limit, a body past the route's cap is a 413 naming the cap, and a
recording with every field at its maximum is taken and reaches Kafka as one event within
the event limit (the real sealed packet, the real relay)."""

from __future__ import annotations

import base64
import io
import random
import struct
import zlib

import pytest
from enrollment_testdata import biometrics, recording
from PIL import Image

from ektp_shared.limits import (
    FINGERPRINT_BYTES,
    IRIS_BYTES,
    MAX_EVENT_BYTES,
    PHOTO_BYTES,
    RECORDING_BODY_BYTES,
    SIGNATURE_BYTES,
    event_bytes,
)
from ektp_shared.sealed_packet import FINGERS, IRISES
from ektp_shared.testing.kafka import read_events
from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

WORKERS = True  # the relay sends the largest recording to Kafka


def jpeg_of(size: int, seed: int = 1) -> bytes:
    """A real JPEG face photo of exactly ``size`` bytes: camera noise, then comment
    segments (the way a camera pads a file with its own data) up to the size."""
    rnd = random.Random(seed)
    img = Image.frombytes("RGB", (480, 640), rnd.randbytes(480 * 640 * 3))
    out = io.BytesIO()
    for quality in (95, 85, 70, 50, 30):
        out = io.BytesIO()
        img.save(out, "JPEG", quality=quality)
        if out.tell() <= size - 8:
            break
    jpeg = out.getvalue()
    assert jpeg[:2] == b"\xff\xd8"
    segments, missing = [], size - len(jpeg)
    while missing:
        data = min(missing - 4, 65533)
        if missing - (data + 4) in (1, 2, 3):  # leave room for one more whole segment
            data -= 8
        segments.append(b"\xff\xfe" + struct.pack(">H", data + 2) + rnd.randbytes(data))
        missing -= data + 4
    padded = jpeg[:2] + b"".join(segments) + jpeg[2:]
    assert len(padded) == size
    return padded


def png_of(size: int, seed: int = 2) -> bytes:
    """A real PNG signature of exactly ``size`` bytes (a private chunk pads it)."""
    img = Image.new("L", (400, 120), 255)
    out = io.BytesIO()
    img.save(out, "PNG")
    png = out.getvalue()
    data = random.Random(seed).randbytes(size - len(png) - 12)
    chunk = (struct.pack(">I", len(data)) + b"prVt" + data
             + struct.pack(">I", zlib.crc32(b"prVt" + data)))
    iend = png.rindex(b"IEND") - 4
    padded = png[:iend] + chunk + png[iend:]
    assert len(padded) == size
    return padded


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def blob(seed: int, size: int) -> str:
    return b64(random.Random(seed).randbytes(size))


def largest_recording(serial: int) -> dict:
    """Every field at its maximum: images, and the resident's text in two-byte letters."""
    return recording(
        serial=serial, nama="É" * 120, tempat_lahir="É" * 60, alamat="É" * 200,
        pekerjaan="É" * 80, rt="999", rw="999",
        biometrics=biometrics(
            photo_jpeg_b64=b64(jpeg_of(PHOTO_BYTES[1])),
            signature_png_b64=b64(png_of(SIGNATURE_BYTES[1])),
            fingerprints={f: blob(i, FINGERPRINT_BYTES[1]) for i, f in enumerate(FINGERS)},
            irises={e: blob(50 + i, IRIS_BYTES[1]) for i, e in enumerate(IRISES)},
        ),
    )


async def test_a_935_kb_camera_photo_is_refused_naming_the_field_and_the_limit(
    office, operator
):
    photo = jpeg_of(935_000)
    body = recording(serial=935, biometrics=biometrics(photo_jpeg_b64=b64(photo)))
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    problem = r.json()
    assert [e["field"] for e in problem["errors"]] == ["biometrics.photo_jpeg_b64"]
    message = problem["errors"][0]["message"]
    assert "935000 byte" in message and "maksimal 300 KB (300000 byte)" in message
    assert "biometrics.photo_jpeg_b64" in problem["detail"] and "300 KB" in problem["detail"]
    assert await office.pool.fetchval("SELECT count(*) FROM enrollments") == 0
    assert await office.pool.fetchval("SELECT count(*) FROM outbox") == 0


async def test_a_body_over_the_recording_routes_cap_is_413_naming_the_cap(office, operator):
    # Base64 text no recording can carry: the route's cap refuses it before it is parsed.
    huge = recording(serial=936, biometrics=biometrics(
        photo_jpeg_b64="A" * (RECORDING_BODY_BYTES + 1)))
    r = await office.client.post("/enrollments", json=huge, headers=operator)
    assert r.status_code == 413, r.text
    problem = r.json()
    assert problem["limit_bytes"] == RECORDING_BODY_BYTES
    assert "1.5 MiB" in problem["detail"] and str(RECORDING_BODY_BYTES) in problem["detail"]
    assert await office.pool.fetchval("SELECT count(*) FROM enrollments") == 0


async def test_a_recording_with_every_field_at_its_maximum_reaches_kafka_as_one_event(
    office, operator
):
    body = largest_recording(serial=937)
    r = await office.client.post("/enrollments", json=body, headers=operator)
    assert r.status_code == 201, r.text[:2000]
    enrollment_id = r.json()["enrollment_id"]
    events = await read_events(office.settings.kafka,
                               office.settings.topic("enrollment"), expect=1, timeout=60)
    assert [e.data["enrollment_id"] for e in events] == [enrollment_id]
    size = event_bytes(events[0])
    # The sealed packet is base64 inside base64: 16/9 of the images, about 1.5 MB.
    assert 1_450_000 < size <= MAX_EVENT_BYTES, size

    async def marked_sent() -> bool:
        return await office.pool.fetchval("SELECT published_at IS NOT NULL FROM outbox")

    await eventually(marked_sent, timeout=10, what="the outbox row marked published")
    assert await office.pool.fetchval("SELECT held_at FROM outbox") is None
