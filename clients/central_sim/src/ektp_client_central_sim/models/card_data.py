from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.card_data_golongan_darah import CardDataGolonganDarah, check_card_data_golongan_darah
from ..models.card_data_jenis_kelamin import CardDataJenisKelamin, check_card_data_jenis_kelamin
from ..types import UNSET, Unset

T = TypeVar("T", bound="CardData")


@_attrs_define
class CardData:
    """Card data exactly as the centre returns it: demographics plus photo and signature.
    On the topic the photo and signature travel sealed (``CentralPrintReady``).

        Attributes:
            agama (str):
            alamat (str):
            jenis_kelamin (CardDataJenisKelamin):
            kode_desa (str):
            nama (str):
            nik (str):
            pekerjaan (str):
            photo_jpeg_b64 (str):
            rt (str):
            rw (str):
            signature_png_b64 (str):
            status_perkawinan (str):
            tanggal_lahir (datetime.date):
            tempat_lahir (str):
            golongan_darah (CardDataGolonganDarah | Unset):  Default: '-'.
            kewarganegaraan (str | Unset):  Default: 'WNI'.
    """

    agama: str
    alamat: str
    jenis_kelamin: CardDataJenisKelamin
    kode_desa: str
    nama: str
    nik: str
    pekerjaan: str
    photo_jpeg_b64: str
    rt: str
    rw: str
    signature_png_b64: str
    status_perkawinan: str
    tanggal_lahir: datetime.date
    tempat_lahir: str
    golongan_darah: CardDataGolonganDarah | Unset = "-"
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

        photo_jpeg_b64 = self.photo_jpeg_b64

        rt = self.rt

        rw = self.rw

        signature_png_b64 = self.signature_png_b64

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
                "photo_jpeg_b64": photo_jpeg_b64,
                "rt": rt,
                "rw": rw,
                "signature_png_b64": signature_png_b64,
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

        jenis_kelamin = check_card_data_jenis_kelamin(d.pop("jenis_kelamin"))

        kode_desa = d.pop("kode_desa")

        nama = d.pop("nama")

        nik = d.pop("nik")

        pekerjaan = d.pop("pekerjaan")

        photo_jpeg_b64 = d.pop("photo_jpeg_b64")

        rt = d.pop("rt")

        rw = d.pop("rw")

        signature_png_b64 = d.pop("signature_png_b64")

        status_perkawinan = d.pop("status_perkawinan")

        tanggal_lahir = datetime.date.fromisoformat(d.pop("tanggal_lahir"))

        tempat_lahir = d.pop("tempat_lahir")

        _golongan_darah = d.pop("golongan_darah", UNSET)
        golongan_darah: CardDataGolonganDarah | Unset
        if isinstance(_golongan_darah, Unset):
            golongan_darah = UNSET
        else:
            golongan_darah = check_card_data_golongan_darah(_golongan_darah)

        kewarganegaraan = d.pop("kewarganegaraan", UNSET)

        card_data = cls(
            agama=agama,
            alamat=alamat,
            jenis_kelamin=jenis_kelamin,
            kode_desa=kode_desa,
            nama=nama,
            nik=nik,
            pekerjaan=pekerjaan,
            photo_jpeg_b64=photo_jpeg_b64,
            rt=rt,
            rw=rw,
            signature_png_b64=signature_png_b64,
            status_perkawinan=status_perkawinan,
            tanggal_lahir=tanggal_lahir,
            tempat_lahir=tempat_lahir,
            golongan_darah=golongan_darah,
            kewarganegaraan=kewarganegaraan,
        )

        card_data.additional_properties = d
        return card_data

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
