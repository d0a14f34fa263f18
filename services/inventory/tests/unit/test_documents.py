"""The berita acara draws what the clerk typed as text, never as reportlab markup; the
fields that become one line of it (or of a header) take no line break."""

from __future__ import annotations

import datetime as dt

import pypdfium2 as pdfium
import pytest
from pydantic import ValidationError

from ektp_inventory.adapters.documents import berita_acara_pdf
from ektp_inventory.entrypoints.schemas import DestructionIn, ReceiptIn

MARKUP = '<font size="40" color="red">PALSU</font> & <b>tebal</b>'


def pdf_text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        return "".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def test_the_berita_acara_shows_markup_in_every_field_as_typed():
    destruction = {
        "reference": "BAP/<b>01</b>&amp;", "destroyed_on": dt.date(2025, 11, 3),
        "place": f"Gudang {MARKUP}", "method": "dibakar <br/> & dipotong",
        "recorded_by": "siti<i>", "serials": ["BLK000001", "BLK000002"],
        "witnesses": [{"nama": f"Rahmat {MARKUP}", "nip": "<1>", "jabatan": "Kabid & PIAK"},
                      {"nama": "Sri", "nip": "", "jabatan": ""}],
    }
    text = " ".join(pdf_text(berita_acara_pdf("Dinas <Dukcapil> & Boltim", destruction)).split())
    for typed in ("BAP/<b>01</b>&amp;", MARKUP, "dibakar <br/> & dipotong", "siti<i>",
                  "Rahmat", "Kabid & PIAK", "DINAS <DUKCAPIL> & BOLTIM"):
        assert " ".join(typed.split()) in text, typed


@pytest.mark.parametrize("reference", ["BAP-01\r\nX-Header: 1", "BAP\n01", "BAP\t01"])
def test_a_line_break_in_a_reference_is_refused_naming_the_field(reference):
    with pytest.raises(ValidationError) as caught:
        DestructionIn(reference=reference, destroyed_on="2025-11-03", serials=["BLK000001"],
                      witnesses=[{"nama": "Rahmat"}, {"nama": "Sri"}])
    assert [e["loc"] for e in caught.value.errors()] == [("reference",)]
    with pytest.raises(ValidationError) as caught:
        DestructionIn(destroyed_on="2025-11-03", serials=["BLK000001"],
                      witnesses=[{"nama": "Rah\nmat"}, {"nama": "Sri"}])
    assert [e["loc"] for e in caught.value.errors()] == [("witnesses", 0, "nama")]
    with pytest.raises(ValidationError):
        ReceiptIn(letter_number=reference, letter_date="2025-11-03", serials=["BLK000001"])
    # notes may run over several lines
    assert ReceiptIn(letter_number="470/1", letter_date="2025-11-03", note="a\nb").note == "a\nb"
