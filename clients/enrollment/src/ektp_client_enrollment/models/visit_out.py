from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="VisitOut")


@_attrs_define
class VisitOut:
    """
    Attributes:
        id (int):
        kode_desa (str):
        note (str):
        officer (str):
        tanggal (datetime.date):
    """

    id: int
    kode_desa: str
    note: str
    officer: str
    tanggal: datetime.date

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kode_desa = self.kode_desa

        note = self.note

        officer = self.officer

        tanggal = self.tanggal.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "kode_desa": kode_desa,
                "note": note,
                "officer": officer,
                "tanggal": tanggal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kode_desa = d.pop("kode_desa")

        note = d.pop("note")

        officer = d.pop("officer")

        tanggal = datetime.date.fromisoformat(d.pop("tanggal"))

        visit_out = cls(
            id=id,
            kode_desa=kode_desa,
            note=note,
            officer=officer,
            tanggal=tanggal,
        )

        return visit_out
