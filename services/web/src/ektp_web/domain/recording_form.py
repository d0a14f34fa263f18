"""The recording form (perekaman) of the web page and enrollment's request, both ways:
the form's fields into the request body, and a problem's field paths back to form fields."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field

FINGERS = (
    ("R_THUMB", "Ibu jari kanan"), ("R_INDEX", "Telunjuk kanan"),
    ("R_MIDDLE", "Jari tengah kanan"), ("R_RING", "Jari manis kanan"),
    ("R_LITTLE", "Kelingking kanan"), ("L_THUMB", "Ibu jari kiri"),
    ("L_INDEX", "Telunjuk kiri"), ("L_MIDDLE", "Jari tengah kiri"),
    ("L_RING", "Jari manis kiri"), ("L_LITTLE", "Kelingking kiri"),
)
IRISES = (("R_IRIS", "Iris kanan"), ("L_IRIS", "Iris kiri"))

# The resident's data: form field = request field (enrollment's RecordingRequest).
TEXT_FIELDS = ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin",
               "golongan_darah", "alamat", "rt", "rw", "kode_desa", "agama",
               "status_perkawinan", "pekerjaan", "kewarganegaraan")
OPTIONAL_TEXT = ("izin_wajib_ktp", "izin_rekam_ulang", "izin_meninggal")
LABELS = {
    "nik": "NIK", "nama": "Nama lengkap", "tempat_lahir": "Tempat lahir",
    "tanggal_lahir": "Tanggal lahir", "jenis_kelamin": "Jenis kelamin",
    "golongan_darah": "Golongan darah", "alamat": "Alamat", "rt": "RT", "rw": "RW",
    "kode_desa": "Kode desa", "agama": "Agama", "status_perkawinan": "Status perkawinan",
    "pekerjaan": "Pekerjaan", "kewarganegaraan": "Kewarganegaraan",
    "izin_wajib_ktp": "Izin supervisor: belum wajib KTP",
    "izin_rekam_ulang": "Izin supervisor: rekam ulang",
    "izin_meninggal": "Izin supervisor: tercatat meninggal", "foto": "Foto wajah",
    "tanda_tangan": "Tanda tangan",
    **{f"jari_{k}": v for k, v in FINGERS}, **{f"iris_{k}": v for k, v in IRISES},
    **{f"alasan_jari_{k}": f"Alasan {v.lower()} tidak direkam" for k, v in FINGERS},
    **{f"alasan_iris_{k}": f"Alasan {v.lower()} tidak direkam" for k, v in IRISES},
}
FORM_ORDER = (*TEXT_FIELDS, *OPTIONAL_TEXT, "foto", "tanda_tangan",
              *(x for k, _ in FINGERS for x in (f"jari_{k}", f"alasan_jari_{k}")),
              *(x for k, _ in IRISES for x in (f"iris_{k}", f"alasan_iris_{k}")))


@dataclass
class FormErrors:
    """Messages by form field, in the page's order (the error summary links to each)."""

    by_field: dict[str, str] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)

    def add(self, form_field: str | None, message: str) -> None:
        message = message[:1].upper() + message[1:]  # the services write "foto harus ..."
        if form_field is None:
            self.general.append(message)
        elif form_field not in self.by_field:  # the first message of a field is the one shown
            self.by_field[form_field] = message

    def summary(self) -> list[tuple[str | None, str]]:
        order = {name: i for i, name in enumerate(FORM_ORDER)}
        listed: list[tuple[str | None, str]] = [
            (f, self.by_field[f]) for f in sorted(self.by_field, key=lambda f: order.get(f, 999))]
        return listed + [(None, m) for m in self.general]

    def __bool__(self) -> bool:
        return bool(self.by_field or self.general)


CHOICE_MESSAGES = {
    "jenis_kelamin": "Pilih jenis kelamin", "golongan_darah": "Pilih golongan darah",
    "agama": "Pilih agama", "status_perkawinan": "Pilih status perkawinan",
    "kewarganegaraan": "Pilih kewarganegaraan",
}


def birth_date(day: str, month: str, year: str) -> str:
    """The date as ISO text ("" when nothing was typed); ``ValueError`` when it is no date."""
    day, month, year = day.strip(), month.strip(), year.strip()
    if not (day or month or year):
        return ""
    if not (day.isdigit() and month.isdigit() and year.isdigit() and len(year) == 4):
        raise ValueError("Tanggal lahir harus berupa angka: tanggal, bulan, dan tahun 4 angka")
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        raise ValueError("Tanggal lahir harus tanggal yang ada") from None


