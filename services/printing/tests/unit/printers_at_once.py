"""Run as a child process by test_printers_at_once.py: PRINTERS pdf printers print CARDS
cards at once (each driver renders in its own worker thread, as the print engine does), while
a heartbeat on the event loop and the card text being read back (as the operator's check does)
go on beside them. Prints ``ok <cards> <longest heartbeat gap in s>``; a crash of the process
(PDFium called from two threads at once: SIGSEGV, SIGABRT) or a hang is the failure."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from printing_samples import card

from ektp_printing.adapters import card_pdf
from ektp_printing.adapters.drivers import CardJob, CardLayout, CardRenderer, PdfDriver

LAYOUT = CardLayout("Bolaang Mongondow Timur", "Sulawesi Utara",
                    "KABUPATEN BOLAANG MONGONDOW TIMUR")


async def main(printers: int, cards: int, spool: Path) -> None:
    driver = PdfDriver(CardRenderer(spool, LAYOUT))
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(cards):
        queue.put_nowait(i)
    printed: list[Path] = []

    async def printer(p: int) -> None:
        while not queue.empty():
            i = queue.get_nowait()
            job = CardJob(f"job-{i}", f"p{p}", card(i), f"BLK{i:07d}", dt.date(2025, 3, 4))
            out = await driver.print_card(job)
            assert out.ok and out.pdf_path, out
            printed.append(out.pdf_path)
            # The text read back at once, in another thread, as a checker would.
            await asyncio.to_thread(card_pdf.pdf_text, out.pdf_path.read_bytes())

    longest = 0.0
    done = False

    async def heartbeat() -> None:
        nonlocal longest
        last = time.monotonic()
        while not done:
            await asyncio.sleep(0.01)
            now = time.monotonic()
            longest = max(longest, now - last)
            last = now

    beat = asyncio.ensure_future(heartbeat())
    await asyncio.gather(*(printer(p) for p in range(printers)))
    done = True
    await beat
    print(f"ok {len(printed)} {longest:.3f}", flush=True)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as spool:
        asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]), Path(spool)))
