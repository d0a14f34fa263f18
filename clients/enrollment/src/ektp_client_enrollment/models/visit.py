from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Visit")


@_attrs_define
class Visit:
    """
    Attributes:
        kode_desa (str):
        officer (str):
        tanggal (datetime.date):
        note (str | Unset):  Default: ''.
    """

    kode_desa: str
    officer: str
    tanggal: datetime.date
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        kode_desa = self.kode_desa

        officer = self.officer

        tanggal = self.tanggal.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kode_desa": kode_desa,
                "officer": officer,
                "tanggal": tanggal,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kode_desa = d.pop("kode_desa")

        officer = d.pop("officer")

        tanggal = datetime.date.fromisoformat(d.pop("tanggal"))

        note = d.pop("note", UNSET)

        visit = cls(
            kode_desa=kode_desa,
            officer=officer,
            tanggal=tanggal,
            note=note,
        )

        return visit
