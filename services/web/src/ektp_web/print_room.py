"""The print room's calls to printing, each through its generated client with the signed-in
clerk's own token: printing decides, as for any client, what the clerk may do."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .adapters import services
from .adapters.sessions import WebSession
from .config import Settings

# The client is imported when a screen calls printing, not when the app is built: its
# Literal types equal printing's own (same values, another order), and pydantic's schema
# cache would hand one's order to the other when both live in one process (the OpenAPI
# export builds every service's app in one process: tests/test_openapi.py).
if TYPE_CHECKING:
    from ektp_client_printing.models import (
        Handover,
        Printer,
        PrinterDetail,
        PrintJob,
        PrintJobDetail,
        StatusChanged,
        SuketIssued,
    )

StatusInStatus = Literal["ONLINE", "OFFLINE", "BROKEN", "IN_REPAIR"]
CheckInOutcome = Literal["PRINTED", "SPOILED"]
# The open jobs (printing lists them by priority, then first come first served).
QUEUE_STATUSES = ("PRINTING", "NEEDS_CHECK", "QUEUED", "WAITING_FOR_BLANK")
PRINTER_STATUSES: tuple[StatusInStatus, ...] = ("ONLINE", "OFFLINE", "BROKEN", "IN_REPAIR")
CHECK_OUTCOMES: tuple[CheckInOutcome, ...] = ("PRINTED", "SPOILED")


def _client(settings: Settings, session: WebSession) -> services.PrintingClient:
    return services.printing(settings, session.access_token)


async def queue(settings: Settings, session: WebSession) -> list[PrintJob]:
    from ektp_client_printing.api.print_jobs import list_jobs

    jobs = await services.answer("printing", list_jobs.asyncio_detailed(
        client=_client(settings, session), limit=500))
    return [j for j in jobs if j.status in QUEUE_STATUSES]


async def jobs_of(settings: Settings, session: WebSession, nik: str) -> list[PrintJob]:
    from ektp_client_printing.api.print_jobs import list_jobs

    return await services.answer("printing", list_jobs.asyncio_detailed(
        client=_client(settings, session), nik=nik))


async def job(settings: Settings, session: WebSession, job_id: str) -> PrintJobDetail:
    from ektp_client_printing.api.print_jobs import get_job

    return await services.answer("printing", get_job.asyncio_detailed(
        job_id, client=_client(settings, session)))


async def preview(settings: Settings, session: WebSession, job_id: str) -> bytes:
    from ektp_client_printing.api.print_jobs import job_preview

    file = await services.answer("printing", job_preview.asyncio_detailed(
        job_id, client=_client(settings, session)))
    return file.payload.read()


async def check(settings: Settings, session: WebSession, job_id: str,
                outcome: CheckInOutcome, note: str) -> PrintJobDetail:
    from ektp_client_printing.api.print_jobs import check_job
    from ektp_client_printing.models import CheckIn

    return await services.answer("printing", check_job.asyncio_detailed(
        job_id, client=_client(settings, session), body=CheckIn(outcome=outcome, note=note)))


async def printers(settings: Settings, session: WebSession) -> list[Printer]:
    from ektp_client_printing.api.printers import list_printers

    return await services.answer("printing", list_printers.asyncio_detailed(
        client=_client(settings, session)))


async def printer(settings: Settings, session: WebSession, printer_id: str) -> PrinterDetail:
    from ektp_client_printing.api.printers import get_printer

    return await services.answer("printing", get_printer.asyncio_detailed(
        printer_id, client=_client(settings, session)))


async def set_printer_status(settings: Settings, session: WebSession, printer_id: str,
                             status: StatusInStatus, reason: str) -> StatusChanged:
    from ektp_client_printing.api.printers import change_status
    from ektp_client_printing.models import StatusIn

    return await services.answer("printing", change_status.asyncio_detailed(
        printer_id, client=_client(settings, session),
        body=StatusIn(status=status, reason=reason)))


async def hand_over(settings: Settings, session: WebSession, nik: str, handed_to: str,
                    relationship: str, key: str | None) -> Handover:
    from ektp_client_printing.api.handover import handover
    from ektp_client_printing.models import HandoverIn
    from ektp_client_printing.types import UNSET

    return await services.answer("printing", handover.asyncio_detailed(
        nik, client=_client(settings, session),
        body=HandoverIn(handed_to=handed_to, relationship=relationship or None),
        idempotency_key=key or UNSET))


async def suket(settings: Settings, session: WebSession, nik: str, nama: str,
                key: str | None) -> SuketIssued:
    from ektp_client_printing.api.suket import issue_suket
    from ektp_client_printing.models import SuketIn
    from ektp_client_printing.types import UNSET

    return await services.answer("printing", issue_suket.asyncio_detailed(
        client=_client(settings, session), body=SuketIn(nik=nik, nama=nama or UNSET),
        idempotency_key=key or UNSET))


async def suket_document(settings: Settings, session: WebSession, number: str) -> bytes:
    from ektp_client_printing.api.suket import suket_pdf

    file = await services.answer("printing", suket_pdf.asyncio_detailed(
        number, client=_client(settings, session)))
    return file.payload.read()
