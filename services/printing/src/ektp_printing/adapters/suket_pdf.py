"""The Surat Keterangan pengganti KTP-el: an A4 letter with a QR code that verifies it."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import qrcode
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ektp_shared.nik import BULAN


@dataclass(frozen=True)
class SuketContent:
    number: str
    nik: str
    nama: str
    tempat_lahir: str
    tanggal_lahir: dt.date | None
    alamat: str
    issued_on: dt.date
    valid_until: dt.date
    issued_by: str
    verify_url: str
    kabupaten: str
    issue_place: str


def tanggal(day: dt.date) -> str:
    return f"{day.day} {BULAN[day.month]} {day.year}"


def qr_png(text: str) -> bytes:
    img = qrcode.make(text, box_size=6, border=2)
    out = io.BytesIO()
    img.save(out)
    return out.getvalue()


def render_suket(s: SuketContent) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    width, height = A4
    c.setTitle(f"Surat Keterangan {s.number}")
    c.setFont("Helvetica-Bold", 12)
    c.drawCentredString(width / 2, height - 25 * mm, f"PEMERINTAH {s.kabupaten.upper()}")
    c.drawCentredString(width / 2, height - 31 * mm,
                        "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL")
    c.line(20 * mm, height - 35 * mm, width - 20 * mm, height - 35 * mm)
    c.setFont("Helvetica-Bold", 13)
    c.drawCentredString(width / 2, height - 47 * mm, "SURAT KETERANGAN")
    c.setFont("Helvetica", 10)
    c.drawCentredString(width / 2, height - 53 * mm, "PENGGANTI KTP ELEKTRONIK")
    c.drawCentredString(width / 2, height - 59 * mm, f"Nomor: {s.number}")

    y = height - 75 * mm
    c.drawString(25 * mm, y, "Yang bertanda tangan di bawah ini menerangkan bahwa:")
    rows = [
        ("NIK", s.nik),
        ("Nama", s.nama.upper()),
        ("Tempat/Tgl Lahir", f"{s.tempat_lahir.upper()}, "
                             f"{tanggal(s.tanggal_lahir) if s.tanggal_lahir else '-'}"),
        ("Alamat", s.alamat.upper() or "-"),
    ]
    for label, value in rows:
        y -= 8 * mm
        c.drawString(30 * mm, y, label)
        c.drawString(70 * mm, y, f": {value}")
    y -= 14 * mm
    for line in (
        "telah melakukan perekaman KTP Elektronik dan datanya telah dikirim ke pusat.",
        "Selama KTP Elektronik belum dapat dicetak, surat ini berlaku sebagai pengganti",
        f"KTP Elektronik sampai dengan tanggal {tanggal(s.valid_until)}.",
    ):
        c.drawString(25 * mm, y, line)
        y -= 6 * mm

    c.drawString(120 * mm, y - 10 * mm, f"{s.issue_place.title()}, {tanggal(s.issued_on)}")
    c.drawString(120 * mm, y - 16 * mm, "Petugas,")
    c.drawString(120 * mm, y - 36 * mm, s.issued_by)
    c.drawImage(ImageReader(io.BytesIO(qr_png(s.verify_url))), 25 * mm, y - 45 * mm,
                35 * mm, 35 * mm)
    c.setFont("Helvetica", 7)
    c.drawString(25 * mm, y - 49 * mm, f"Periksa keaslian: {s.verify_url}")
    c.drawString(25 * mm, y - 53 * mm, f"Berlaku s.d. {s.valid_until.isoformat()}")
    c.showPage()
    c.save()
    return buf.getvalue()
