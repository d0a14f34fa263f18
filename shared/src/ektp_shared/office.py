"""The office: one Dukcapil office of one kabupaten/kota, given by its Kemendagri code alone
(``EKTP_KABUPATEN``). Everything else follows from the national region list: its name (with
KABUPATEN or KOTA), provinsi, kecamatan and desa, time zone, the issue place printed on the card
and the Suket, the letterheads, the JWT issuer and the problem-type URLs (DESIGN section 7).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from . import wilayah
from .wilayah import Region

# The default office (the one the project started with).
DEFAULT_KABUPATEN = "71.10"

# Indonesia's three time zones by provinsi code (Kemendagri), after Keppres 41/1987: the
# office's "today" (wajib-KTP age, daily counters, dates on letters) is its own.
_WIB = {"11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
        "31", "32", "33", "34", "35", "36", "61", "62"}
_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


def zona_of(kode_provinsi: str) -> str:
    """``71`` -> ``WITA``."""
    for name, codes in (("WIB", _WIB), ("WITA", _WITA), ("WIT", _WIT)):
        if kode_provinsi in codes:
            return name
    raise KeyError(kode_provinsi)


class OfficeSettings(BaseSettings):
    """The office's own settings; every service reads the same ones."""

    model_config = SettingsConfigDict(env_prefix="EKTP_", env_file=None, extra="ignore")

    kabupaten: str = DEFAULT_KABUPATEN
    # Printed on the card and the Suket beside the date: the seat of the office. Unset: the
    # name of the kabupaten/kota (as Dukcapil prints it on the e-KTP).
    issue_place: str | None = None
    # The office's internet domain (problem-type URLs, JWT issuer). Unset: made from the name
    # in the go.id manner (``<name>kab.go.id``, ``<name>kota.go.id``).
    office_domain: str | None = None

    @field_validator("kabupaten")
    @classmethod
    def _known(cls, value: str) -> str:
        kode = wilayah.normalise_kabupaten_code(value)
        if kode not in wilayah.kabupaten_codes():
            raise ValueError(f"EKTP_KABUPATEN {value!r} is no kabupaten/kota code of "
                             "Kemendagri (e.g. 71.74 for Kota Kotamobagu)")
        return kode


@dataclass(frozen=True)
class Office:
    kabupaten: wilayah.Kabupaten
    issue_place: str
    domain: str

    @property
    def kode(self) -> str:
        return self.kabupaten.kode

    @property
    def digits(self) -> str:
        """``71.74`` -> ``7174`` (the Suket number's prefix)."""
        return self.kode.replace(".", "")

    @property
    def nama(self) -> str:
        """``Kota Kotamobagu`` / ``Kabupaten ...``, as Kemendagri writes it."""
        return self.kabupaten.nama

    @property
    def jenis(self) -> str:
        """``KOTA`` or ``KABUPATEN``: the word on the card and the letters."""
        return "KOTA" if self.kabupaten.is_kota else "KABUPATEN"

    @property
    def nama_wilayah(self) -> str:
        """The name without its kind: ``Kotamobagu``."""
        return self.nama.split(" ", 1)[1]

    @property
    def card_header(self) -> str:
        """The card's second line: ``KOTA KOTAMOBAGU``."""
        return f"{self.jenis} {self.nama_wilayah.upper()}"

    @property
    def provinsi(self) -> Region:
        return self.kabupaten.provinsi

    @property
    def kecamatan(self) -> Mapping[str, Region]:
        return self.kabupaten.kecamatan

    @property
    def desa(self) -> Mapping[str, Region]:
        return self.kabupaten.desa

    @property
    def dinas(self) -> str:
        """The letterhead: ``Dinas Kependudukan dan Pencatatan Sipil Kota Kotamobagu``."""
        return f"Dinas Kependudukan dan Pencatatan Sipil {self.nama}"

    @property
    def short_name(self) -> str:
        """For titles: ``Dukcapil Kota Kotamobagu``."""
        return f"Dukcapil {self.nama}"

    @property
    def kantor(self) -> str:
        """Where the office's berita acara are made by default."""
        return f"Kantor Dinas Dukcapil {self.nama}"

    @property
    def zona(self) -> str:
        return zona_of(self.provinsi.kode)

    @property
    def timezone(self) -> str:
        return ZONES[self.zona]

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def today(self, now: dt.datetime | None = None) -> dt.date:
        """The office's date (not UTC's, not the host's)."""
        return (now or dt.datetime.now(dt.UTC)).astimezone(self.tz).date()

    @property
    def topic_tag(self) -> str:
        """``71.74`` -> ``71-74.``: what the office's topics, consumer groups and Kafka
        principals start with on a cluster shared by a province (DESIGN section 3)."""
        return topic_tag(self.kode)

    @property
    def jwt_issuer(self) -> str:
        return f"dukcapil.{self.domain}"

    @property
    def problem_type_base(self) -> str:
        return f"https://ektp.{self.domain}/problems/"

    def desa_or_refusal(self, kode_desa: str) -> Region | str:
        """The office's desa by (normalised) code, or a plain Indonesian reason why not."""
        kode = wilayah.normalise_desa_code(kode_desa)
        desa = self.desa.get(kode)
        if desa is not None:
            return desa
        example = next(iter(self.desa), "")
        if re.fullmatch(r"\d{2}\.\d{2}\.\d{2}\.\d{4}", kode):
            other = wilayah.kabupaten_codes().get(wilayah.kabupaten_of(kode))
            if other and wilayah.kabupaten_of(kode) != self.kode:
                return (f"kode desa {kode_desa} ada di {other}, bukan di {self.nama}: "
                        "kantor ini hanya merekam penduduk wilayahnya")
        return f"kode desa {kode_desa} bukan desa di {self.nama} (contoh: {example})"


def topic_tag(kode_kabupaten: str) -> str:
    """The topic prefix of one kabupaten/kota: its code with a dash (``.`` separates the
    parts of a topic name, so ``71.74.ektp...`` would read as two levels)."""
    return wilayah.normalise_kabupaten_code(kode_kabupaten).replace(".", "-") + "."


def _domain(kab: wilayah.Kabupaten) -> str:
    name = re.sub(r"[^a-z0-9]", "", kab.nama.split(" ", 1)[1].lower())
    return f"{name}{'kota' if kab.is_kota else 'kab'}.go.id"


def office_for(kabupaten: str = DEFAULT_KABUPATEN, *, issue_place: str | None = None,
               domain: str | None = None) -> Office:
    kab = wilayah.kabupaten(kabupaten)
    place = issue_place or kab.nama.split(" ", 1)[1].upper()
    return Office(kab, place, domain or _domain(kab))


@cache
def current() -> Office:
    """This process's office, from the environment (EKTP_KABUPATEN, ...), read once."""
    s = OfficeSettings()
    return office_for(s.kabupaten, issue_place=s.issue_place, domain=s.office_domain)
