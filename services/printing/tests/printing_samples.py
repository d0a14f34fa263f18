"""Residents, cards and events as the centre and the store send them, for the tests."""

from __future__ import annotations

import base64
import datetime as dt
import functools
import io
import os
from pathlib import Path

from PIL import Image, ImageDraw

from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    CardData,
    CentralPrintReady,
    CentralSubmitted,
    InventoryIssued,
    InventoryReturned,
)
from ektp_shared.sealed_packet import CardImages, load_public_key, seal

DESA = ["71.10.01.2001", "71.10.01.2002", "71.10.02.2001"]


@functools.cache
def photo_b64() -> str:
    img = Image.new("RGB", (240, 320), (190, 30, 40))
    d = ImageDraw.Draw(img)
    d.ellipse((70, 50, 170, 170), fill=(225, 185, 150))
    d.rectangle((40, 190, 200, 320), fill=(245, 245, 245))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80)
    return base64.b64encode(out.getvalue()).decode()


@functools.cache
def signature_b64() -> str:
    img = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(img).line((10, 80, 80, 20, 150, 70, 290, 30), fill=(0, 0, 0, 255), width=5)
    out = io.BytesIO()
    img.save(out, "PNG")
    return base64.b64encode(out.getvalue()).decode()


def nik_for(i: int, born: dt.date = dt.date(1990, 1, 5)) -> str:
    return f"711001{born:%d%m%y}{i + 1:04d}"


def card(i: int, born: dt.date = dt.date(1990, 1, 5), **overrides: object) -> CardData:
    fields: dict[str, object] = dict(
        nik=nik_for(i, born), nama=f"Warga Boltim {i}", tempat_lahir="Tutuyan",
        tanggal_lahir=born, jenis_kelamin="LAKI-LAKI", golongan_darah="O",
        alamat="Jl. Trans Sulawesi", rt="1", rw="2", kode_desa=DESA[i % len(DESA)],
        agama="Islam", status_perkawinan="Kawin", pekerjaan="Petani/Pekebun",
        kewarganegaraan="WNI", photo_jpeg_b64=photo_b64(), signature_png_b64=signature_b64(),
    )
    fields.update(overrides)
    return CardData.model_validate(fields)


def sealed_images(c: CardData) -> str:
    """The card's images sealed as sync seals them: for the print room's key of the test
    session (the ``print_room_keys`` fixture puts its path in the environment)."""
    images = CardImages(photo_jpeg_b64=c.photo_jpeg_b64, signature_png_b64=c.signature_png_b64)
    return seal(images, load_public_key(Path(os.environ["EKTP_PRINT_ROOM_PUBLIC_KEY_FILE"])))


def print_ready(i: int, born: dt.date = dt.date(1990, 1, 5), **overrides: object) -> CloudEvent:
    c = card(i, born, **overrides)
    return CloudEvent.wrap(
        CentralPrintReady(enrollment_id=f"enr-{c.nik}", nik=c.nik, card=c,
                          sealed_images=sealed_images(c)), "central-sim"
    )


def submitted(nik: str) -> CloudEvent:
    return CloudEvent.wrap(
        CentralSubmitted(enrollment_id=f"enr-{nik}", nik=nik,
                         submitted_at=dt.datetime.now(dt.UTC)), "sync",
    )


def serials(start: int, count: int) -> list[str]:
    return [f"BLK{n:07d}" for n in range(start, start + count)]


def blanks_issued(numbers: list[str], reference: str = "BAST-001") -> CloudEvent:
    return CloudEvent.wrap(InventoryIssued(reference=reference, serials=numbers), "inventory")


def blanks_returned(numbers: list[str], reference: str = "RET-001") -> CloudEvent:
    return CloudEvent.wrap(InventoryReturned(reference=reference, serials=numbers), "inventory")
