"""Printer drivers behind one interface.

A driver gets a :class:`CardJob` and a :data:`Fence` and answers with a :class:`PrintOutcome`.
A failed print names the reason the blank was spoiled (ENCODE_FAIL: the chip would not take
the data; PRINT_FAIL: the print itself went wrong); an outcome nobody can know (CUPS lost
mid-print, a job that could not be cancelled) asks for a check instead.

The fence is the print engine's lease check: a driver calls it once, right before the card
is committed to the printer, and stops (withdrawing what it submitted) when it raises.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ektp_shared.events import CardData

from . import card_pdf
from .ipp import FINAL_STATES, IppClient, IppError

log = logging.getLogger(__name__)

# Called with the CUPS queue and job id (None, None for a printer without CUPS) before the
# card is committed to the printer; raises (LeaseLost) when this engine may no longer print.
Fence = Callable[[str | None, int | None], Awaitable[None]]


async def no_fence(queue: str | None, cups_job: int | None) -> None:
    """For a driver used on its own (tests, the self-test): nothing to check."""


@dataclass(frozen=True)
class CardJob:
    job_id: str
    printer_id: str
    card: CardData
    blank_serial: str
    issue_date: dt.date
    queue: str | None = None  # the CUPS queue of a CUPS printer


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    reason: str | None = None  # ENCODE_FAIL / PRINT_FAIL when not ok
    detail: str = ""
    pdf_path: Path | None = None
    preview_path: Path | None = None
    needs_check: bool = False  # nobody knows whether the card came out: an operator looks


class PrinterDriver(Protocol):
    async def print_card(self, job: CardJob, fence: Fence = no_fence) -> PrintOutcome: ...


def cups_title(job: CardJob) -> str:
    """The CUPS job name: the blank and the print job, never the resident's NIK."""
    return f"ektp-{job.blank_serial}-{job.job_id}"


@dataclass(frozen=True)
class CardLayout:
    issue_place: str
    provinsi: str
    kabupaten: str


class CardRenderer:
    """Renders the card PDF and its PNG preview into the spool folder."""

    def __init__(self, spool_dir: Path, layout: CardLayout, *, preview: bool = True) -> None:
        self.spool_dir = spool_dir
        self.layout = layout
        self.preview = preview

    def render(self, job: CardJob) -> tuple[bytes, Path, Path | None]:
        face = card_pdf.card_face(
            job.card, blank_serial=job.blank_serial, issue_place=self.layout.issue_place,
            issue_date=job.issue_date, provinsi=self.layout.provinsi,
            kabupaten=self.layout.kabupaten,
        )
        pdf = card_pdf.render_pdf(face)
        folder = self.spool_dir / job.issue_date.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"{job.blank_serial}-{job.job_id}"
        pdf_path = folder / f"{stem}.pdf"
        pdf_path.write_bytes(pdf)
        png_path = None
        if self.preview:
            png_path = folder / f"{stem}.png"
            png_path.write_bytes(card_pdf.render_png(pdf, dpi=200))
        return pdf, pdf_path, png_path


class PdfDriver:
    """The card as a file: PDF plus PNG preview in the spool folder."""

    def __init__(self, renderer: CardRenderer) -> None:
        self.renderer = renderer

    async def print_card(self, job: CardJob, fence: Fence = no_fence) -> PrintOutcome:
        await fence(None, None)  # the spool file is this printer's card
        try:
            _, pdf_path, png_path = await asyncio.to_thread(self.renderer.render, job)
        except card_pdf.CardDataError as exc:
            return PrintOutcome(False, "ENCODE_FAIL", str(exc))
        except OSError as exc:
            return PrintOutcome(False, "PRINT_FAIL", f"spool folder: {exc}")
        return PrintOutcome(True, pdf_path=pdf_path, preview_path=png_path)


