"""A second office, configured by its code alone: Kota Kotamobagu (71.74) runs the whole-office
day (test_whole_office.whole_office, at a smaller size to keep the suite's time), with its own
desa, its card and Suket texts, and its dashboard."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import pytest_asyncio
from e2e_stack import Stack, running_stack
from test_whole_office import Sizes, whole_office

from ektp_shared.wilayah import kabupaten

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

KOTA = "71.74"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def kota(infra, topic_prefix, create_database, jwt_keys, centre_keys, print_room_keys,
               make_token, tmp_path_factory, service_kafka):
    workdir = tmp_path_factory.mktemp("kota")
    async with running_stack(infra, topic_prefix, create_database, make_token, workdir,
                             service_kafka, office_env={"EKTP_KABUPATEN": KOTA}) as running:
        yield running, workdir


def pdf_text(path_or_bytes: Path | bytes) -> str:
    doc = pdfium.PdfDocument(path_or_bytes)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


# Every card is a PDF here (the pdf driver): slower than the simulated printers, so few.
@pytest.mark.timeout(600)
async def test_kota_kotamobagu_runs_the_whole_office_by_its_code_alone(
        kota: tuple[Stack, Path]):
    stack, workdir = kota
    entries = await whole_office(stack, KOTA, Sizes(roster=30, recorded=27, duplicates=3,
                                                    blanks=5, handed_over=3, driver="pdf"))
    region = kabupaten(KOTA)
    # Its own desa: the centre's roster for the office's kabupaten, every one a real desa.
    assert {e["kode_desa"] for e in entries} <= set(region.desa)
    assert len({e["kode_desa"] for e in entries}) > 10

    # Its dashboard: the kota by name, its four kecamatan, nobody "elsewhere".
    p = await stack.progress()
    assert (p["kabupaten"]["kode"], p["kabupaten"]["nama"]) == (KOTA, "Kota Kotamobagu")
    assert {k["nama"] for k in p["kecamatan"]} == {r.nama for r in region.kecamatan.values()}
    assert p["lainnya"]["recorded"] == 0
    page = await stack.http.get(stack.urls["dashboard"] + "/")
    assert "Dinas Kependudukan dan Pencatatan Sipil Kota Kotamobagu" in page.text

    # Its card: KOTA KOTAMOBAGU, issued at Kotamobagu.
    cards = sorted((workdir / "spool").rglob("*.pdf"))
    card = next((c for c in cards if "suket" not in c.parts), None)
    assert card is not None, f"no card PDF in {workdir / 'spool'}"
    text = pdf_text(card)
    assert "KOTA KOTAMOBAGU" in text and "KABUPATEN" not in text
    assert "PROVINSI SULAWESI UTARA" in text and "KOTAMOBAGU" in text

    # Its Suket: the kota's number, letterhead and place, for a resident whose card waits.
    suket = None
    for e in entries:
        r = await stack.http.post(stack.urls["printing"] + "/suket",
                                  json={"nik": e["nik"], "nama": e["nama"]},
                                  headers={"Authorization": f"Bearer {stack.tokens['operator']}"})
        if r.status_code == 201:
            suket = r.json()
            break
    assert suket is not None, "no resident waiting for a card got a Suket"
    assert suket["number"].startswith("SKT-7174-")
    pdf = await stack.http.get(f"{stack.urls['printing']}/suket/{suket['number']}/pdf",
                               headers={"Authorization": f"Bearer {stack.tokens['operator']}"})
    letter = pdf_text(pdf.content)
    assert "PEMERINTAH KOTA KOTAMOBAGU" in letter and "Kotamobagu," in letter
    assert "Bolaang" not in letter
    (workdir / "suket.pdf").write_bytes(pdf.content)
    print(f"\ncard PDF: {card}\nSuket PDF: {workdir / 'suket.pdf'}")
