"""A recording (perekaman): the resident's data, the rules of DESIGN.md section 7, and the
one-active-recording-per-NIK rule. Plain functions over plain data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ektp_shared.events import GolonganDarah, JenisKelamin
from ektp_shared.limits import OVERRIDE_REASON_CHARS
from ektp_shared.logging import mask_nik
from ektp_shared.nik import BULAN, NikError, NikInfo, age_on, parse_nik
from ektp_shared.office import current as current_office
from ektp_shared.wilayah import kecamatan_of_desa, normalise_desa_code

from . import status as st
from .biometrics import Biometrics, QualityThresholds, check_biometrics
from .errors import FieldError, Refused

Agama = Literal[
    "ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KHONGHUCU",
    "KEPERCAYAAN TERHADAP TUHAN YME",
]
StatusPerkawinan = Literal["BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"]
WAJIB_KTP_AGE = 17


class ResidentData(BaseModel):
    """The resident's data as the card and SIAK hold it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    # Checked by parse_nik (not a pattern) so the clerk gets the exact rule that failed.
    nik: str = Field(description="16 digit NIK")
    nama: str = Field(min_length=1, max_length=120)
    tempat_lahir: str = Field(min_length=1, max_length=60)
    tanggal_lahir: dt.date
    jenis_kelamin: JenisKelamin
    golongan_darah: GolonganDarah = "-"
    alamat: str = Field(min_length=1, max_length=200, description="jalan / dusun")
    rt: str = Field(pattern=r"^\d{1,3}$")
    rw: str = Field(pattern=r"^\d{1,3}$")
    kode_desa: str = Field(description="Kemendagri desa code, e.g. 71.74.01.1005")
    agama: Agama
    status_perkawinan: StatusPerkawinan
    pekerjaan: str = Field(min_length=1, max_length=80)
    kewarganegaraan: Literal["WNI", "WNA"] = "WNI"


class RecordingRequest(ResidentData):
    biometrics: Biometrics
    # Supervisor overrides, each with the reason the audit trail keeps.
    izin_wajib_ktp: str | None = Field(
        default=None, description="supervisor: why someone not yet wajib KTP is recorded"
    )
    izin_rekam_ulang: str | None = Field(
        default=None, description="supervisor: why a NIK the centre refused is recorded again"
    )
    izin_meninggal: str | None = Field(
        default=None, description="supervisor: why a resident whose latest field check says "
        "MENINGGAL is recorded (the check was wrong, the resident came in person)"
    )


@dataclass
class CheckedRecording:
    request: RecordingRequest
    nik: NikInfo
    kode_desa: str
    kode_kecamatan: str
    warnings: list[str]
    biometric_summary: dict[str, Any]
    overrides: dict[str, str] = field(default_factory=dict)

    def demographics(self) -> dict[str, Any]:
        data = self.request.model_dump(
            mode="json",
            exclude={"biometrics", "izin_wajib_ktp", "izin_rekam_ulang", "izin_meninggal"},
        )
        data["kode_desa"] = self.kode_desa
        data["rt"] = self.request.rt.zfill(3)
        data["rw"] = self.request.rw.zfill(3)
        return data


def _date_words(d: dt.date) -> str:
    return f"{d.day} {BULAN[d.month]} {d.year}"


# What a warning may reveal of the resident: a birth date (in words), an age, a sex, a NIK.
_REVEALING = (
    re.compile(rf"\b\d{{1,2}} (?:{'|'.join(m for m in BULAN if m)}) \d{{4}}\b"),
    re.compile(r"(?<=umur )\d+"),
    re.compile(r"\b(?:LAKI-LAKI|PEREMPUAN)\b"),
)


def redact_warning(warning: str) -> str:
    """A warning as a viewer may see it: what kind of check it is, not the resident's birth
    date, age, sex or NIK (works on warnings already stored, whatever their age)."""
    text = mask_nik(warning)
    for pattern in _REVEALING:
        text = pattern.sub("***", text)
    return text


