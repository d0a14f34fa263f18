"""The ministry's roster of wajib KTP residents who still lack an e-KTP, its CSV, the
pemula (first-timers turning 17), and what a field check does to a roster entry."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Literal

from ektp_shared.nik import NikError, parse_nik
from ektp_shared.office import current as current_office
from ektp_shared.wilayah import kecamatan_of_desa, normalise_desa_code

from .errors import Refused

BELUM_REKAM = "BELUM_REKAM"
SUDAH_REKAM = "SUDAH_REKAM"
ROSTER_STATUSES = (BELUM_REKAM, SUDAH_REKAM, "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN")
FIELD_CHECK_OUTCOMES = ("DITEMUKAN", "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN")
REQUIRED_COLUMNS = ("nik", "nama", "kode_desa")
# The longest cell each column may hold (nama as on a recording). Longer means a broken
# file (often a quote left open, which swallows the following lines into one cell): the
# whole file is refused, naming the line and the column, before anything is written.
COLUMN_LIMITS = {"nik": 32, "nama": 120, "kode_desa": 20, "tanggal_lahir": 20,
                 "jenis_kelamin": 20}
OTHER_COLUMN_LIMIT = 500
_SEX: dict[str, Literal["LAKI-LAKI", "PEREMPUAN"]] = {
    "L": "LAKI-LAKI", "LAKI-LAKI": "LAKI-LAKI", "P": "PEREMPUAN", "PEREMPUAN": "PEREMPUAN"}


@dataclass(frozen=True)
class RosterEntry:
    nik: str
    nama: str
    kode_desa: str
    kode_kecamatan: str
    tanggal_lahir: dt.date
    jenis_kelamin: str


@dataclass(frozen=True)
class BadRow:
    line: int
    nik: str
    error: str


def _date(text: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"tanggal_lahir {text!r} tidak terbaca (pakai YYYY-MM-DD atau DD-MM-YYYY)")


def make_entry(
    nik: str, nama: str, kode_desa: str, tanggal_lahir: dt.date | None,
    jenis_kelamin: str | None, *, today: dt.date,
) -> RosterEntry:
    """One roster entry, checked; raises ValueError with the clerk's message."""
    try:
        info = parse_nik(nik, today=today)
    except NikError as exc:
        raise ValueError(exc.message) from None
    if not nama.strip():
        raise ValueError("nama kosong")
    desa = normalise_desa_code(kode_desa)
    refusal = current_office().desa_or_refusal(desa)
    if isinstance(refusal, str):
        raise ValueError(refusal)
    sex = info.jenis_kelamin
    if jenis_kelamin and jenis_kelamin.strip():
        sex_given = _SEX.get(jenis_kelamin.strip().upper())
        if sex_given is None:
            raise ValueError(f"jenis_kelamin {jenis_kelamin!r} tidak dikenal (L atau P)")
        sex = sex_given
    return RosterEntry(
        nik=nik, nama=" ".join(nama.split()), kode_desa=desa,
        kode_kecamatan=kecamatan_of_desa(desa), tanggal_lahir=tanggal_lahir or info.tanggal_lahir,
        jenis_kelamin=sex,
    )


def parse_roster_csv(
    text: str, *, today: dt.date, line_offset: int = 0
) -> tuple[list[RosterEntry], list[BadRow]]:
    """Good rows and bad rows (by line number in the file, header = line 1 + offset).

    ``line_offset`` lets a client send a big file in chunks (each with the header) and
    still get line numbers of the whole file."""
    first = text.split("\n", 1)[0]
    # Spreadsheets in an Indonesian locale save with ';' between cells.
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    except csv.Error:
        raise Refused.one("file", f"baris {1 + line_offset} (judul): terlalu panjang; "
                          "bukan berkas CSV roster?", line=1 + line_offset) from None
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise Refused.one(
            "file", f"baris judul CSV tidak memuat kolom {', '.join(missing)} "
            f"(kolom wajib: {', '.join(REQUIRED_COLUMNS)}; "
            "boleh juga tanggal_lahir, jenis_kelamin)",
        )
    reader.fieldnames = columns
    good: list[RosterEntry] = []
    bad: list[BadRow] = []
    seen: dict[str, int] = {}
    while True:
        starts_at = reader.line_num + 1  # where the next row begins (before blank lines)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:  # a cell past the csv module's own limit (128 KiB)
            raise _too_long(text, starts_at, columns, delimiter, line_offset) from None
        line = reader.line_num + line_offset
        for column, value in row.items():
            if column is not None and value is not None and len(value) > _limit(column):
                raise _cell_refused(line, column)
        nik = (row.get("nik") or "").strip()
        if None in row:  # more cells than columns
            bad.append(BadRow(line, nik, "jumlah kolom lebih banyak dari judul"))
            continue
        if nik in seen:
            bad.append(BadRow(line, nik, f"NIK sama dengan baris {seen[nik]}"))
            continue
        try:
            born_text = (row.get("tanggal_lahir") or "").strip()
            entry = make_entry(
                nik, row.get("nama") or "", (row.get("kode_desa") or ""),
                _date(born_text) if born_text else None, row.get("jenis_kelamin"), today=today,
            )
        except ValueError as exc:
            bad.append(BadRow(line, nik, str(exc)))
            continue
        seen[nik] = line
        good.append(entry)
    return good, bad


def _limit(column: str) -> int:
    return COLUMN_LIMITS.get(column, OTHER_COLUMN_LIMIT)


def _cell_refused(line: int, column: str) -> Refused:
    return Refused.one(
        column, f"baris {line}: isi kolom {column} lebih dari {_limit(column)} huruf "
        "(periksa tanda kutip yang tidak ditutup)", line=line,
    )


def _too_long(
    text: str, starts_at: int, columns: list[str], delimiter: str, line_offset: int
) -> Refused:
    """Name the column of the over-long cell of the row that begins at ``starts_at``: read
    that row again from a slice short enough for csv; its last cell is the long one."""
    lines = text.splitlines(keepends=True)
    start = starts_at - 1
    while start < len(lines) and not lines[start].strip():
        start += 1  # blank lines before the row
    head = "".join(lines[start:])[:csv.field_size_limit() // 2]
    cells = next(csv.reader(io.StringIO(head), delimiter=delimiter), [""])
    index = len(cells) - 1
    column = columns[index] if index < len(columns) else f"kolom ke-{index + 1}"
    return _cell_refused(start + 1 + line_offset, column)


def seventeen_years_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 17)
    except ValueError:  # 29 Februari in a year 17 years back that has none
        return day.replace(year=day.year - 17, day=28)


def pemula_birth_range(today: dt.date, by: dt.date) -> tuple[dt.date, dt.date]:
    """Born after the first date and on or before the second: under 17 today, 17 by ``by``."""
    return seventeen_years_before(today), seventeen_years_before(by)


def roster_status_after_check(current: str, outcome: str) -> str:
    """A field check closes the entry as PINDAH/MENINGGAL/TIDAK_DITEMUKAN; DITEMUKAN keeps it
    open (the resident is there and still to be recorded), and a recorded one stays so."""
    if current == SUDAH_REKAM:
        return current
    return BELUM_REKAM if outcome == "DITEMUKAN" else outcome
