"""A realistic population of any kabupaten/kota for the simulated centre (development and
tests only).

Valid NIKs (``ektp_shared.nik``), the real desa of the kabupaten (``ektp_shared.wilayah``),
ages following an Indonesian district's pyramid, sexes in the kabupaten's own proportion
(DKB semester II 2024, ``penduduk_kabupaten.csv``), marital status by age, and a chosen share
of the wajib KTP residents already holding a card.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ektp_shared.nik import age_on, make_nik, parse_nik
from ektp_shared.office import DEFAULT_KABUPATEN
from ektp_shared.wilayah import kabupaten as kabupaten_of_code
from ektp_shared.wilayah import kecamatan_of_desa, normalise_kabupaten_code, penduduk

# Where the population list has no figure: Indonesia's own ratio (DKB 2024).
NATIONAL_MALE_SHARE = 143_863_392 / 284_973_643


def male_share(kabupaten: str) -> float:
    figures = penduduk(kabupaten)
    return figures[0] / figures[2] if figures and figures[2] else NATIONAL_MALE_SHARE


def population_size(kabupaten: str) -> int | None:
    """The kabupaten's residents (DKB semester II 2024), if the list has them."""
    figures = penduduk(kabupaten)
    return figures[2] if figures else None


def default_seed(kabupaten: str) -> int:
    """Each kabupaten its own people by default: its code as a number."""
    return int(normalise_kabupaten_code(kabupaten).replace(".", ""))

# Share of people per 5-year band from age 0 (the last band is 80-89), roughly the
# national pyramid for a rural kabupaten.
AGE_BANDS = (8.5, 8.6, 8.4, 8.2, 8.0, 7.8, 7.6, 7.4, 7.0, 6.3, 5.6, 4.7, 3.7, 2.8, 1.8, 1.1, 0.8)

NAMA_LAKI = (
    "Abdul", "Rahman", "Sofyan", "Yusuf", "Hendra", "Rizal", "Fadli", "Arifin", "Budi",
    "Ismail", "Rusdi", "Steven", "Jefri", "Marthen", "Hamzah", "Syamsul", "Iwan", "Ronal",
)
NAMA_PEREMPUAN = (
    "Siti", "Nurhayati", "Fatma", "Rahmawati", "Yulianti", "Mariam", "Sartika", "Dewi",
    "Hasna", "Fitri", "Nova", "Meiske", "Aisyah", "Rosdiana", "Sri", "Wulan", "Indah", "Asni",
)
MARGA = (
    "Mokodompit", "Mokoginta", "Paputungan", "Manggopa", "Lasabuda", "Damopolii",
    "Mamonto", "Gonibala", "Pobela", "Korompot", "Mokoagow", "Tungkagi", "Modeong", "Pasambuna",
)

StatusPerkawinan = Literal["BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"]
JenisKelamin = Literal["LAKI-LAKI", "PEREMPUAN"]


@dataclass(frozen=True)
class Person:
    nik: str
    nama: str
    kode_desa: str
    tanggal_lahir: dt.date
    jenis_kelamin: JenisKelamin
    status_perkawinan: StatusPerkawinan
    punya_ektp: bool

    def wajib_ktp(self, today: dt.date) -> bool:
        """17 or older, or married or ever married (DESIGN.md section 7)."""
        return age_on(self.tanggal_lahir, today) >= 17 or self.status_perkawinan != "BELUM KAWIN"


def _status_for(age: int, rng: random.Random) -> StatusPerkawinan:
    r = rng.random()
    if age < 15:
        return "BELUM KAWIN"
    if age < 17:
        return "KAWIN" if r < 0.02 else "BELUM KAWIN"
    if age < 25:
        return "KAWIN" if r < 0.30 else "BELUM KAWIN"
    if age < 35:
        return "KAWIN" if r < 0.75 else ("CERAI HIDUP" if r < 0.78 else "BELUM KAWIN")
    if age < 60:
        if r < 0.85:
            return "KAWIN"
        return "CERAI HIDUP" if r < 0.90 else ("CERAI MATI" if r < 0.96 else "BELUM KAWIN")
    return "KAWIN" if r < 0.60 else ("CERAI MATI" if r < 0.92 else "CERAI HIDUP")


def generate(
    size: int, *, card_share: float = 0.88, seed: int | None = None,
    today: dt.date | None = None, kabupaten: str = DEFAULT_KABUPATEN,
) -> list[Person]:
    """``size`` residents of ``kabupaten`` (dotted Kemendagri code); ``card_share`` of those
    who are wajib KTP already hold an e-KTP. KeyError for an unknown kabupaten."""
    if size < 0:
        raise ValueError("size cannot be negative")
    if not 0.0 <= card_share <= 1.0:
        raise ValueError("card_share must be between 0 and 1")
    today = today or dt.date.today()
    region = kabupaten_of_code(kabupaten)
    rng = random.Random(default_seed(region.kode) if seed is None else seed)
    desa = sorted(region.desa)
    men = male_share(region.kode)
    bands = range(len(AGE_BANDS))
    serials: Counter[str] = Counter()
    people: list[Person] = []
    for _ in range(size):
        band = rng.choices(bands, weights=AGE_BANDS)[0]
        age = band * 5 + rng.randrange(10 if band == len(AGE_BANDS) - 1 else 5)
        born = today - dt.timedelta(days=age * 365 + rng.randrange(365) + 1)
        sex: JenisKelamin = "LAKI-LAKI" if rng.random() < men else "PEREMPUAN"
        kode_desa = rng.choice(desa)
        kecamatan_digits = kecamatan_of_desa(kode_desa).replace(".", "")
        prefix = make_nik(kecamatan_digits, born, sex, 0)[:12]
        serials[prefix] += 1
        nik = make_nik(kecamatan_digits, born, sex, serials[prefix])
        parse_nik(nik, today=today)  # every generated NIK must pass the office's own rules
        first = rng.choice(NAMA_LAKI if sex == "LAKI-LAKI" else NAMA_PEREMPUAN)
        status = _status_for(age_on(born, today), rng)
        person = Person(
            nik=nik, nama=f"{first} {rng.choice(MARGA)}".upper(), kode_desa=kode_desa,
            tanggal_lahir=born, jenis_kelamin=sex, status_perkawinan=status, punya_ektp=False,
        )
        if person.wajib_ktp(today) and rng.random() < card_share:
            person = Person(**{**person.__dict__, "punya_ektp": True})
        people.append(person)
    return people