def check_recording(
    req: RecordingRequest, *, today: dt.date, is_supervisor: bool,
    thresholds: QualityThresholds = QualityThresholds(),
) -> CheckedRecording:
    """Apply every rule; raise :class:`Refused` listing every problem found."""
    errors: list[FieldError] = []
    warnings: list[str] = []
    info: NikInfo | None = None
    for name in ("izin_wajib_ktp", "izin_rekam_ulang", "izin_meninggal"):
        given = getattr(req, name)
        reason = given or ""
        if len(reason) > OVERRIDE_REASON_CHARS:
            errors.append(FieldError(name, f"alasan terlalu panjang ({len(reason)} karakter); "
                                           f"maksimal {OVERRIDE_REASON_CHARS} karakter"))
        elif given is not None and not reason.strip():
            # An override without a reason is no override: the audit trail needs the why.
            errors.append(FieldError(name, "alasan izin tidak boleh kosong"))
    try:
        info = parse_nik(req.nik, today=today)
    except NikError as exc:
        errors.append(FieldError("nik", exc.message))

    kode_desa = normalise_desa_code(req.kode_desa)
    desa = current_office().desa_or_refusal(req.kode_desa)
    if isinstance(desa, str):
        errors.append(FieldError("kode_desa", desa))
    if req.tanggal_lahir > today:
        errors.append(FieldError("tanggal_lahir", "tanggal lahir di masa depan"))

    if info is not None:
        # A NIK never changes: a disagreement is for the operator to check, not a refusal.
        if info.tanggal_lahir != req.tanggal_lahir:
            warnings.append(
                f"NIK menunjukkan tanggal lahir {_date_words(info.tanggal_lahir)}, data mencatat "
                f"{_date_words(req.tanggal_lahir)}: periksa KK/akta; NIK tetap dipakai"
            )
        if info.jenis_kelamin != req.jenis_kelamin:
            warnings.append(
                f"NIK menunjukkan jenis kelamin {info.jenis_kelamin}, data mencatat "
                f"{req.jenis_kelamin}: periksa KK/akta; NIK tetap dipakai"
            )

    overrides: dict[str, str] = {}
    age = age_on(req.tanggal_lahir, today)
    never_married = req.status_perkawinan == "BELUM KAWIN"
    if age < WAJIB_KTP_AGE and never_married and req.tanggal_lahir <= today:
        if req.izin_wajib_ktp and req.izin_wajib_ktp.strip():
            if not is_supervisor:
                raise Refused.one(
                    "izin_wajib_ktp", "hanya supervisor yang boleh memberi izin ini",
                    kind="forbidden",
                )
            overrides["wajib_ktp"] = req.izin_wajib_ktp.strip()
            warnings.append(f"belum wajib KTP (umur {age}), direkam atas izin supervisor")
        else:
            errors.append(FieldError(
                "tanggal_lahir",
                f"belum wajib KTP: umur {age} tahun dan belum pernah kawin (wajib KTP mulai "
                f"umur {WAJIB_KTP_AGE} atau sudah/pernah kawin); supervisor dapat memberi "
                "izin_wajib_ktp dengan alasan",
            ))

    bio = check_biometrics(req.biometrics, thresholds)
    errors.extend(bio.errors)
    if errors:
        raise Refused(errors)
    assert info is not None
    return CheckedRecording(
        request=req, nik=info, kode_desa=kode_desa, kode_kecamatan=kecamatan_of_desa(kode_desa),
        warnings=warnings, biometric_summary=bio.summary, overrides=overrides,
    )


@dataclass(frozen=True)
class Earlier:
    enrollment_id: str
    status: str


def allow_new_recording(
    earlier: list[Earlier], *, rerecord_reason: str | None, is_supervisor: bool
) -> dict[str, str]:
    """One active recording per NIK. After the centre failed or found a duplicate, a
    supervisor may allow a new one; returns the override to keep, or raises Refused."""
    active = [e for e in earlier if st.is_active(e.status)]
    if active:
        raise Refused.one(
            "nik", "NIK ini sudah direkam; perekaman ganda tidak diterima",
            kind="conflict", existing_enrollment_id=active[0].enrollment_id,
        )
    rejected = [e for e in earlier if e.status in st.CENTRE_REJECTED]
    if not rejected:
        return {}
    reason = (rerecord_reason or "").strip()
    if not reason:
        raise Refused.one(
            "izin_rekam_ulang",
            f"perekaman sebelumnya ditolak pusat ({rejected[-1].status}); rekam ulang perlu "
            "izin_rekam_ulang dari supervisor",
            kind="conflict", existing_enrollment_id=rejected[-1].enrollment_id,
        )
    if not is_supervisor:
        raise Refused.one("izin_rekam_ulang", "hanya supervisor yang boleh memberi izin ini",
                          kind="forbidden")
    return {"rekam_ulang": reason, "sebelumnya": rejected[-1].enrollment_id}


@dataclass(frozen=True)
class LatestFieldCheck:
    check_id: str
    outcome: str
    checked_at: dt.datetime
    officer: str


def allow_after_field_check(
    latest: LatestFieldCheck | None, *, reason: str | None, is_supervisor: bool
) -> tuple[dict[str, str], list[str]]:
    """A resident whose latest field check says MENINGGAL is not recorded unless a
    supervisor says why; PINDAH is recorded with a warning. Returns (overrides, warnings)."""
    if latest is None:
        return {}, []
    day = _date_words(latest.checked_at.date())
    if latest.outcome == "PINDAH":
        return {}, [f"pemeriksaan lapangan {day} mencatat penduduk ini PINDAH: periksa "
                    "alamat dan surat pindah"]
    if latest.outcome != "MENINGGAL":
        return {}, []
    why = (reason or "").strip()
    if not why:
        raise Refused.one(
            "izin_meninggal",
            f"pemeriksaan lapangan {day} (petugas {latest.officer}) mencatat penduduk ini "
            "MENINGGAL; perekaman perlu izin_meninggal dari supervisor dengan alasan",
            kind="conflict", title="Tercatat meninggal", field_check_id=latest.check_id,
        )
    if not is_supervisor:
        raise Refused.one("izin_meninggal", "hanya supervisor yang boleh memberi izin ini",
                          kind="forbidden")
    return ({"meninggal": why, "pemeriksaan_lapangan": latest.check_id},
            [f"pemeriksaan lapangan {day} mencatat MENINGGAL; direkam atas izin supervisor"])
