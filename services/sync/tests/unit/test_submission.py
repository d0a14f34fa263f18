"""A submission's life, and the events each answer of the centre produces."""

from __future__ import annotations

import base64
import datetime as dt
import random

import pytest
from nacl.public import PrivateKey

from ektp_central_sim.testing import niks
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    CardData,
    CentralDuplicate,
    CentralFailed,
    CentralPrintReady,
    CentralSubmitted,
)
from ektp_shared.limits import MAX_EVENT_BYTES, PHOTO_BYTES, SIGNATURE_BYTES, event_bytes
from ektp_shared.sealed_packet import CardImages, open_card_images, seal
from ektp_sync.domain.submission import InvalidTransition, Submission, item_backoff

NIK = niks(1)[0]
NOW = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def card() -> CardData:
    return CardData(nik=NIK, nama="A", tempat_lahir="T", tanggal_lahir=dt.date(1990, 1, 1),
                    jenis_kelamin="LAKI-LAKI", alamat="x", rt="1", rw="2",
                    kode_desa="71.10.01.2001", agama="ISLAM", status_perkawinan="KAWIN",
                    pekerjaan="PETANI", photo_jpeg_b64="AA==", signature_png_b64="AA==")


def test_accepted_twice_publishes_submitted_once():
    s = Submission("rek-1", NIK)
    first = s.accepted(NOW)
    assert isinstance(first, CentralSubmitted) and s.state == "SENT_FOR_ENROLLMENT"
    assert s.accepted(NOW) is None


def test_print_ready_only_after_submitted_with_the_images_sealed_for_the_print_room():
    private = PrivateKey.generate()

    def seal_for_print_room(images: CardImages) -> str:
        return seal(images, private.public_key)

    s = Submission("rek-1", NIK)
    assert s.print_ready(card(), seal_for_print_room) is None and s.state == "PENDING"
    s.accepted(NOW)
    event = s.print_ready(card(), seal_for_print_room)
    assert event is not None and s.state == "PRINT_READY_RECORD"
    assert event.card.nama == "A" and "photo_jpeg_b64" not in event.model_dump()["card"]
    opened = open_card_images(event.sealed_images, private)
    assert (opened.photo_jpeg_b64, opened.signature_png_b64) == ("AA==", "AA==")


def test_duplicate_names_the_other_nik():
    s = Submission("rek-1", NIK)
    s.accepted(NOW)
    event = s.duplicate("7110010101900002")
    assert isinstance(event, CentralDuplicate) and event.duplicate_of == "7110010101900002"


def test_refused_items_go_to_the_operator_queue_after_the_limit_as_retryable():
    s = Submission("rek-1", NIK)
    assert s.refused("sibuk", max_attempts=3) is None
    assert s.refused("sibuk", max_attempts=3) is None
    failed = s.refused("sibuk", max_attempts=3)
    assert isinstance(failed, CentralFailed) and failed.retryable and s.state == "FAILED"


def test_rejected_is_failed_for_good_and_the_supervisor_can_retry_or_cancel():
    s = Submission("rek-1", NIK)
    failed = s.rejected("paket rusak")
    assert failed is not None and not failed.retryable and s.state == "FAILED"
    s.retry()
    assert s.state == "PENDING" and s.attempts == 0 and s.failure_reason is None
    with pytest.raises(InvalidTransition, match="hanya yang FAILED"):
        s.cancel()
    s.rejected("paket rusak")
    s.cancel()
    assert s.state == "CANCELLED"
    with pytest.raises(InvalidTransition):
        s.retry()


def test_unknown_at_the_centre_is_sent_again():
    s = Submission("rek-1", NIK)
    s.accepted(NOW)
    s.unknown_at_centre()
    assert s.state == "PENDING"


def test_item_backoff_grows_to_the_cap_with_jitter():
    rng = random.Random(1)
    waits = [item_backoff(n, 1.0, 60.0, rng) for n in range(1, 12)]
    assert all(0 <= w <= 60 for w in waits)
    assert max(item_backoff(20, 1.0, 60.0, rng) for _ in range(50)) > 30


def _card_with_images(photo_bytes: int, signature_bytes: int) -> CardData:
    rnd = random.Random(3)
    return card().model_copy(update={
        "photo_jpeg_b64": base64.b64encode(rnd.randbytes(photo_bytes)).decode(),
        "signature_png_b64": base64.b64encode(rnd.randbytes(signature_bytes)).decode()})


def _seal_for_print_room(images: CardImages) -> str:
    return seal(images, PrivateKey.generate().public_key)


def test_a_card_with_the_largest_photo_and_signature_the_office_takes_fits_one_event():
    s = Submission("rek-1", NIK)
    s.accepted(NOW)
    event = s.print_ready(_card_with_images(PHOTO_BYTES[1], SIGNATURE_BYTES[1]),
                          _seal_for_print_room)
    assert isinstance(event, CentralPrintReady) and s.state == "PRINT_READY_RECORD"
    assert event_bytes(CloudEvent.wrap(event, "sync")) <= MAX_EVENT_BYTES


def test_card_data_from_the_centre_over_the_event_limit_is_failed_with_the_reason():
    s = Submission("rek-1", NIK)
    s.accepted(NOW)
    # Sealed, base64 twice: 1.3 MB of images make about 2.3 MB on the topic.
    event = s.print_ready(_card_with_images(1_200_000, 100_000), _seal_for_print_room)
    assert isinstance(event, CentralFailed) and s.state == "FAILED" and not s.retryable
    assert event.reason.startswith("ENROLL_FAILURE: data kartu dari pusat terlalu besar")
    assert f"maksimal 2 MiB = {MAX_EVENT_BYTES} byte" in event.reason
