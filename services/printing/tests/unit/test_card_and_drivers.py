"""The card as the PDF driver renders it, the fault injector, and the IPP wire format."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import struct
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from printing_samples import card

from ektp_printing.adapters import card_pdf, ipp
from ektp_printing.adapters.drivers import (
    CardJob,
    CardLayout,
    CardRenderer,
    FaultyDriver,
    PdfDriver,
    SimulatedDriver,
    SlowDriver,
)
from ektp_printing.adapters.suket_pdf import SuketContent, render_suket

LAYOUT = CardLayout("Bolaang Mongondow Timur", "Sulawesi Utara",
                    "KABUPATEN BOLAANG MONGONDOW TIMUR")


def face(c=None, serial: str = "BLK0000123") -> card_pdf.CardFace:  # type: ignore[no-untyped-def]
    return card_pdf.card_face(c or card(0), blank_serial=serial, issue_place=LAYOUT.issue_place,
                              issue_date=dt.date(2025, 3, 4), provinsi=LAYOUT.provinsi,
                              kabupaten=LAYOUT.kabupaten)


def char_boxes(pdf: bytes) -> list[tuple[str, tuple[float, float, float, float]]]:
    doc = pdfium.PdfDocument(pdf)
    try:
        tp = doc[0].get_textpage()
        return [(tp.get_text_range(i, 1), tp.get_charbox(i)) for i in range(tp.count_chars())]
    finally:
        doc.close()


def test_the_card_is_id1_size_and_carries_every_field() -> None:
    f = face()
    pdf = card_pdf.render_pdf(f)
    w, h = card_pdf.pdf_page_size_mm(pdf)
    assert (round(w, 2), round(h, 2)) == (85.60, 53.98)
    text = card_pdf.pdf_text(pdf)
    for expected in [
        "PROVINSI SULAWESI UTARA", "KABUPATEN BOLAANG MONGONDOW TIMUR", "7110010501900001",
        "NIK", "Nama", "WARGA BOLTIM 0", "Tempat/Tgl Lahir", "TUTUYAN, 05-01-1990",
        "Jenis Kelamin", "LAKI-LAKI", "Gol. Darah", ": O", "Alamat", "JL. TRANS SULAWESI",
        "RT/RW", "001/002", "Kel/Desa", "KAYUMOYONDI", "Kecamatan", "TUTUYAN", "Agama", "ISLAM",
        "Status Perkawinan", "KAWIN", "Pekerjaan", "PETANI/PEKEBUN", "Kewarganegaraan", "WNI",
        "Berlaku Hingga", "SEUMUR HIDUP", "BOLAANG MONGONDOW TIMUR", "04-03-2025",
        "BLK0000123",
    ]:
        assert expected in text, f"{expected!r} missing from the card"


def test_every_letter_stays_inside_the_card_and_off_the_photo() -> None:
    long = card(1, nama="Muhammad Abdurrahman Syaifuddin Paputungan Mokoginta Damopolii",
                alamat="Jalan Trans Sulawesi Lingkungan Tiga Dekat Masjid Raya Al-Ikhlas Tutuyan",
                pekerjaan="Pegawai Negeri Sipil (PNS)")
    pdf = card_pdf.render_pdf(face(long))
    w_pt, h_pt = card_pdf.CARD_WIDTH, card_pdf.CARD_HEIGHT
    boxes = [(ch, b) for ch, b in char_boxes(pdf) if ch.strip()]
    assert boxes
    photo_left = card_pdf.PHOTO_X
    photo_bottom = h_pt - 26 - card_pdf.PHOTO_H
    for ch, (left, bottom, right, top) in boxes:
        assert 2 <= left and right <= w_pt - 2 and 2 <= bottom and top <= h_pt - 2, ch
        overlaps_photo = right > photo_left and left < photo_left + card_pdf.PHOTO_W and \
            top > photo_bottom and bottom < h_pt - 26
        assert not overlaps_photo, f"{ch!r} at {left:.1f},{bottom:.1f} covers the photo"
    text = card_pdf.pdf_text(pdf).replace("\r\n", " ").replace("\n", " ")
    assert "PAPUTUNGAN MOKOGINTA" in text
    assert "AL-IKHLAS TUTUYAN" in text
    # Shrunk, not unreadably small: no letter under 3.5 pt high.
    heights = [top - bottom for ch, (_, bottom, _, top) in boxes if ch.isupper()]
    assert min(heights) > 2.4  # cap height of 3.6 pt Helvetica is about 2.6 pt


def test_the_preview_is_a_card_shaped_png() -> None:
    png = card_pdf.render_png(card_pdf.render_pdf(face()), dpi=300)
    with Image.open(io.BytesIO(png)) as img:
        assert img.format == "PNG"
        assert img.size == (pytest.approx(1011, abs=2), pytest.approx(638, abs=2))


def test_a_photo_that_is_not_an_image_is_refused() -> None:
    with pytest.raises(card_pdf.CardDataError, match="photo_jpeg_b64"):
        face(card(2, photo_jpeg_b64="bm90IGFuIGltYWdl"))


async def test_the_pdf_driver_leaves_pdf_and_preview_in_the_spool(tmp_path: Path) -> None:
    driver = PdfDriver(CardRenderer(tmp_path, LAYOUT))
    job = CardJob("job-1", "p1", card(3), "BLK0000007", dt.date(2025, 3, 4))
    out = await driver.print_card(job)
    assert out.ok and out.pdf_path and out.preview_path
    assert out.pdf_path.parent == tmp_path / "2025-03-04"
    assert out.pdf_path.read_bytes().startswith(b"%PDF")
    assert out.preview_path.read_bytes().startswith(b"\x89PNG")


async def test_the_fault_rate_spoils_its_share_with_both_reasons() -> None:
    driver = FaultyDriver(SimulatedDriver(), rate=0.05, seed=7)
    job = CardJob("job", "p1", card(0), "B", dt.date(2025, 1, 1))
    outcomes = [await driver.print_card(job) for _ in range(2000)]
    failed = [o for o in outcomes if not o.ok]
    assert 60 <= len(failed) <= 140
    assert {o.reason for o in failed} == {"ENCODE_FAIL", "PRINT_FAIL"}
    again = FaultyDriver(SimulatedDriver(), rate=0.05, seed=7)
    assert [(await again.print_card(job)).ok for _ in range(2000)] == [o.ok for o in outcomes]


async def test_the_slow_driver_takes_its_time() -> None:
    driver = SlowDriver(SimulatedDriver(), 0.2)
    job = CardJob("job", "p1", card(0), "B", dt.date(2025, 1, 1))
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert (await driver.print_card(job)).ok
    assert loop.time() - started >= 0.19


def test_an_ipp_request_is_encoded_as_rfc8010_says() -> None:
    body = ipp.encode_request(ipp.GET_JOB_ATTRIBUTES, 7, [(ipp.INTEGER, "job-id", 42)])
    assert body[:8] == b"\x01\x01\x00\x09\x00\x00\x00\x07"
    assert body[8] == ipp.OPERATION_GROUP and body[-1] == ipp.END
    assert b"\x21\x00\x06job-id\x00\x04\x00\x00\x00\x2a" in body


def test_an_ipp_answer_is_decoded_with_repeated_values() -> None:
    def attr(tag: int, name: str, raw: bytes) -> bytes:
        return struct.pack(">BH", tag, len(name)) + name.encode() + struct.pack(">H", len(raw)) \
            + raw
    answer = (b"\x01\x01\x00\x00\x00\x00\x00\x01" + bytes([ipp.JOB_GROUP])
              + attr(ipp.ENUM, "job-state", struct.pack(">i", 9))
              + attr(ipp.KEYWORD, "job-state-reasons", b"job-completed-successfully")
              + attr(ipp.KEYWORD, "", b"processing-to-stop-point") + bytes([ipp.END]))
    resp = ipp.decode_response(answer)
    assert resp.ok
    assert ipp.JOB_STATES[resp.first("job-state")] == "completed"
    assert resp.attributes["job-state-reasons"] == ["job-completed-successfully",
                                                    "processing-to-stop-point"]
    with pytest.raises(ipp.IppError):
        ipp.decode_response(b"\x01")


def test_the_suket_pdf_has_number_validity_and_a_qr_code() -> None:
    content = SuketContent(
        number="SKT-7110-2025-000001", nik="7110010501900001", nama="Warga Boltim 0",
        tempat_lahir="Tutuyan", tanggal_lahir=dt.date(1990, 1, 5), alamat="Jl. Trans Sulawesi",
        issued_on=dt.date(2025, 3, 4), valid_until=dt.date(2025, 9, 4), issued_by="petugas",
        verify_url="http://127.0.0.1:8003/suket/SKT-7110-2025-000001",
        kabupaten="Kabupaten Bolaang Mongondow Timur", issue_place="Tutuyan",
    )
    pdf = render_suket(content)
    text = card_pdf.pdf_text(pdf)
    for expected in ["SKT-7110-2025-000001", "7110010501900001", "WARGA BOLTIM 0",
                     "4 September 2025", "SURAT KETERANGAN"]:
        assert expected in text
    doc = pdfium.PdfDocument(pdf)
    try:
        images = [o for o in doc[0].get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    finally:
        doc.close()
    assert len(images) == 1  # the QR code


def test_a_kota_prints_kota_on_its_cards():
    from ektp_shared.office import office_for

    kota = office_for("71.74")
    f = card_pdf.card_face(card(0).model_copy(update={"kode_desa": "71.74.01.1005"}),
                           blank_serial="BLK1", issue_place=kota.issue_place,
                           issue_date=dt.date(2026, 12, 3), provinsi=kota.provinsi.nama,
                           kabupaten=kota.card_header)
    assert (f.provinsi, f.kabupaten, f.issue_place) == (
        "PROVINSI SULAWESI UTARA", "KOTA KOTAMOBAGU", "KOTAMOBAGU")
    assert "BIGA" in str(f.fields)
