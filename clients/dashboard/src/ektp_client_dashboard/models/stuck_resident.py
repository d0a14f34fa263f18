from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.stuck_resident_status import StuckResidentStatus, check_stuck_resident_status

T = TypeVar("T", bound="StuckResident")


@_attrs_define
class StuckResident:
    """
    Attributes:
        desa (None | str):
        kecamatan (None | str):
        kode_desa (str):
        nama (None | str):
        nik (str):
        since (datetime.datetime):
        status (StuckResidentStatus):
        status_label (str):
        waiting (str):
        waiting_seconds (float):
    """

    desa: None | str
    kecamatan: None | str
    kode_desa: str
    nama: None | str
    nik: str
    since: datetime.datetime
    status: StuckResidentStatus
    status_label: str
    waiting: str
    waiting_seconds: float

    def to_dict(self) -> dict[str, Any]:
        desa: None | str
        desa = self.desa

        kecamatan: None | str
        kecamatan = self.kecamatan

        kode_desa = self.kode_desa

        nama: None | str
        nama = self.nama

        nik = self.nik

        since = self.since.isoformat()

        status: str = self.status

        status_label = self.status_label

        waiting = self.waiting

        waiting_seconds = self.waiting_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "desa": desa,
                "kecamatan": kecamatan,
                "kode_desa": kode_desa,
                "nama": nama,
                "nik": nik,
                "since": since,
                "status": status,
                "status_label": status_label,
                "waiting": waiting,
                "waiting_seconds": waiting_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_desa(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        desa = _parse_desa(d.pop("desa"))

        def _parse_kecamatan(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kecamatan = _parse_kecamatan(d.pop("kecamatan"))

        kode_desa = d.pop("kode_desa")

        def _parse_nama(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nama = _parse_nama(d.pop("nama"))

        nik = d.pop("nik")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        status = check_stuck_resident_status(d.pop("status"))

        status_label = d.pop("status_label")

        waiting = d.pop("waiting")

        waiting_seconds = d.pop("waiting_seconds")

        stuck_resident = cls(
            desa=desa,
            kecamatan=kecamatan,
            kode_desa=kode_desa,
            nama=nama,
            nik=nik,
            since=since,
            status=status,
            status_label=status_label,
            waiting=waiting,
            waiting_seconds=waiting_seconds,
        )

        return stuck_resident
