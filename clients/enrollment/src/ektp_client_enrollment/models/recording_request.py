from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.recording_request_agama import RecordingRequestAgama, check_recording_request_agama
from ..models.recording_request_golongan_darah import (
    RecordingRequestGolonganDarah,
    check_recording_request_golongan_darah,
)
from ..models.recording_request_jenis_kelamin import (
    RecordingRequestJenisKelamin,
    check_recording_request_jenis_kelamin,
)
from ..models.recording_request_kewarganegaraan import (
    RecordingRequestKewarganegaraan,
    check_recording_request_kewarganegaraan,
)
from ..models.recording_request_status_perkawinan import (
    RecordingRequestStatusPerkawinan,
    check_recording_request_status_perkawinan,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.biometrics import Biometrics


T = TypeVar("T", bound="RecordingRequest")


@_attrs_define
class RecordingRequest:
    """
    Attributes:
        agama (RecordingRequestAgama):
        alamat (str): jalan / dusun
        biometrics (Biometrics): Biometrics as the recording station sends them, base64 encoded. A finger or iris is a
            :class:`Capture` (from a device, with its quality score) or plain base64 (from a file:
            no score to check, only its size).
        jenis_kelamin (RecordingRequestJenisKelamin):
        kode_desa (str): Kemendagri desa code, e.g. 71.74.01.1005
        nama (str):
        nik (str): 16 digit NIK
        pekerjaan (str):
        rt (str):
        rw (str):
        status_perkawinan (RecordingRequestStatusPerkawinan):
        tanggal_lahir (datetime.date):
        tempat_lahir (str):
        golongan_darah (RecordingRequestGolonganDarah | Unset):  Default: '-'.
        izin_meninggal (None | str | Unset): supervisor: why a resident whose latest field check says MENINGGAL is
            recorded (the check was wrong, the resident came in person)
        izin_rekam_ulang (None | str | Unset): supervisor: why a NIK the centre refused is recorded again
        izin_wajib_ktp (None | str | Unset): supervisor: why someone not yet wajib KTP is recorded
        kewarganegaraan (RecordingRequestKewarganegaraan | Unset):  Default: 'WNI'.
    """

    agama: RecordingRequestAgama
    alamat: str
    biometrics: Biometrics
    jenis_kelamin: RecordingRequestJenisKelamin
    kode_desa: str
    nama: str
    nik: str
    pekerjaan: str
    rt: str
    rw: str
    status_perkawinan: RecordingRequestStatusPerkawinan
    tanggal_lahir: datetime.date
    tempat_lahir: str
    golongan_darah: RecordingRequestGolonganDarah | Unset = "-"
    izin_meninggal: None | str | Unset = UNSET
    izin_rekam_ulang: None | str | Unset = UNSET
    izin_wajib_ktp: None | str | Unset = UNSET
    kewarganegaraan: RecordingRequestKewarganegaraan | Unset = "WNI"

    def to_dict(self) -> dict[str, Any]:
        agama: str = self.agama

        alamat = self.alamat

        biometrics = self.biometrics.to_dict()

        jenis_kelamin: str = self.jenis_kelamin

        kode_desa = self.kode_desa

        nama = self.nama

        nik = self.nik

        pekerjaan = self.pekerjaan

        rt = self.rt

        rw = self.rw

        status_perkawinan: str = self.status_perkawinan

        tanggal_lahir = self.tanggal_lahir.isoformat()

        tempat_lahir = self.tempat_lahir

        golongan_darah: str | Unset = UNSET
        if not isinstance(self.golongan_darah, Unset):
            golongan_darah = self.golongan_darah

        izin_meninggal: None | str | Unset
        if isinstance(self.izin_meninggal, Unset):
            izin_meninggal = UNSET
        else:
            izin_meninggal = self.izin_meninggal

        izin_rekam_ulang: None | str | Unset
        if isinstance(self.izin_rekam_ulang, Unset):
            izin_rekam_ulang = UNSET
        else:
            izin_rekam_ulang = self.izin_rekam_ulang

        izin_wajib_ktp: None | str | Unset
        if isinstance(self.izin_wajib_ktp, Unset):
            izin_wajib_ktp = UNSET
        else:
            izin_wajib_ktp = self.izin_wajib_ktp

        kewarganegaraan: str | Unset = UNSET
        if not isinstance(self.kewarganegaraan, Unset):
            kewarganegaraan = self.kewarganegaraan

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agama": agama,
                "alamat": alamat,
                "biometrics": biometrics,
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
        if izin_meninggal is not UNSET:
            field_dict["izin_meninggal"] = izin_meninggal
        if izin_rekam_ulang is not UNSET:
            field_dict["izin_rekam_ulang"] = izin_rekam_ulang
        if izin_wajib_ktp is not UNSET:
            field_dict["izin_wajib_ktp"] = izin_wajib_ktp
        if kewarganegaraan is not UNSET:
            field_dict["kewarganegaraan"] = kewarganegaraan

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.biometrics import Biometrics  # noqa: PLC0415

        d = dict(src_dict)
        agama = check_recording_request_agama(d.pop("agama"))

        alamat = d.pop("alamat")

        biometrics = Biometrics.from_dict(d.pop("biometrics"))

        jenis_kelamin = check_recording_request_jenis_kelamin(d.pop("jenis_kelamin"))

        kode_desa = d.pop("kode_desa")

        nama = d.pop("nama")

        nik = d.pop("nik")

        pekerjaan = d.pop("pekerjaan")

        rt = d.pop("rt")

        rw = d.pop("rw")

        status_perkawinan = check_recording_request_status_perkawinan(d.pop("status_perkawinan"))

        tanggal_lahir = datetime.date.fromisoformat(d.pop("tanggal_lahir"))

        tempat_lahir = d.pop("tempat_lahir")

        _golongan_darah = d.pop("golongan_darah", UNSET)
        golongan_darah: RecordingRequestGolonganDarah | Unset
        if isinstance(_golongan_darah, Unset):
            golongan_darah = UNSET
        else:
            golongan_darah = check_recording_request_golongan_darah(_golongan_darah)

        def _parse_izin_meninggal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        izin_meninggal = _parse_izin_meninggal(d.pop("izin_meninggal", UNSET))

        def _parse_izin_rekam_ulang(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        izin_rekam_ulang = _parse_izin_rekam_ulang(d.pop("izin_rekam_ulang", UNSET))

        def _parse_izin_wajib_ktp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        izin_wajib_ktp = _parse_izin_wajib_ktp(d.pop("izin_wajib_ktp", UNSET))

        _kewarganegaraan = d.pop("kewarganegaraan", UNSET)
        kewarganegaraan: RecordingRequestKewarganegaraan | Unset
        if isinstance(_kewarganegaraan, Unset):
            kewarganegaraan = UNSET
        else:
            kewarganegaraan = check_recording_request_kewarganegaraan(_kewarganegaraan)

        recording_request = cls(
            agama=agama,
            alamat=alamat,
            biometrics=biometrics,
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
            izin_meninggal=izin_meninggal,
            izin_rekam_ulang=izin_rekam_ulang,
            izin_wajib_ktp=izin_wajib_ktp,
            kewarganegaraan=kewarganegaraan,
        )

        return recording_request
