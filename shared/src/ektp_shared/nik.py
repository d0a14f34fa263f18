"""The NIK (Nomor Induk Kependudukan) rules of DESIGN.md section 7, as plain functions.

16 digits: kode provinsi (2) + kabupaten/kota (2) + kecamatan (2) + DDMMYY of birth, with
40 added to the day for women, + a 4-digit serial from 0001. The first six digits name
where the NIK was first issued: any kecamatan in Indonesia, not necessarily
in the office's kabupaten.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .wilayah import kecamatan_by_digits

BULAN = (
    "", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
)


class NikError(ValueError):
    """A NIK that cannot be right; ``code`` says which rule, the message says it for a clerk."""

    def __init__(self, nik: str, code: str, message: str) -> None:
        super().__init__(f"NIK {nik}: {message}")
        self.nik = nik
        self.code = code
        self.message = message


@dataclass(frozen=True)
class NikInfo:
    nik: str
    kode_kecamatan: str  # dotted, e.g. 71.10.01
    tanggal_lahir: dt.date
    jenis_kelamin: Literal["LAKI-LAKI", "PEREMPUAN"]
    serial: int


def _century_year(yy: int, day: int, month: int, today: dt.date) -> int:
    """The NIK holds two year digits: take the latest year not after today."""
    year = 2000 + yy
    if (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    return year


def parse_nik(nik: str, *, today: dt.date | None = None) -> NikInfo:
    """Check a NIK and read what it encodes; raise :class:`NikError` naming the rule broken."""
    today = today or dt.date.today()
    if not nik.isascii() or not nik.isdigit():
        raise NikError(nik, "digits", "NIK hanya boleh berisi angka (16 digit)")
    if len(nik) != 16:
        raise NikError(nik, "length", f"NIK harus 16 digit, bukan {len(nik)}")
    region = kecamatan_by_digits().get(nik[:6])
    if region is None:
        raise NikError(
            nik, "kecamatan",
            f"kode wilayah {nik[:2]}.{nik[2:4]}.{nik[4:6]} bukan kecamatan yang terdaftar",
        )
    dd, mm, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if not 1 <= mm <= 12:
        raise NikError(nik, "month", f"bulan lahir {mm:02d} tidak ada (harus 01 sampai 12)")
    sex: Literal["LAKI-LAKI", "PEREMPUAN"]
    if 1 <= dd <= 31:
        day, sex = dd, "LAKI-LAKI"
    elif 41 <= dd <= 71:
        day, sex = dd - 40, "PEREMPUAN"
    else:
        raise NikError(
            nik, "day",
            f"tanggal lahir {dd:02d} tidak mungkin (01-31 untuk laki-laki, 41-71 untuk perempuan)",
        )
    year = _century_year(yy, day, mm, today)
    # 29 Februari: valid if the year read (or the century before) is a leap year.
    if day > calendar.monthrange(year, mm)[1]:
        if mm == 2 and day == 29 and calendar.isleap(year - 100):
            year -= 100
        else:
            raise NikError(nik, "date", f"tanggal {day} {BULAN[mm]} tidak ada")
    serial = int(nik[12:])
    if serial == 0:
        raise NikError(nik, "serial", "nomor urut NIK 0000 tidak sah (mulai dari 0001)")
    return NikInfo(nik, region.kode, dt.date(year, mm, day), sex, serial)


def make_nik(kecamatan_digits: str, born: dt.date, sex: str, serial: int) -> str:
    """Build a NIK (for the simulator's population and for tests)."""
    day = born.day + (40 if sex == "PEREMPUAN" else 0)
    return f"{kecamatan_digits}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
