"""Kemendagri region codes (data/wilayah, MIT, see its README): every provinsi, kabupaten/kota,
kecamatan and desa/kelurahan of Indonesia, and the population of each kabupaten/kota.

The national list is big (91,599 rows, 3.6 MB): it is read once, lazily, into an index of
byte ranges (one per kabupaten/kota, the file being sorted by code), and a kabupaten's rows
are parsed only when asked for. The kecamatan list (7,837 rows, for NIK prefixes) is a file
of its own so that checking a NIK never reads the desa.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from types import MappingProxyType

NATIONAL_FILE = "wilayah_nasional.csv"


@dataclass(frozen=True)
class Region:
    kode: str
    nama: str
    tingkat: str

    @property
    def digits(self) -> str:
        return self.kode.replace(".", "")


@dataclass(frozen=True)
class Kabupaten:
    """One kabupaten/kota with its provinsi, kecamatan and desa/kelurahan (by dotted code)."""

    region: Region
    provinsi: Region
    kecamatan: Mapping[str, Region]
    desa: Mapping[str, Region]

    @property
    def kode(self) -> str:
        return self.region.kode

    @property
    def nama(self) -> str:
        """As Kemendagri writes it: ``Kabupaten ...`` or ``Kota ...``."""
        return self.region.nama

    @property
    def is_kota(self) -> bool:
        return self.region.nama.startswith("Kota ")


def _data(name: str) -> bytes:
    return files("ektp_shared.data.wilayah").joinpath(name).read_bytes()


def _read(name: str) -> list[Region]:
    text = _data(name).decode("utf-8")
    return [Region(r["kode"], r["nama"], r["tingkat"]) for r in csv.DictReader(text.splitlines())]


@cache
def national() -> dict[str, Region]:
    """Every provinsi, kabupaten/kota and kecamatan, by dotted code."""
    return {r.kode: r for r in _read("kecamatan_nasional.csv")}


@cache
def kecamatan_by_digits() -> dict[str, Region]:
    """Kecamatan by their 6-digit form, as the first six digits of a NIK."""
    return {r.digits: r for r in national().values() if r.tingkat == "kecamatan"}


@cache
def kabupaten_codes() -> dict[str, str]:
    """Every kabupaten/kota: dotted code -> name."""
    return {k: r.nama for k, r in national().items() if r.tingkat == "kabupaten_kota"}


@cache
def _national_index() -> dict[str, tuple[int, int]]:
    """Kabupaten code -> (start, end) byte range of its rows in the national file.

    The file is sorted by code and each kabupaten's rows follow its own, so one forward
    search per provinsi and kabupaten (in C, ~0.1 s) finds every boundary.
    """
    raw = _data(NATIONAL_FILE)
    codes = sorted((k for k, r in national().items() if r.tingkat != "kecamatan"),
                   key=lambda k: tuple(int(p) for p in k.split(".")))
    starts: list[tuple[str, int]] = []
    pos = 0
    for kode in codes:
        pos = raw.find(b"\n" + kode.encode() + b",", pos) + 1
        if pos <= 0:
            raise ValueError(f"{NATIONAL_FILE} lacks {kode}, or is out of order")
        starts.append((kode, pos))
    starts.append(("", len(raw)))
    return {kode: (begin, starts[i + 1][1]) for i, (kode, begin) in enumerate(starts[:-1])
            if "." in kode}


@lru_cache(maxsize=64)
def kabupaten(kode: str) -> Kabupaten:
    """A kabupaten/kota by dotted (``71.10``) or plain (``7110``) code; KeyError if none."""
    kode = normalise_kabupaten_code(kode)
    span = _national_index().get(kode)
    if span is None:
        raise KeyError(kode)
    with files("ektp_shared.data.wilayah").joinpath(NATIONAL_FILE).open("rb") as f:
        f.seek(span[0])
        chunk = f.read(span[1] - span[0]).decode("utf-8")
    rows = [Region(k, n, t.strip()) for k, n, t in csv.reader(io.StringIO(chunk))]
    head = rows[0]
    return Kabupaten(
        region=head,
        provinsi=national()[kode[:2]],
        kecamatan=MappingProxyType({r.kode: r for r in rows if r.tingkat == "kecamatan"}),
        desa=MappingProxyType({r.kode: r for r in rows if r.tingkat == "desa_kelurahan"}),
    )


@cache
def _penduduk() -> dict[str, tuple[int, int, int]]:
    text = _data("penduduk_kabupaten.csv").decode("utf-8")
    return {r["kode"]: (int(r["laki_laki"]), int(r["perempuan"]), int(r["jumlah"]))
            for r in csv.DictReader(text.splitlines())}


def penduduk(kode: str) -> tuple[int, int, int] | None:
    """(laki_laki, perempuan, jumlah) of a kabupaten/kota, DKB semester II 2024; None if the
    list has no figure for it."""
    return _penduduk().get(normalise_kabupaten_code(kode))


def kabupaten_of(kode: str) -> str:
    """The kabupaten/kota part of a kecamatan or desa code: ``71.74.01.1001`` -> ``71.74``."""
    return kode[:5]


def kecamatan_of_desa(kode_desa: str) -> str:
    """``71.10.01.2001`` -> ``71.10.01``."""
    return kode_desa.rsplit(".", 1)[0]


def normalise_desa_code(kode: str) -> str:
    """Accept ``7110012001`` or ``71.10.01.2001``; return the dotted form."""
    k = kode.strip()
    if "." not in k and len(k) == 10 and k.isdigit():
        k = f"{k[:2]}.{k[2:4]}.{k[4:6]}.{k[6:]}"
    return k


def normalise_kabupaten_code(kode: str) -> str:
    """Accept ``7110`` or ``71.10``; return the dotted form."""
    k = kode.strip()
    if "." not in k and len(k) == 4 and k.isdigit():
        k = f"{k[:2]}.{k[2:]}"
    return k
