"""One recording on its way to the national data centre, and what each answer does to it.

States: PENDING (waiting to be sent), SENT_FOR_ENROLLMENT (the centre took it; waiting
for its verdict), PRINT_READY_RECORD, DUPLICATE_RECORD, FAILED (in the operator queue),
CANCELLED (a supervisor closed it). Each change that the other services must learn of
returns the event to publish.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    CardData,
    CentralDuplicate,
    CentralFailed,
    CentralPrintReady,
    CentralSubmitted,
)
from ektp_shared.limits import MAX_EVENT_BYTES, describe_bytes, event_bytes
from ektp_shared.sealed_packet import CardImages

# Seals the card's photo and signature for the print room (base64 of a sealed box).
SealImages = Callable[[CardImages], str]

SubmissionState = Literal[
    "PENDING", "SENT_FOR_ENROLLMENT", "PRINT_READY_RECORD", "DUPLICATE_RECORD", "FAILED",
    "CANCELLED",
]
STATES: tuple[SubmissionState, ...] = (
    "PENDING", "SENT_FOR_ENROLLMENT", "PRINT_READY_RECORD", "DUPLICATE_RECORD", "FAILED",
    "CANCELLED",
)


class InvalidTransition(Exception):
    """The submission is not in a state where this can happen (a clerk-readable message)."""


@dataclass
class Submission:
    enrollment_id: str
    nik: str
    state: SubmissionState = "PENDING"
    attempts: int = 0
    failure_reason: str | None = None
    retryable: bool | None = None
    duplicate_of: str | None = None

    # --- answers to a submit -----------------------------------------------------------

    def accepted(self, at: dt.datetime) -> CentralSubmitted | None:
        """The centre has it (new or already received). Only the first time is news."""
        if self.state != "PENDING":
            return None
        self.state = "SENT_FOR_ENROLLMENT"
        return CentralSubmitted(enrollment_id=self.enrollment_id, nik=self.nik, submitted_at=at)

    def rejected(self, reason: str) -> CentralFailed | None:
        """The centre will never take this packet as it is."""
        if self.state != "PENDING":
            return None
        return self._fail(reason, retryable=False)

    def refused(self, reason: str, max_attempts: int) -> CentralFailed | None:
        """The centre refused this item for now; after too many times an operator looks."""
        if self.state != "PENDING":
            return None
        self.attempts += 1
        if self.attempts >= max_attempts:
            return self._fail(f"{reason} (ditolak {self.attempts} kali)", retryable=True)
        return None

    # --- verdicts ------------------------------------------------------------------------

    def print_ready(
        self, card: CardData, seal_images: SealImages
    ) -> CentralPrintReady | CentralFailed | None:
        """The centre's card data goes on to the print room: its text as it came, its photo
        and signature sealed (only the print room can open them). When the sealed event would
        be larger than Kafka takes (ektp_shared.limits), a failure for the operator queue
        instead: an event that cannot be sent would hold back every later one of the office."""
        if self.state != "SENT_FOR_ENROLLMENT":
            return None
        images = CardImages(photo_jpeg_b64=card.photo_jpeg_b64,
                            signature_png_b64=card.signature_png_b64)
        event = CentralPrintReady(enrollment_id=self.enrollment_id, nik=self.nik, card=card,
                                  sealed_images=seal_images(images))
        size = event_bytes(CloudEvent.wrap(event, "sync"))
        if size > MAX_EVENT_BYTES:
            return self.enroll_failure(
                f"data kartu dari pusat terlalu besar untuk dikirim ({size} byte; maksimal "
                f"{describe_bytes(MAX_EVENT_BYTES)} = {MAX_EVENT_BYTES} byte; foto "
                f"{len(card.photo_jpeg_b64)} dan tanda tangan {len(card.signature_png_b64)} "
                "karakter base64): minta pusat data mengirim ulang foto yang lebih kecil"
            )
        self.state = "PRINT_READY_RECORD"
        return event

    def duplicate(self, duplicate_of: str) -> CentralDuplicate | None:
        if self.state != "SENT_FOR_ENROLLMENT":
            return None
        self.state = "DUPLICATE_RECORD"
        self.duplicate_of = duplicate_of
        return CentralDuplicate(enrollment_id=self.enrollment_id, nik=self.nik,
                                duplicate_of=duplicate_of)

    def enroll_failure(self, reason: str) -> CentralFailed | None:
        if self.state != "SENT_FOR_ENROLLMENT":
            return None
        return self._fail(f"ENROLL_FAILURE: {reason}", retryable=False)

    def unknown_at_centre(self) -> None:
        """The centre says it never had it: send it again (it keeps its place in line)."""
        if self.state == "SENT_FOR_ENROLLMENT":
            self.state = "PENDING"

    # --- the supervisor's actions on the operator queue ----------------------------------

    def retry(self) -> None:
        if self.state != "FAILED":
            raise InvalidTransition(
                f"pengiriman {self.enrollment_id} berstatus {self.state}; hanya yang FAILED "
                "dapat dikirim ulang"
            )
        self.state = "PENDING"
        self.attempts = 0
        self.failure_reason = None
        self.retryable = None

    def cancel(self) -> None:
        if self.state != "FAILED":
            raise InvalidTransition(
                f"pengiriman {self.enrollment_id} berstatus {self.state}; hanya yang FAILED "
                "dapat dibatalkan"
            )
        self.state = "CANCELLED"

    def _fail(self, reason: str, *, retryable: bool) -> CentralFailed:
        self.state = "FAILED"
        self.failure_reason = reason
        self.retryable = retryable
        return CentralFailed(enrollment_id=self.enrollment_id, nik=self.nik, reason=reason,
                             retryable=retryable)


def item_backoff(attempts: int, base: float, cap: float, rng: random.Random) -> float:
    """Seconds before the next try of an item refused ``attempts`` times (full jitter)."""
    return rng.uniform(0, min(cap, base * 2 ** max(0, attempts - 1)))
