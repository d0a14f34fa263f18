"""Printing's and inventory's refusals reach the screens in the office's words, with their
figures; a refusal the table does not know yet still shows no English."""

from __future__ import annotations

import pytest
from ektp_web.domain.indonesian import field_message, refusal


@pytest.mark.parametrize(("status", "kind", "title", "detail", "said"), [
    (409, "suket-refused", "Suket refused",
     "NIK 7110014508900001 already has a printed e-KTP (PRINTED); hand over the card instead.",
     "NIK 7110014508900001 sudah punya e-KTP tercetak; serahkan kartunya"),
    (409, "card-already-issued", "Card already handed over",
     "The e-KTP of NIK 7110014508900001 (blangko BLK0000003) was handed to Siti Warga on "
     "02-12-2026.", "sudah diserahkan kepada Siti Warga pada 02-12-2026"),
    (409, "printer-status", "Status change refused",
     "Printer Printer 2 is BROKEN; it can only become IN_REPAIR, OFFLINE.",
     "Printer Printer 2 sedang rusak; statusnya hanya dapat diubah menjadi diperbaiki, mati."),
    (409, "not-enough-in-store", "Not enough blanks in store", "50 asked, only 7 in store.",
     "50 blangko diminta, di gudang hanya ada 7."),
    (422, "validation-error", "Invalid serials",
     "serial 'XYZ' is not a blank serial: 3 to 40 letters, digits or '-', with at least one "
     "digit", "XYZ bukan nomor seri blangko"),
    (422, "validation-error", "Invalid serials",
     "range BLK0009050..XYZ9000: both ends need the same prefix and number of digits",
     "Rentang BLK0009050 sampai XYZ9000"),
])
def test_known_refusals_are_said_in_indonesian_with_their_figures(status, kind, title,
                                                                  detail, said):
    assert said in refusal(status, kind, title, detail)


def test_an_unknown_english_refusal_gets_a_plain_indonesian_sentence():
    said = refusal(409, "something-new", "Something new", "The blank is not where it should be.")
    assert said == "Permintaan ini bertentangan dengan data yang ada; muat ulang lalu coba lagi."
    # A service's text that is Indonesian already passes as it is.
    assert refusal(422, "validation-error", "Invalid request",
                   "satu baris saja: tanpa baris baru") == "satu baris saja: tanpa baris baru"


def test_field_checks_are_said_in_indonesian():
    assert field_message("Field required") == "Wajib diisi."
    assert field_message("String should have at least 3 characters") == \
        "Paling sedikit 3 karakter."
    assert "should" not in field_message("Input should be 'ONLINE' or 'OFFLINE'")