def form_errors(text: dict[str, str], choices: dict[str, set[str]]) -> FormErrors:
    """What the typed request cannot even carry (a choice left empty, a date that is no
    date): said here, in the page's words; everything else the service judges."""
    errors = FormErrors()
    for name, allowed in choices.items():
        if text.get(name, "") not in allowed:
            errors.add(name, CHOICE_MESSAGES[name])
    try:
        if not birth_date(*(text.get(f"tanggal_lahir-{p}", "")
                            for p in ("hari", "bulan", "tahun"))):
            errors.add("tanggal_lahir", "Masukkan tanggal lahir")
    except ValueError as exc:
        errors.add("tanggal_lahir", str(exc))
    return errors


def form_field_of(path: str) -> str | None:
    """The form field a problem's ``errors[].field`` path names (``None``: the whole form)."""
    parts = path.split(".")
    if parts[0] in ("body", ""):
        parts = parts[1:]
    if not parts:
        return None
    head = parts[0]
    if head in TEXT_FIELDS or head in OPTIONAL_TEXT:
        return head
    if head != "biometrics" or len(parts) < 2:
        return None
    kind, name = parts[1], parts[2] if len(parts) > 2 else None
    simple = {"photo_jpeg_b64": "foto", "signature_png_b64": "tanda_tangan"}
    if kind in simple:
        return simple[kind]
    prefix = {"fingerprints": "jari_", "finger_exceptions": "alasan_jari_",
              "irises": "iris_", "iris_exceptions": "alasan_iris_"}.get(kind)
    if prefix is None or name is None:
        return None
    return prefix + name


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def request_body(text: dict[str, str], files: dict[str, bytes]) -> dict[str, object]:
    """Enrollment's request from what the form sent (the resident's data, the supervisor's
    overrides, the biometrics)."""
    body: dict[str, object] = {name: text.get(name, "") for name in TEXT_FIELDS}
    for name in OPTIONAL_TEXT:
        if text.get(name, "").strip():
            body[name] = text[name]
    body["biometrics"] = biometrics_body(text, files)
    return body


# --- biometrics (kept apart: the capture devices' part of the request grows here) ---------


def biometrics_body(text: dict[str, str], files: dict[str, bytes]) -> dict[str, object]:
    """The request's ``biometrics`` from the form: the photo (a file, or the camera's frame
    the page put in the same file input), the signature (a file, or the pad's drawing), and
    per finger or iris either a file or the reason it cannot be recorded (the missing-finger
    exception). The service judges them all."""
    fingerprints: dict[str, str] = {}
    finger_exceptions: dict[str, str] = {}
    irises: dict[str, str] = {}
    iris_exceptions: dict[str, str] = {}
    for parts, excused, kind, names in (
            (fingerprints, finger_exceptions, "jari", FINGERS),
            (irises, iris_exceptions, "iris", IRISES)):
        for key, _ in names:
            raw = files.get(f"{kind}_{key}")
            reason = text.get(f"alasan_{kind}_{key}", "").strip()
            if raw:
                parts[key] = b64(raw)
            if reason:
                excused[key] = reason
    return {
        "photo_jpeg_b64": b64(files.get("foto", b"")),
        "signature_png_b64": b64(files.get("tanda_tangan", b"")),
        "fingerprints": fingerprints, "finger_exceptions": finger_exceptions,
        "irises": irises, "iris_exceptions": iris_exceptions,
    }


KEPT = "simpan-"  # a file chosen before the confirm step, carried in the page as base64


def kept_files(text: dict[str, str]) -> dict[str, bytes]:
    """The files the confirm step carried (``simpan-<field>``: base64), by form field."""
    kept: dict[str, bytes] = {}
    for name, value in text.items():
        if name.startswith(KEPT) and value:
            try:
                kept[name.removeprefix(KEPT)] = base64.b64decode(value, validate=True)
            except ValueError:
                continue  # a page tampered with: the field counts as not chosen
    return kept


def to_keep(text: dict[str, str], files: dict[str, bytes]) -> list[tuple[str, str]]:
    """What the confirm page carries to the save: every field typed, every file as base64."""
    skip = {"csrf_token", "langkah"}
    typed = [(k, v) for k, v in text.items() if k not in skip and not k.startswith(KEPT)]
    return typed + [(KEPT + k, b64(v)) for k, v in files.items()]


# --- from the roster ------------------------------------------------------------------------


def from_roster(nik: str, nama: str, tanggal_lahir: dt.date, jenis_kelamin: str,
                kode_desa: str) -> dict[str, str]:
    """The form's values for a resident found on the roster (what the ministry's list
    holds; the rest the clerk asks and types)."""
    return {"nik": nik, "nama": nama, "jenis_kelamin": jenis_kelamin, "kode_desa": kode_desa,
            "tanggal_lahir-hari": str(tanggal_lahir.day),
            "tanggal_lahir-bulan": str(tanggal_lahir.month),
            "tanggal_lahir-tahun": str(tanggal_lahir.year)}
