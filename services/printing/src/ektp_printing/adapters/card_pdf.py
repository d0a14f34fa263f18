"""The e-KTP card as a PDF page of ID-1 size (85.60 x 53.98 mm), and its PNG preview."""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image, UnidentifiedImageError
from reportlab.lib.colors import HexColor, black
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ektp_shared.events import CardData
from ektp_shared.wilayah import kabupaten as kabupaten_of_code
from ektp_shared.wilayah import kecamatan_of_desa, national, normalise_desa_code

CARD_WIDTH = 85.60 * mm
CARD_HEIGHT = 53.98 * mm

# PDFium is not thread-safe: two of its calls at once, even on different documents, can
# crash the process (SIGSEGV, SIGABRT) or hang it. The pdf and CUPS drivers render in worker
# threads (one per printer printing), so every PDFium call of this process, the closing of
# its objects included, runs under this one lock. Use :func:`pdfium_document`, never
# ``pdfium.PdfDocument`` directly.
PDFIUM_LOCK = threading.Lock()

LABEL_X = 8.0
COLON_X = 56.0
VALUE_X = 59.0
PHOTO_X = 184.0
PHOTO_W = 48.0
PHOTO_H = 60.0
FIELD_TOP = CARD_HEIGHT - 41.0
LINE = 7.6
FONT = "Helvetica"
BOLD = "Helvetica-Bold"


class CardDataError(ValueError):
    """The card data cannot be put on a card (a photo or signature that is not an image)."""


@dataclass(frozen=True)
class CardFace:
    """Everything printed on the card, as text and images, in the office's words."""

    provinsi: str
    kabupaten: str
    nik: str
    fields: list[tuple[str, str]]
    golongan_darah: str
    photo: bytes
    signature: bytes
    issue_place: str
    issue_date: str
    blank_serial: str

    def texts(self) -> list[str]:
        """Every text on the card (for tests and for checking a render)."""
        return [
            self.provinsi, self.kabupaten, self.nik, self.golongan_darah, self.issue_place,
            self.issue_date, self.blank_serial, *(v for _, v in self.fields),
        ]


