from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ProvinceArea")


@_attrs_define
class ProvinceArea:
    """
    Attributes:
        kode (str):
        nama (str):
    """

    kode: str
    nama: str

    def to_dict(self) -> dict[str, Any]:
        kode = self.kode

        nama = self.nama

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kode": kode,
                "nama": nama,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kode = d.pop("kode")

        nama = d.pop("nama")

        province_area = cls(
            kode=kode,
            nama=nama,
        )

        return province_area
