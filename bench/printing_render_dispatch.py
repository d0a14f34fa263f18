"""Printing benchmarks: cards rendered per second (PDF driver) and jobs dispatched per second
through the real print engine and PostgreSQL with a zero-time driver.

    .venv/bin/python bench/printing_render_dispatch.py [--cards 200] [--jobs 1000]
        [--waiting 0] [--printed 0]

Starts (or reuses) the local PostgreSQL of ektp_shared.devinfra and drops its database after.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import datetime as dt
import io
import sys
import time
import uuid
from pathlib import Path

from PIL import Image, ImageDraw

from ektp_printing import handlers
from ektp_printing.adapters import card_pdf
from ektp_printing.adapters import repository as repo
from ektp_printing.adapters.drivers import SimulatedDriver
from ektp_printing.bootstrap import MIGRATIONS
from ektp_printing.config import Settings
from ektp_printing.engine import PrintEngine
from ektp_shared import devinfra
from ektp_shared.auth import Principal
from ektp_shared.db import create_pool, migrate, transaction
from ektp_shared.events import CardData
from ektp_shared.testing.resources import create_scratch_database, drop_databases


def sample_card(i: int) -> CardData:
    img = Image.new("RGB", (240, 320), (190, 30, 40))
    ImageDraw.Draw(img).ellipse((70, 50, 170, 170), fill=(225, 185, 150))
    photo = io.BytesIO()
    img.save(photo, "JPEG")
    sig = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(sig).line((10, 80, 150, 20, 290, 60), fill=(0, 0, 0, 255), width=5)
    sig_png = io.BytesIO()
    sig.save(sig_png, "PNG")
    return CardData(
        nik=f"7110010501{90 + i // 10000:02d}{i % 10000 + 1:04d}"[:16], nama=f"Warga Boltim {i}",
        tempat_lahir="Tutuyan", tanggal_lahir=dt.date(1990, 1, 5), jenis_kelamin="LAKI-LAKI",
        alamat="Jl. Trans Sulawesi", rt="1", rw="2", kode_desa="71.10.01.2001", agama="Islam",
        status_perkawinan="Kawin", pekerjaan="Petani/Pekebun",
        photo_jpeg_b64=base64.b64encode(photo.getvalue()).decode(),
        signature_png_b64=base64.b64encode(sig_png.getvalue()).decode(),
    )


def bench_render(cards: int) -> None:
    card = sample_card(1)
    faces = [card_pdf.card_face(card, blank_serial=f"BLK{i:07d}", issue_place="Boltim",
                                issue_date=dt.date(2025, 3, 4), provinsi="Sulawesi Utara",
                                kabupaten="Bolaang Mongondow Timur") for i in range(cards)]
    started = time.perf_counter()
    pdfs = [card_pdf.render_pdf(f) for f in faces]
    pdf_s = time.perf_counter() - started
    started = time.perf_counter()
    for pdf in pdfs[: max(1, cards // 4)]:
        card_pdf.render_png(pdf, dpi=200)
    png_s = (time.perf_counter() - started) / max(1, cards // 4)
    print(f"render: {cards} card PDFs in {pdf_s:.2f} s = {cards / pdf_s:.0f} cards/s "
          f"({pdf_s / cards * 1000:.1f} ms each)")
    print(f"render: PDF + 200 dpi PNG preview (the PDF driver's work) = "
          f"{1 / (pdf_s / cards + png_s):.0f} cards/s ({png_s * 1000:.1f} ms per preview)")


async def bench_dispatch(jobs: int, waiting: int = 0, printed: int = 0) -> None:
    """``jobs`` cards printed from blanks on hand, with ``waiting`` more jobs behind them
    that have no blank and ``printed`` cards printed before: whether the print room's pace
    depends on its queue or on its history."""
    infra = devinfra.ensure_local_infra()
    dsn = await create_scratch_database(infra.postgres_admin_dsn, "printing", "bench")
    try:
        await migrate(dsn, MIGRATIONS)
        pool = await create_pool(dsn, min_size=2, max_size=5)
        settings = Settings(database_url=dsn, engine_poll_seconds=0.01, blanks_low_threshold=0)
        deps = handlers.Deps(settings=settings)
        boss = Principal(user="bench", role="supervisor")
        card = sample_card(1).model_dump(mode="json")
        async with transaction(pool) as conn:
            for n in (1, 2, 3):
                await handlers.register_printer(
                    deps, conn, boss, name=f"Printer {n}", model="bench",
                    driver="simulated", location="bench", queue=None, status="ONLINE",
                    reason="")
            # The history first (lowest seq), then the jobs to print, then the queue behind.
            rows = [(str(uuid.uuid4()), f"7110010{i:09d}", f"enr-{i}", card, status)
                    for i, status in enumerate(["PRINTED"] * printed + ["QUEUED"] * jobs
                                               + ["WAITING_FOR_BLANK"] * waiting)]
            await conn.executemany(
                """INSERT INTO print_jobs (id, nik, enrollment_id, nama, kode_desa, card,
                       priority, status) VALUES ($1, $2, $3, 'Warga', '71.10.01.2001', $4, 0,
                       $5)""",
                rows,
            )
            await repo.add_blanks_on_hand(conn, [f"BLK{i:07d}" for i in range(jobs)], "bench")
        await pool.execute("VACUUM ANALYZE print_jobs")
        engine = PrintEngine(deps, {"simulated": SimulatedDriver()})
        stop = asyncio.Event()
        started = time.perf_counter()
        task = asyncio.ensure_future(engine.run(pool, stop))
        deadline = started + 90
        done = 0
        while time.perf_counter() < deadline:
            done = await pool.fetchval(
                "SELECT count(*) FROM print_jobs WHERE status = 'PRINTED'") - printed
            if done == jobs:
                break
            await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - started
        stop.set()
        await task
        print(f"dispatch: {done} jobs dispatched, printed and recorded (3 printers, zero-time "
              f"driver; {waiting:,} waiting behind, {printed:,} printed before) in "
              f"{elapsed:.2f} s = {done / elapsed:.0f} jobs/s")
        await pool.close()
    finally:
        await drop_databases(infra.postgres_admin_dsn, [dsn])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--waiting", type=int, default=0,
                        help="jobs with no blank behind the ones printed")
    parser.add_argument("--printed", type=int, default=0,
                        help="cards printed before the run")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {Path('/proc/cpuinfo').read_text().count('processor')}"
          " cores")
    bench_render(args.cards)
    asyncio.run(bench_dispatch(args.jobs, args.waiting, args.printed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
