"""The card's photo and signature leave the print room a set time after the card did
(``print_job_photo_retention_days`` after handover, or after a spoiled print: its reprint
holds its own copy). The card's text stays: a Suket or an audit may still need it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

import asyncpg

from ektp_shared.runtime import ServiceRuntime

from .config import Settings

log = logging.getLogger(__name__)


async def purge_card_images(pool: asyncpg.Pool, retention_days: int, batch: int = 500) -> int:
    """Set-based, in batches; the rendered card files (PDF, preview) go with the images."""
    total = 0
    while True:
        rows = await pool.fetch(
            """WITH due AS (
                   SELECT id, pdf_path, preview_path FROM print_jobs
                   WHERE images_purged_at IS NULL AND status IN ('ISSUED', 'SPOILED')
                     AND COALESCE(issued_at, finished_at) < now() - make_interval(days => $1)
                   LIMIT $2 FOR UPDATE SKIP LOCKED)
               UPDATE print_jobs j SET sealed_images = NULL, images_purged_at = now(),
                      card = j.card - 'photo_jpeg_b64' - 'signature_png_b64',
                      pdf_path = NULL, preview_path = NULL
               FROM due WHERE j.id = due.id
               RETURNING due.pdf_path, due.preview_path""",
            retention_days, batch,
        )
        files = [Path(p) for r in rows for p in (r["pdf_path"], r["preview_path"]) if p]
        await asyncio.to_thread(_remove, files)
        total += len(rows)
        if len(rows) < batch:
            return total


def _remove(files: list[Path]) -> None:
    for path in files:
        path.unlink(missing_ok=True)


async def run_purge(settings: Settings, runtime: ServiceRuntime, stop: asyncio.Event) -> None:
    """The periodic purge (a background task of the printing service)."""
    while not stop.is_set():
        try:
            purged = await purge_card_images(runtime.db, settings.print_job_photo_retention_days)
            if purged:
                log.info("purged the card images of %d print jobs", purged)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the database down: try again at the next round
            log.warning("card image purge: %s: %s", type(exc).__name__, exc)
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), settings.card_image_purge_seconds)
