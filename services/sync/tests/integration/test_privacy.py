"""Personal data on its way to the print room: the card's photo and signature are sealed on
the topic and blanked in the outbox once sent; viewers see the queue with masked NIKs."""

from __future__ import annotations

import base64
import io

import asyncpg
import pytest
from PIL import Image

from ektp_central_sim.testing import niks, recording
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import CentralPrintReady
from ektp_shared.logging import mask_nik
from ektp_shared.sealed_packet import (
    BiometricPacket,
    load_private_key,
    load_public_key,
    open_card_images,
    open_sealed,
    seal,
)
from ektp_shared.testing.kafka import create_topics, publish, read_topic
from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (240, 320), (200, 40, 40)).save(out, "JPEG", quality=80)
    return out.getvalue()


def with_photo(nik: str, enrollment_id: str, centre_keys, photo: bytes):
    """A recording whose sealed packet carries a real JPEG face photo."""
    event = recording(nik, enrollment_id, centre_keys[1])
    packet = open_sealed(event.sealed_packet, load_private_key(centre_keys[0]))
    packet = BiometricPacket.model_validate(
        {**packet.model_dump(), "photo_jpeg_b64": base64.b64encode(photo).decode()})
    return event.model_copy(
        update={"sealed_packet": seal(packet, load_public_key(centre_keys[1]))})


async def test_the_card_photo_travels_sealed_and_leaves_the_outbox_once_sent(
    infra, centre_keys, print_room_keys, sync_settings, start_sync, auth_header,
):
    photo = jpeg()
    photo_b64 = base64.b64encode(photo).decode()
    nik = niks(1, start=3001)[0]
    topic, central = sync_settings.topic("enrollment"), sync_settings.topic("central")
    await create_topics(infra.kafka, [topic, central])
    await publish(infra.kafka, topic, [
        CloudEvent.wrap(with_photo(nik, "rek-foto", centre_keys, photo), "enrollment")])
    db = await asyncpg.connect(sync_settings.database_url)
    try:
        async with start_sync() as (_, client):
            async def blanked() -> bool:
                return bool(await db.fetchval(
                    """SELECT count(*) FROM outbox WHERE ce_type = $1
                       AND published_at IS NOT NULL AND octet_length(payload) = 0""",
                    CentralPrintReady.ce_type()))

            await eventually(blanked, timeout=60, what="the sent card data blanked")
            # Only the print_ready row is blanked: the others keep their payload.
            assert await db.fetchval(
                "SELECT count(*) FROM outbox WHERE octet_length(payload) = 0") == 1
            assert await db.fetchval("SELECT count(*) FROM outbox") == 2

            for role, shown in (("viewer", mask_nik(nik)), ("operator", nik)):
                listing = await client.get("/submissions", headers=auth_header(role))
                one = await client.get("/submissions/rek-foto", headers=auth_header(role))
                assert listing.status_code == one.status_code == 200
                assert listing.json()["items"][0]["nik"] == one.json()["nik"] == shown
                if role == "viewer":
                    assert nik not in listing.text and nik not in one.text
    finally:
        await db.close()

    messages = await read_topic(infra.kafka, central, expect=2, timeout=30)
    assert len(messages) == 2
    for _, value, headers in messages:
        raw = (value or b"") + b"".join(v for _, v in headers)
        assert b"\xff\xd8\xff" not in raw and photo[:64] not in raw  # no JPEG in clear
        assert photo_b64[:64].encode() not in raw  # nor its base64
        assert base64.b64encode(photo_b64[:48].encode())[:64] not in raw  # nor base64 of that
    ready = next(CloudEvent.from_kafka(k, v, h) for k, v, h in messages
                 if CloudEvent.from_kafka(k, v, h).type == CentralPrintReady.ce_type())
    data = CentralPrintReady.model_validate(ready.data)
    assert "photo_jpeg_b64" not in ready.data["card"] and data.card.nik == nik
    # Only the print room opens it, and finds the photo exactly as recorded.
    images = open_card_images(data.sealed_images, load_private_key(print_room_keys[0]))
    assert images.photo_jpeg_b64 == photo_b64
