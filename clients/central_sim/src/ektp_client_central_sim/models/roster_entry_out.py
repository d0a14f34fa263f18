from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RosterEntryOut")


@_attrs_define
class RosterEntryOut:
    """
    Attributes:
        jenis_kelamin (str):
        kode_desa (str):
        nama (str):
        nik (str):
        tanggal_lahir (str):
    """

    jenis_kelamin: str
    kode_desa: str
    nama: str
    nik: str
    tanggal_lahir: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        jenis_kelamin = self.jenis_kelamin

        kode_desa = self.kode_desa

        nama = self.nama

        nik = self.nik

        tanggal_lahir = self.tanggal_lahir

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jenis_kelamin": jenis_kelamin,
                "kode_desa": kode_desa,
                "nama": nama,
                "nik": nik,
                "tanggal_lahir": tanggal_lahir,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        jenis_kelamin = d.pop("jenis_kelamin")

        kode_desa = d.pop("kode_desa")

        nama = d.pop("nama")

        nik = d.pop("nik")

        tanggal_lahir = d.pop("tanggal_lahir")

        roster_entry_out = cls(
            jenis_kelamin=jenis_kelamin,
            kode_desa=kode_desa,
            nama=nama,
            nik=nik,
            tanggal_lahir=tanggal_lahir,
        )

        roster_entry_out.additional_properties = d
        return roster_entry_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
