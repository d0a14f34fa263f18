"""The CUPS driver against a real cupsd with the cups-pdf queue."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from printing_samples import card

from ektp_printing.adapters.card_pdf import pdf_text
from ektp_printing.adapters.drivers import CardJob, CardLayout, CardRenderer, CupsDriver
from ektp_printing.adapters.ipp import IppClient
from ektp_shared import devinfra
from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.cups, pytest.mark.asyncio(loop_scope="session")]

LAYOUT = CardLayout("Bolaang Mongondow Timur", "Sulawesi Utara", "Bolaang Mongondow Timur")


@pytest.fixture(scope="module")
def cups_queue() -> str:
    try:
        return devinfra.start_cups()
    except devinfra.InfraError as exc:
        pytest.fail(f"cupsd could not be started: {exc}")


async def test_a_card_goes_through_cupsd_and_lands_as_a_pdf(cups_queue: str,
                                                            tmp_path: Path) -> None:
    driver = CupsDriver(CardRenderer(tmp_path, LAYOUT), IppClient("http://127.0.0.1:631"),
                        default_queue=cups_queue, timeout=60)
    job = CardJob("job-cups", "p-cups", card(5), "BLK0005005", dt.date(2025, 3, 4))
    outcome = await driver.print_card(job)
    assert outcome.ok, outcome.detail
    match = re.search(rf"{cups_queue}-(\d+)", outcome.detail)
    assert match, outcome.detail
    cups_job = match.group(1)
    out_dir = devinfra.cups_pdf_output_dir()
    deadline = time.monotonic() + 30
    files: list[Path] = []
    while not files and time.monotonic() < deadline:
        files = sorted(out_dir.glob(f"*-job_{cups_job}.pdf"))
        await asyncio.sleep(0.2)
    assert files, f"no PDF for CUPS job {cups_job} in {out_dir}"
    printed = files[0].read_bytes()
    assert printed.startswith(b"%PDF")
    # cups-pdf re-renders through Ghostscript onto its A4 page (text becomes outlines), so
    # look at it as a picture: one page with the card's blue at the card's size and the photo.
    doc = pdfium.PdfDocument(printed)
    try:
        assert len(doc) == 1
        image = doc[0].render(scale=2).to_pil().convert("RGB")
    finally:
        doc.close()
    colours = dict((rgb, n) for n, rgb in image.getcolors(1 << 22))
    card_px = (85.60 / 25.4 * 144) * (53.98 / 25.4 * 144)
    blue = sum(n for rgb, n in colours.items() if _near(rgb, (207, 228, 247)))
    red = sum(n for rgb, n in colours.items() if _near(rgb, (190, 30, 40)))
    assert 0.6 * card_px < blue < card_px
    assert red > 1000
    assert pdf_text(outcome.pdf_path.read_bytes()).count("BLK0005005") == 1  # type: ignore[union-attr]


def _near(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    return all(abs(x - y) <= 6 for x, y in zip(a, b, strict=True))


async def test_a_queue_that_does_not_exist_spoils_nothing_silently(cups_queue: str,
                                                                   tmp_path: Path) -> None:
    driver = CupsDriver(CardRenderer(tmp_path, LAYOUT), IppClient("http://127.0.0.1:631"),
                        default_queue="no-such-queue", timeout=10)
    job = CardJob("job-x", "p-x", card(6), "BLK0006006", dt.date(2025, 3, 4))
    outcome = await driver.print_card(job)
    assert not outcome.ok and outcome.reason == "PRINT_FAIL"
    assert "no-such-queue" in outcome.detail


async def test_cups_down_is_a_print_failure_not_a_crash(tmp_path: Path) -> None:
    driver = CupsDriver(CardRenderer(tmp_path, LAYOUT), IppClient("http://127.0.0.1:9"),
                        default_queue="ektp-cups-pdf", timeout=5)
    job = CardJob("job-y", "p-y", card(7), "BLK0007007", dt.date(2025, 3, 4))
    outcome = await driver.print_card(job)
    assert not outcome.ok and "cannot reach CUPS" in outcome.detail


@pytest.mark.integration
async def test_the_print_room_prints_on_a_cups_printer(cups_queue: str, start_printing) -> None:
    from printing_samples import blanks_issued, print_ready, serials


    svc = await start_printing()
    await svc.register("Printer CUPS", driver="cups", queue=cups_queue)
    await svc.send("inventory", [blanks_issued(serials(900, 1))])
    await svc.send("central", [print_ready(9)])

    async def printed() -> bool:
        return await svc.scalar("SELECT status FROM print_jobs") == "PRINTED"

    await eventually(printed, timeout=60, what="the card printed through CUPS")
    detail = await svc.scalar("SELECT detail FROM print_jobs")
    cups_job = re.search(rf"{cups_queue}-(\d+)", detail)
    assert cups_job, detail
    assert sorted(devinfra.cups_pdf_output_dir().glob(f"*-job_{cups_job.group(1)}.pdf"))
