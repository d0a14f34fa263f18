from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ConflictRecording")


@_attrs_define
class ConflictRecording:
    """
    Attributes:
        kit_id (str):
        kode_desa (None | str):
        nama (None | str):
        operator (str):
        record_id (str):
        recorded_at (datetime.datetime):
    """

    kit_id: str
    kode_desa: None | str
    nama: None | str
    operator: str
    record_id: str
    recorded_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        kit_id = self.kit_id

        kode_desa: None | str
        kode_desa = self.kode_desa

        nama: None | str
        nama = self.nama

        operator = self.operator

        record_id = self.record_id

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kit_id": kit_id,
                "kode_desa": kode_desa,
                "nama": nama,
                "operator": operator,
                "record_id": record_id,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kit_id = d.pop("kit_id")

        def _parse_kode_desa(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kode_desa = _parse_kode_desa(d.pop("kode_desa"))

        def _parse_nama(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nama = _parse_nama(d.pop("nama"))

        operator = d.pop("operator")

        record_id = d.pop("record_id")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        conflict_recording = cls(
            kit_id=kit_id,
            kode_desa=kode_desa,
            nama=nama,
            operator=operator,
            record_id=record_id,
            recorded_at=recorded_at,
        )

        return conflict_recording
