from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.demographics_golongan_darah import (
    DemographicsGolonganDarah,
    check_demographics_golongan_darah,
)
from ..models.demographics_jenis_kelamin import (
    DemographicsJenisKelamin,
    check_demographics_jenis_kelamin,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Demographics")


@_attrs_define
class Demographics:
    """The resident's data as the card and SIAK hold it.

    Attributes:
        agama (str):
        alamat (str):
        jenis_kelamin (DemographicsJenisKelamin):
        kode_desa (str):
        nama (str):
        nik (str):
        pekerjaan (str):
        rt (str):
        rw (str):
        status_perkawinan (str):
        tanggal_lahir (datetime.date):
        tempat_lahir (str):
        golongan_darah (DemographicsGolonganDarah | Unset):  Default: '-'.
        kewarganegaraan (str | Unset):  Default: 'WNI'.
    """

    agama: str
    alamat: str
    jenis_kelamin: DemographicsJenisKelamin
    kode_desa: str
    nama: str
    nik: str
    pekerjaan: str
    rt: str
    rw: str
    status_perkawinan: str
    tanggal_lahir: datetime.date
    tempat_lahir: str
    golongan_darah: DemographicsGolonganDarah | Unset = "-"
    kewarganegaraan: str | Unset = "WNI"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agama = self.agama

        alamat = self.alamat

        jenis_kelamin: str = self.jenis_kelamin

        kode_desa = self.kode_desa

        nama = self.nama

        nik = self.nik

        pekerjaan = self.pekerjaan

        rt = self.rt

        rw = self.rw

        status_perkawinan = self.status_perkawinan

        tanggal_lahir = self.tanggal_lahir.isoformat()

        tempat_lahir = self.tempat_lahir

        golongan_darah: str | Unset = UNSET
        if not isinstance(self.golongan_darah, Unset):
            golongan_darah = self.golongan_darah

        kewarganegaraan = self.kewarganegaraan

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agama": agama,
                "alamat": alamat,
                "jenis_kelamin": jenis_kelamin,
                "kode_desa": kode_desa,
                "nama": nama,
                "nik": nik,
                "pekerjaan": pekerjaan,
                "rt": rt,
                "rw": rw,
                "status_perkawinan": status_perkawinan,
                "tanggal_lahir": tanggal_lahir,
                "tempat_lahir": tempat_lahir,
            }
        )
        if golongan_darah is not UNSET:
            field_dict["golongan_darah"] = golongan_darah
        if kewarganegaraan is not UNSET:
            field_dict["kewarganegaraan"] = kewarganegaraan

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agama = d.pop("agama")

        alamat = d.pop("alamat")

        jenis_kelamin = check_demographics_jenis_kelamin(d.pop("jenis_kelamin"))

        kode_desa = d.pop("kode_desa")

        nama = d.pop("nama")

        nik = d.pop("nik")

        pekerjaan = d.pop("pekerjaan")

        rt = d.pop("rt")

        rw = d.pop("rw")

        status_perkawinan = d.pop("status_perkawinan")

        tanggal_lahir = datetime.date.fromisoformat(d.pop("tanggal_lahir"))

        tempat_lahir = d.pop("tempat_lahir")

        _golongan_darah = d.pop("golongan_darah", UNSET)
        golongan_darah: DemographicsGolonganDarah | Unset
        if isinstance(_golongan_darah, Unset):
            golongan_darah = UNSET
        else:
            golongan_darah = check_demographics_golongan_darah(_golongan_darah)

        kewarganegaraan = d.pop("kewarganegaraan", UNSET)

        demographics = cls(
            agama=agama,
            alamat=alamat,
            jenis_kelamin=jenis_kelamin,
            kode_desa=kode_desa,
            nama=nama,
            nik=nik,
            pekerjaan=pekerjaan,
            rt=rt,
            rw=rw,
            status_perkawinan=status_perkawinan,
            tanggal_lahir=tanggal_lahir,
            tempat_lahir=tempat_lahir,
            golongan_darah=golongan_darah,
            kewarganegaraan=kewarganegaraan,
        )

        demographics.additional_properties = d
        return demographics

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