def decode_image(b64: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(b64, validate=True)
        with Image.open(io.BytesIO(raw)) as img:
            img.verify()
    except (binascii.Error, ValueError, UnidentifiedImageError, OSError) as exc:
        raise CardDataError(f"{what} is not a readable image: {exc}") from exc
    return raw


def _desa_names(kode_desa: str) -> tuple[str, str]:
    kode = normalise_desa_code(kode_desa)
    try:
        desa = kabupaten_of_code(kode[:5]).desa.get(kode)
    except KeyError:
        desa = None
    kec = national().get(kecamatan_of_desa(kode))
    return (desa.nama if desa else kode), (kec.nama if kec else kecamatan_of_desa(kode))


def card_face(
    card: CardData, *, blank_serial: str, issue_place: str, issue_date: dt.date,
    provinsi: str, kabupaten: str,
) -> CardFace:
    desa, kecamatan = _desa_names(card.kode_desa)
    rt = card.rt.zfill(3) if card.rt.isdigit() else card.rt
    rw = card.rw.zfill(3) if card.rw.isdigit() else card.rw
    fields = [
        ("Nama", card.nama.upper()),
        ("Tempat/Tgl Lahir",
         f"{card.tempat_lahir.upper()}, {card.tanggal_lahir.strftime('%d-%m-%Y')}"),
        ("Jenis Kelamin", card.jenis_kelamin),
        ("Alamat", card.alamat.upper()),
        ("RT/RW", f"{rt}/{rw}"),
        ("Kel/Desa", desa.upper()),
        ("Kecamatan", kecamatan.upper()),
        ("Agama", card.agama.upper()),
        ("Status Perkawinan", card.status_perkawinan.upper()),
        ("Pekerjaan", card.pekerjaan.upper()),
        ("Kewarganegaraan", card.kewarganegaraan.upper()),
        ("Berlaku Hingga", "SEUMUR HIDUP"),
    ]
    return CardFace(
        provinsi=f"PROVINSI {provinsi.upper()}",
        kabupaten=kabupaten.upper(),
        nik=card.nik,
        fields=fields,
        golongan_darah=card.golongan_darah,
        photo=decode_image(card.photo_jpeg_b64, "photo_jpeg_b64"),
        signature=decode_image(card.signature_png_b64, "signature_png_b64"),
        issue_place=issue_place.upper(),
        issue_date=issue_date.strftime("%d-%m-%Y"),
        blank_serial=blank_serial,
    )


def _fit(text: str, width: float, font: str, sizes: tuple[float, ...]) -> list[tuple[str, float]]:
    """Shrink a value until it fits its width; a very long one goes on two small lines."""
    for size in sizes:
        if stringWidth(text, font, size) <= width:
            return [(text, size)]
    small = 3.6
    lines = simpleSplit(text, font, small, width)
    return [(line, small) for line in lines[:2]]


def _centered(c: Canvas, text: str, cx: float, y: float, font: str, size: float,
              width: float) -> None:
    lines = _fit(text, width, font, (size, size - 0.5, size - 1.0, 4.0))
    for j, (part, s) in enumerate(lines):
        c.setFont(font, s)
        c.drawCentredString(cx, y + (1.9 if len(lines) > 1 else 0) - j * 3.9, part)


def render_pdf(face: CardFace) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(CARD_WIDTH, CARD_HEIGHT))
    c.setTitle(f"e-KTP blangko {face.blank_serial}")
    c.setFillColor(HexColor("#cfe4f7"))
    c.roundRect(0, 0, CARD_WIDTH, CARD_HEIGHT, 3 * mm, stroke=0, fill=1)
    c.setFillColor(black)

    _centered(c, face.provinsi, CARD_WIDTH / 2, CARD_HEIGHT - 11, BOLD, 7.0, CARD_WIDTH - 16)
    _centered(c, face.kabupaten, CARD_WIDTH / 2, CARD_HEIGHT - 19.5, BOLD, 7.0, CARD_WIDTH - 16)

    c.setFont(BOLD, 8.5)
    c.drawString(LABEL_X, CARD_HEIGHT - 31, "NIK")
    c.drawString(COLON_X - 12, CARD_HEIGHT - 31, ":")
    c.drawString(COLON_X - 8, CARD_HEIGHT - 31, face.nik)

    value_width = PHOTO_X - 4 - VALUE_X
    for i, (label, value) in enumerate(face.fields):
        y = FIELD_TOP - i * LINE
        c.setFont(FONT, 5.4)
        c.drawString(LABEL_X, y, label)
        width = value_width
        if label == "Jenis Kelamin":
            width = 58  # the blood group shares the line
            c.setFont(FONT, 5.4)
            c.drawString(VALUE_X + 62, y, "Gol. Darah")
            c.drawString(VALUE_X + 90, y, f": {face.golongan_darah}")
        lines = _fit(value, width, FONT, (5.4, 5.0, 4.6, 4.2))
        c.setFont(FONT, 5.4)
        c.drawString(COLON_X, y + (1.9 if len(lines) > 1 else 0), ":")
        for j, (part, size) in enumerate(lines):
            c.setFont(FONT, size)
            c.drawString(VALUE_X, y + (1.9 if len(lines) > 1 else 0) - j * 3.9, part)

    photo_y = CARD_HEIGHT - 26 - PHOTO_H
    c.drawImage(ImageReader(io.BytesIO(face.photo)), PHOTO_X, photo_y, PHOTO_W, PHOTO_H,
                preserveAspectRatio=True, anchor="c")
    cx = PHOTO_X + PHOTO_W / 2
    _centered(c, face.issue_place, cx, photo_y - 7, FONT, 4.6, 62)
    _centered(c, face.issue_date, cx, photo_y - 12.5, FONT, 4.6, 62)
    c.drawImage(ImageReader(io.BytesIO(face.signature)), PHOTO_X + 4, photo_y - 32,
                PHOTO_W - 8, 17, preserveAspectRatio=True, anchor="c", mask="auto")

    c.setFont(FONT, 4.2)
    c.drawString(LABEL_X, 6, f"No. Blangko: {face.blank_serial}")
    c.showPage()
    c.save()
    return buf.getvalue()


@contextlib.contextmanager
def pdfium_document(pdf: bytes) -> Iterator[pdfium.PdfDocument]:
    """A PDFium document, opened and used while holding :data:`PDFIUM_LOCK`, and closed
    (with its pages and everything made from them) before the lock is let go. Nothing made by
    PDFium may leave the block: copy what you need (text, sizes, a PIL copy of a bitmap)."""
    with PDFIUM_LOCK:
        doc = pdfium.PdfDocument(pdf)
        try:
            yield doc
        finally:
            doc.close()


def render_png(pdf: bytes, dpi: int = 300) -> bytes:
    with pdfium_document(pdf) as doc:
        page = doc[0]
        bitmap = page.render(scale=dpi / 72)
        # A copy that owns its pixels: the bitmap is freed here, under the lock, not when
        # the garbage collector gets to it in whichever thread.
        image = bitmap.to_pil().copy()
        bitmap.close()
        page.close()
    out = io.BytesIO()
    image.save(out, format="PNG")  # PIL only: outside the lock
    return out.getvalue()


def pdf_text(pdf: bytes) -> str:
    """The text layer of the first page (what a checker or a test reads back)."""
    with pdfium_document(pdf) as doc:
        page = doc[0]
        textpage = page.get_textpage()
        text = str(textpage.get_text_range())
        textpage.close()
        page.close()
    return text


def pdf_page_size_mm(pdf: bytes) -> tuple[float, float]:
    with pdfium_document(pdf) as doc:
        page = doc[0]
        w, h = page.get_size()
        page.close()
    return w / mm, h / mm
