"""Surat Keterangan: the stand-in for a card while no blank is available."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import secrets
from typing import Final, Literal

VALID_MONTHS: Final = 6
ELIGIBLE: Final = ("PRINT_READY_RECORD", "SENT_FOR_ENROLLMENT")


class SuketRefused(Exception):
    pass


def add_months(day: dt.date, months: int) -> dt.date:
    """31 August + 6 months = 28/29 February: the last day when the month is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def valid_until(issued: dt.date) -> dt.date:
    return add_months(issued, VALID_MONTHS)


# Crockford's base32: no I, L, O or U, so a checker typing it from paper cannot confuse them.
CHECK_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_LENGTH: Final = 10  # 50 random bits: a number cannot be guessed from its neighbours
NUMBER_PATTERN: Final = re.compile(
    rf"^SKT-\d{{4}}-\d{{4}}-\d{{6,}}-[{CHECK_ALPHABET}]{{{CHECK_LENGTH}}}$")

SuketStatus = Literal["VALID", "EXPIRED", "REVOKED"]


def check_code() -> str:
    return "".join(secrets.choice(CHECK_ALPHABET) for _ in range(CHECK_LENGTH))


def suket_number(kode_kabupaten: str, issued: dt.date, seq: int, check: str) -> str:
    """``SKT-7174-2025-000042-7KQ4M2XA9P``: no slashes, so it sits in a URL path and a QR
    code. The office's running number, then a random check part: the public verification
    needs the whole number, so the numbers of other residents cannot be enumerated."""
    return f"SKT-{kode_kabupaten.replace('.', '')}-{issued.year}-{seq:06d}-{check}"


def is_verifiable(number: str) -> bool:
    """A whole number with its check part (older numbers without one are staff-only)."""
    return NUMBER_PATTERN.match(number) is not None


def status(valid_until: dt.date, revoked: bool, today: dt.date) -> SuketStatus:
    if revoked:
        return "REVOKED"
    return "VALID" if is_valid(valid_until, today) else "EXPIRED"


def mask_name(nama: str) -> str:
    """``Budi Lantong`` -> ``B*** L******``: enough for a checker to compare with the papers
    in front of them, not enough to learn a stranger's name."""
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in nama.split())


def check_eligible(nik: str, resident_status: str | None, card_status: str | None) -> None:
    if card_status in ("PRINTED", "ISSUED"):
        raise SuketRefused(
            f"NIK {nik} already has a printed e-KTP ({card_status}); hand over the card instead."
        )
    if resident_status not in ELIGIBLE:
        raise SuketRefused(
            f"NIK {nik} is not PRINT_READY_RECORD or SENT_FOR_ENROLLMENT here"
            f" (found: {resident_status or 'unknown to the print room'});"
            " a Suket can only be issued once the recording was sent to the centre."
        )


def is_valid(until: dt.date, today: dt.date) -> bool:
    return today <= until
