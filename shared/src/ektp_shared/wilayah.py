"""Kemendagri region codes (data/wilayah, MIT, see its README): every kecamatan in
Indonesia, and Boltim down to its 81 desa."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

KABUPATEN_BOLTIM = "71.10"


@dataclass(frozen=True)
class Region:
    kode: str
    nama: str
    tingkat: str

    @property
    def digits(self) -> str:
        return self.kode.replace(".", "")


def _read(name: str) -> list[Region]:
    text = files("ektp_shared.data.wilayah").joinpath(name).read_text(encoding="utf-8")
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
def boltim() -> dict[str, Region]:
    return {r.kode: r for r in _read("boltim.csv")}


@cache
def boltim_desa() -> dict[str, Region]:
    """The 81 desa of Boltim by dotted code (``71.10.01.2001``)."""
    return {k: r for k, r in boltim().items() if r.tingkat == "desa_kelurahan"}


@cache
def boltim_kecamatan() -> dict[str, Region]:
    return {k: r for k, r in boltim().items() if r.tingkat == "kecamatan"}


def kecamatan_of_desa(kode_desa: str) -> str:
    """``71.10.01.2001`` -> ``71.10.01``."""
    return kode_desa.rsplit(".", 1)[0]


def normalise_desa_code(kode: str) -> str:
    """Accept ``7110012001`` or ``71.10.01.2001``; return the dotted form."""
    k = kode.strip()
    if "." not in k and len(k) == 10 and k.isdigit():
        k = f"{k[:2]}.{k[2:4]}.{k[4:6]}.{k[6:]}"
    return k
