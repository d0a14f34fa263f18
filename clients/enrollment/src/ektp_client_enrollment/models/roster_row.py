from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.roster_row_jenis_kelamin import RosterRowJenisKelamin, check_roster_row_jenis_kelamin
from ..models.roster_row_last_check_type_0 import (
    RosterRowLastCheckType0,
    check_roster_row_last_check_type_0,
)
from ..models.roster_row_status import RosterRowStatus, check_roster_row_status

T = TypeVar("T", bound="RosterRow")


@_attrs_define
class RosterRow:
    """
    Attributes:
        jenis_kelamin (RosterRowJenisKelamin):
        kode_desa (str):
        kode_kecamatan (str):
        last_check (None | RosterRowLastCheckType0):
        last_checked_at (datetime.datetime | None):
        nama (str):
        nik (str):
        source (str):
        status (RosterRowStatus):
        tanggal_lahir (datetime.date):
    """

    jenis_kelamin: RosterRowJenisKelamin
    kode_desa: str
    kode_kecamatan: str
    last_check: None | RosterRowLastCheckType0
    last_checked_at: datetime.datetime | None
    nama: str
    nik: str
    source: str
    status: RosterRowStatus
    tanggal_lahir: datetime.date

    def to_dict(self) -> dict[str, Any]:
        jenis_kelamin: str = self.jenis_kelamin

        kode_desa = self.kode_desa

        kode_kecamatan = self.kode_kecamatan

        last_check: None | str
        if isinstance(self.last_check, str):
            last_check = self.last_check
        else:
            last_check = self.last_check

        last_checked_at: None | str
        if isinstance(self.last_checked_at, datetime.datetime):
            last_checked_at = self.last_checked_at.isoformat()
        else:
            last_checked_at = self.last_checked_at

        nama = self.nama

        nik = self.nik

        source = self.source

        status: str = self.status

        tanggal_lahir = self.tanggal_lahir.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "jenis_kelamin": jenis_kelamin,
                "kode_desa": kode_desa,
                "kode_kecamatan": kode_kecamatan,
                "last_check": last_check,
                "last_checked_at": last_checked_at,
                "nama": nama,
                "nik": nik,
                "source": source,
                "status": status,
                "tanggal_lahir": tanggal_lahir,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        jenis_kelamin = check_roster_row_jenis_kelamin(d.pop("jenis_kelamin"))

        kode_desa = d.pop("kode_desa")

        kode_kecamatan = d.pop("kode_kecamatan")

        def _parse_last_check(data: object) -> None | RosterRowLastCheckType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_check_type_0 = check_roster_row_last_check_type_0(data)

                return last_check_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RosterRowLastCheckType0, data)

        last_check = _parse_last_check(d.pop("last_check"))

        def _parse_last_checked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_checked_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_checked_at = _parse_last_checked_at(d.pop("last_checked_at"))

        nama = d.pop("nama")

        nik = d.pop("nik")

        source = d.pop("source")

        status = check_roster_row_status(d.pop("status"))

        tanggal_lahir = datetime.date.fromisoformat(d.pop("tanggal_lahir"))

        roster_row = cls(
            jenis_kelamin=jenis_kelamin,
            kode_desa=kode_desa,
            kode_kecamatan=kode_kecamatan,
            last_check=last_check,
            last_checked_at=last_checked_at,
            nama=nama,
            nik=nik,
            source=source,
            status=status,
            tanggal_lahir=tanggal_lahir,
        )

        return roster_row
