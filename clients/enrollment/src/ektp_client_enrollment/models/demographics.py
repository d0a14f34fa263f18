from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.demographics_jenis_kelamin import (
    DemographicsJenisKelamin,
    check_demographics_jenis_kelamin,
)

T = TypeVar("T", bound="Demographics")


@_attrs_define
class Demographics:
    """
    Attributes:
        agama (str):
        alamat (str):
        golongan_darah (str):
        jenis_kelamin (DemographicsJenisKelamin):
        kewarganegaraan (str):
        kode_desa (str):
        nama (str):
        nik (str):
        pekerjaan (str):
        rt (str):
        rw (str):
        status_perkawinan (str):
        tanggal_lahir (datetime.date):
        tempat_lahir (str):
    """

    agama: str
    alamat: str
    golongan_darah: str
    jenis_kelamin: DemographicsJenisKelamin
    kewarganegaraan: str
    kode_desa: str
    nama: str
    nik: str
    pekerjaan: str
    rt: str
    rw: str
    status_perkawinan: str
    tanggal_lahir: datetime.date
    tempat_lahir: str

    def to_dict(self) -> dict[str, Any]:
        agama = self.agama

        alamat = self.alamat

        golongan_darah = self.golongan_darah

        jenis_kelamin: str = self.jenis_kelamin

        kewarganegaraan = self.kewarganegaraan

        kode_desa = self.kode_desa

        nama = self.nama

        nik = self.nik

        pekerjaan = self.pekerjaan

        rt = self.rt

        rw = self.rw

        status_perkawinan = self.status_perkawinan

        tanggal_lahir = self.tanggal_lahir.isoformat()

        tempat_lahir = self.tempat_lahir

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agama": agama,
                "alamat": alamat,
                "golongan_darah": golongan_darah,
                "jenis_kelamin": jenis_kelamin,
                "kewarganegaraan": kewarganegaraan,
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agama = d.pop("agama")

        alamat = d.pop("alamat")

        golongan_darah = d.pop("golongan_darah")

        jenis_kelamin = check_demographics_jenis_kelamin(d.pop("jenis_kelamin"))

        kewarganegaraan = d.pop("kewarganegaraan")

        kode_desa = d.pop("kode_desa")

        nama = d.pop("nama")

        nik = d.pop("nik")

        pekerjaan = d.pop("pekerjaan")

        rt = d.pop("rt")

        rw = d.pop("rw")

        status_perkawinan = d.pop("status_perkawinan")

        tanggal_lahir = datetime.date.fromisoformat(d.pop("tanggal_lahir"))

        tempat_lahir = d.pop("tempat_lahir")

        demographics = cls(
            agama=agama,
            alamat=alamat,
            golongan_darah=golongan_darah,
            jenis_kelamin=jenis_kelamin,
            kewarganegaraan=kewarganegaraan,
            kode_desa=kode_desa,
            nama=nama,
            nik=nik,
            pekerjaan=pekerjaan,
            rt=rt,
            rw=rw,
            status_perkawinan=status_perkawinan,
            tanggal_lahir=tanggal_lahir,
            tempat_lahir=tempat_lahir,
        )

        return demographics
