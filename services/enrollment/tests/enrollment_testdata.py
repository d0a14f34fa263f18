"""Realistic recordings for the enrollment tests and the benchmark: a JPEG face photo,
a PNG signature, 10 fingerprint templates and 2 iris images, about 30 KB in all."""

from __future__ import annotations

import base64
import datetime as dt
import io
import random
from functools import cache
from typing import Any

from PIL import Image, ImageDraw

from ektp_shared.nik import make_nik
from ektp_shared.sealed_packet import FINGERS, IRISES

DESA = "71.10.01.2001"  # Kayumoyondi, Tutuyan
KECAMATAN_DIGITS = "711001"


@cache
def photo_jpeg() -> bytes:
    rnd = random.Random(7)
    img = Image.new("RGB", (300, 400), (200, 40, 40))  # red background, as on the card
    draw = ImageDraw.Draw(img)
    draw.ellipse((80, 60, 220, 240), fill=(224, 180, 150))
    draw.rectangle((60, 250, 240, 400), fill=(30, 30, 90))
    for _ in range(700):  # skin and cloth texture, so the JPEG is photo-sized
        x, y = rnd.randrange(300), rnd.randrange(400)
        draw.point((x, y), fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80)
    return out.getvalue()


@cache
def signature_png() -> bytes:
    img = Image.new("L", (300, 100), 255)
    draw = ImageDraw.Draw(img)
    draw.line([(10, 70), (60, 20), (110, 80), (160, 30), (220, 75), (290, 40)], fill=0, width=3)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _blob(seed: int, size: int) -> str:
    return base64.b64encode(random.Random(seed).randbytes(size)).decode()


def biometrics(seed: int = 1, **changes: Any) -> dict[str, Any]:
    b: dict[str, Any] = {
        "photo_jpeg_b64": base64.b64encode(photo_jpeg()).decode(),
        "signature_png_b64": base64.b64encode(signature_png()).decode(),
        "fingerprints": {f: _blob(seed * 100 + i, 500) for i, f in enumerate(FINGERS)},
        "irises": {i: _blob(seed * 100 + 50 + n, 1000) for n, i in enumerate(IRISES)},
    }
    b.update(changes)
    return b


def nik_for(born: dt.date, sex: str = "LAKI-LAKI", serial: int = 1,
            kecamatan: str = KECAMATAN_DIGITS) -> str:
    return make_nik(kecamatan, born, sex, serial)


def years_ago(years: int, days: int = 0, today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    try:
        d = today.replace(year=today.year - years)
    except ValueError:
        d = today.replace(year=today.year - years, day=28)
    return d - dt.timedelta(days=days)


def recording(
    nik: str | None = None, *, born: dt.date | None = None, sex: str = "LAKI-LAKI",
    serial: int = 1, seed: int = 1, **changes: Any,
) -> dict[str, Any]:
    born = born or dt.date(1990, 5, 14)
    body: dict[str, Any] = {
        "nik": nik or nik_for(born, sex, serial),
        "nama": "Budi Mokodompit",
        "tempat_lahir": "Tutuyan",
        "tanggal_lahir": born.isoformat(),
        "jenis_kelamin": sex,
        "golongan_darah": "O",
        "alamat": "Jl. Trans Sulawesi, Dusun II",
        "rt": "1",
        "rw": "2",
        "kode_desa": DESA,
        "agama": "ISLAM",
        "status_perkawinan": "KAWIN",
        "pekerjaan": "PETANI/PEKEBUN",
        "kewarganegaraan": "WNI",
        "biometrics": biometrics(seed),
    }
    body.update(changes)
    return body

