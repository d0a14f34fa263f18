"""Surat Keterangan: the stand-in for a card while no blank is available."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Final

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


def suket_number(kode_kabupaten: str, issued: dt.date, seq: int) -> str:
    """``SKT-7110-2025-000042``: no slashes, so it sits in a URL path and a QR code."""
    return f"SKT-{kode_kabupaten.replace('.', '')}-{issued.year}-{seq:06d}"


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
