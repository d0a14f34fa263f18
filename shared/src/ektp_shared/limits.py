"""Every size limit of the office in one place, so that they agree end to end (DESIGN.md
sections 3 and 6): a field's maximum, the largest event, what Kafka accepts, what a
request body may carry.

The chain, smallest first: every field at its maximum makes a recording event below
``MAX_EVENT_BYTES`` (proved through the real sealing, envelope and relay code:
services/enrollment tests/integration/test_size_limits.py, and for the card event
services/sync tests/unit/test_submission.py; tests/test_size_limits.py checks the chain);
the producer's ``max_request_size`` and each topic's ``max.message.bytes`` leave room above
it for the record batch framing; the broker's ``message.max.bytes`` and the consumers'
fetch sizes are at least the topic's. A request body is capped per route before it is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .envelope import CloudEvent

KIB = 1024
MIB = 1024 * KIB

# --- one recording (decoded bytes of each biometric) ------------------------------------
# The card photo is 4x6 cm at 300 dpi (about 472x709 pixels): a good JPEG of it is 30-100
# KB. 300 KB leaves room for a camera that saves at a higher quality, and refuses a raw
# camera file (the 935 KB photo that blocked the office).
PHOTO_BYTES = (2_000, 300_000)
# A signature pad's PNG is a few KB to some tens of KB.
SIGNATURE_BYTES = (200, 100_000)
# A WSQ image of one finger at 500 dpi is 15-30 KB; an ISO/IEC 19794-2 template about 1 KB.
FINGERPRINT_BYTES = (64, 32_000)
# An ISO/IEC 19794-6 iris image (cropped, compressed) is 10-40 KB.
IRIS_BYTES = (64, 64_000)
# The lowest capture quality accepted (0-100, as MOSIP SBI devices score; MOSIP's
# registration client's defaults): enrollment refuses below it (EKTP_FINGER_QUALITY_MIN,
# EKTP_IRIS_QUALITY_MIN, EKTP_FACE_QUALITY_MIN) and the recording page asks again.
FINGER_QUALITY_MIN = 40.0
IRIS_QUALITY_MIN = 60.0
FACE_QUALITY_MIN = 30.0
# Free text beside the images: why a finger or iris is missing, a supervisor's override.
EXCEPTION_REASON_CHARS = 200
OVERRIDE_REASON_CHARS = 500

# --- Kafka ------------------------------------------------------------------------------
# The largest event the office sends: a recording with every field at its maximum is about
# 1.44 MiB (1.51 MB; the sealed packet is base64 inside base64, 16/9 of the images), a card
# event (central.print_ready: photo and signature sealed, also 16/9) about 0.68 MiB.
MAX_EVENT_BYTES = 2 * MIB
# Headroom above one event for the record batch and record framing (about 100 bytes) and
# the headers; the producer refuses anything larger before it reaches the broker.
PRODUCER_MAX_REQUEST_BYTES = MAX_EVENT_BYTES + 64 * KIB
TOPIC_MAX_MESSAGE_BYTES = PRODUCER_MAX_REQUEST_BYTES
# The broker's default for topics it did not create with their own limit; also the
# replicas' fetch size (infra/kafka/server.properties.template, docker-compose.yml).
BROKER_MESSAGE_MAX_BYTES = TOPIC_MAX_MESSAGE_BYTES
# A consumer can always fetch the largest message of a partition, and a few at once.
CONSUMER_MAX_PARTITION_FETCH_BYTES = TOPIC_MAX_MESSAGE_BYTES
CONSUMER_FETCH_MAX_BYTES = 16 * TOPIC_MAX_MESSAGE_BYTES

# --- request bodies (checked before anything is read: ektp_shared.middleware) ------------
DEFAULT_BODY_BYTES = 64 * KIB
# The largest recording request is about 1.1 MiB (the images base64 once, plus the data).
RECORDING_BODY_BYTES = 1536 * KIB
# A kit's signed file: a village day of 50-100 typical recordings (100-400 KB each); at most
# about 28 recordings with every field at its maximum.
KIT_FILE_BYTES = 32 * MIB
# The ministry's roster CSV: about 90 bytes a row; `ektp enrollment import-roster` sends
# 2,000 rows a request, and 16 MiB takes a province's roster (~180,000 rows) at once.
ROSTER_CSV_BYTES = 16 * MIB
# Serial lists of the blank store: at most 100,000 serials of at most 40 characters a
# request (inventory's max_serials_per_request), about 4.3 MB as JSON.
SERIAL_LIST_BODY_BYTES = 8 * MIB
# A file of chip UIDs (one per line) for a shipment, and its multipart framing and form.
UID_FILE_BYTES = 8 * MIB
UID_UPLOAD_BODY_BYTES = UID_FILE_BYTES + 64 * KIB
# The simulated centre: one sealed packet, or a batch of the sync's (100 typical packets;
# a batch of larger ones is refused 413 and the sync then sends them one by one).
CENTRE_PACKET_BODY_BYTES = MAX_EVENT_BYTES
CENTRE_BATCH_BODY_BYTES = 64 * MIB

# (method, route path as declared) -> the largest body that route accepts. A route not
# listed takes DEFAULT_BODY_BYTES.
BODY_LIMITS: dict[tuple[str, str], int] = {
    # enrollment
    ("POST", "/enrollments"): RECORDING_BODY_BYTES,
    ("POST", "/enrollments/check"): RECORDING_BODY_BYTES,
    ("POST", "/enrollments/import"): KIT_FILE_BYTES,
    # the village sync: at most 50 records a batch, as large as a kit file
    ("POST", "/kits/{kit_id}/records"): KIT_FILE_BYTES,
    ("POST", "/roster/import"): ROSTER_CSV_BYTES,
    # web: the recording form, its images as files (smaller than the base64 JSON)
    ("POST", "/perekaman/rekam"): RECORDING_BODY_BYTES,
    ("POST", "/perekaman/impor-kit"): KIT_FILE_BYTES + 64 * KIB,  # the file and the form
    # web: the village mode's batch, passed on to enrollment's /kits/{kit_id}/records
    ("POST", "/desa/api/kirim"): KIT_FILE_BYTES + 64 * KIB,  # the records and the kit_id
    # inventory
    ("POST", "/receipts"): SERIAL_LIST_BODY_BYTES,
    ("POST", "/receipts/upload"): UID_UPLOAD_BODY_BYTES,
    ("POST", "/issues"): SERIAL_LIST_BODY_BYTES,
    ("POST", "/returns"): SERIAL_LIST_BODY_BYTES,
    ("POST", "/destructions"): SERIAL_LIST_BODY_BYTES,
    ("POST", "/stock-counts"): SERIAL_LIST_BODY_BYTES,
    # central-sim
    ("POST", "/v1/enrollments"): CENTRE_PACKET_BODY_BYTES,
    ("POST", "/v1/enrollments/batch"): CENTRE_BATCH_BODY_BYTES,
}


def body_limit(method: str, path: str) -> int:
    """The largest request body of a route (``path`` as declared, e.g. ``/receipts``)."""
    return BODY_LIMITS.get((method.upper(), path), DEFAULT_BODY_BYTES)


def describe_bytes(size: int) -> str:
    """A size as a clerk reads it: ``300 KB`` (decimal) or ``2 MiB`` (a binary round size)."""
    for unit, step, name in ((MIB, MIB // 4, "MiB"), (KIB, KIB, "KiB")):
        if size >= unit and size % step == 0:
            return f"{size / unit:g} {name}"
    for unit, name in ((1_000_000, "MB"), (1_000, "KB")):
        if size >= unit:
            return f"{size / unit:.3g} {name}"
    return f"{size} byte"


def event_bytes(event: CloudEvent) -> int:
    """What one event weighs on Kafka: value, key and headers (the producer's measure,
    without the few bytes of record framing the headroom above covers)."""
    headers = sum(len(name) + len(value) for name, value in event.headers())
    return len(event.value()) + len(event.key.encode()) + headers