class CupsDriver:
    """Submits the card PDF to a CUPS queue over IPP and follows the job to its end.

    The job is submitted held; it is released only after the fence has recorded its CUPS id
    under the engine's lease. A successor that takes over cancels every unfinished CUPS job
    it finds on its predecessor's jobs, so a paused engine's print can never come out late.
    """

    def __init__(
        self, renderer: CardRenderer, client: IppClient, *, default_queue: str,
        timeout: float = 60.0, poll_seconds: float = 0.2,
    ) -> None:
        self.renderer = renderer
        self.client = client
        self.default_queue = default_queue
        self.timeout = timeout
        self.poll_seconds = poll_seconds

    async def print_card(self, job: CardJob, fence: Fence = no_fence) -> PrintOutcome:
        queue = job.queue or self.default_queue
        try:
            pdf, pdf_path, png_path = await asyncio.to_thread(self.renderer.render, job)
        except card_pdf.CardDataError as exc:
            return PrintOutcome(False, "ENCODE_FAIL", str(exc))
        try:
            cups_job = await self.client.print_job(queue, pdf, cups_title(job), held=True)
        except IppError as exc:
            return PrintOutcome(False, "PRINT_FAIL", str(exc), pdf_path, png_path)
        name = f"CUPS job {queue}-{cups_job}"
        try:
            await fence(queue, cups_job)
        except BaseException:
            # Not ours to print any more (or the engine stops): the held job must never print.
            with contextlib.suppress(IppError):
                await self.client.cancel_job(queue, cups_job)
            raise
        try:
            await self.client.release_job(queue, cups_job)
            state, reasons = await self._follow(queue, cups_job)
        except IppError as exc:
            return await self._withdraw(queue, cups_job, str(exc), pdf_path, png_path)
        if state == "timed-out":
            return await self._withdraw(queue, cups_job, ", ".join(reasons), pdf_path, png_path)
        if state != "completed":
            return PrintOutcome(False, "PRINT_FAIL", f"{name} {state}: {', '.join(reasons)}",
                                pdf_path, png_path)
        return PrintOutcome(True, detail=name, pdf_path=pdf_path, preview_path=png_path)

    async def _withdraw(self, queue: str, cups_job: int, why: str, pdf_path: Path,
                        png_path: Path | None) -> PrintOutcome:
        """The print did not finish in time (or CUPS stopped answering): cancel its CUPS job,
        so the blank can be called spoiled and a late print can never come out on it."""
        name = f"CUPS job {queue}-{cups_job}"
        try:
            cancelled = await self.client.cancel_job(queue, cups_job)
            state, _ = (("canceled", []) if cancelled
                        else await self.client.job_state(queue, cups_job))
        except IppError as exc:
            log.warning("%s could not be cancelled: %s", name, exc)
            return PrintOutcome(False, None, f"{name}: {why}; it could not be cancelled ({exc}):"
                                " check whether the card came out", pdf_path, png_path,
                                needs_check=True)
        if state == "completed":  # it finished while we gave up on it
            return PrintOutcome(True, detail=name, pdf_path=pdf_path, preview_path=png_path)
        return PrintOutcome(False, "PRINT_FAIL", f"{name}: {why}; cancelled", pdf_path, png_path)

    async def _follow(self, queue: str, cups_job: int) -> tuple[str, list[str]]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        while True:
            state, reasons = await self.client.job_state(queue, cups_job)
            if state in FINAL_STATES:
                return state, reasons
            if loop.time() > deadline:
                return "timed-out", [*reasons, f"not finished after {self.timeout:.0f} s"]
            await asyncio.sleep(self.poll_seconds)


class SimulatedDriver:
    """A printer that prints nothing: for demos, load tests and the benchmark."""

    async def print_card(self, job: CardJob, fence: Fence = no_fence) -> PrintOutcome:
        await fence(None, None)
        return PrintOutcome(True, detail="simulated")


class SlowDriver:
    """Adds the card printer's mechanical time to any driver (tests kill a print here)."""

    def __init__(self, inner: PrinterDriver, seconds: float) -> None:
        self.inner = inner
        self.seconds = seconds

    async def print_card(self, job: CardJob, fence: Fence = no_fence) -> PrintOutcome:
        if self.seconds > 0:
            await asyncio.sleep(self.seconds)
        return await self.inner.print_card(job, fence)


class FaultyDriver:
    """Fails a share of prints, half ENCODE_FAIL and half PRINT_FAIL (tests and demos)."""

    def __init__(self, inner: PrinterDriver, rate: float, seed: int | None = None) -> None:
        self.inner = inner
        self.rate = rate
        self.rng = random.Random(seed)

    async def print_card(self, job: CardJob, fence: Fence = no_fence) -> PrintOutcome:
        draw = self.rng.random()
        if draw < self.rate:
            await fence(None, None)  # a simulated fault uses up the blank like a real one
            reason = "ENCODE_FAIL" if draw < self.rate / 2 else "PRINT_FAIL"
            return PrintOutcome(False, reason, f"simulated fault (rate {self.rate:.0%})")
        return await self.inner.print_card(job, fence)
