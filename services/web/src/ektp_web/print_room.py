"""The print room's calls to printing, each through its generated client with the signed-in
clerk's own token: printing decides, as for any client, what the clerk may do."""

from __future__ import annotations

from ektp_client_printing.api.handover import handover as handover_call
from ektp_client_printing.api.print_jobs import check_job, get_job, job_preview, list_jobs
from ektp_client_printing.api.printers import change_status, get_printer, list_printers
from ektp_client_printing.api.suket import issue_suket, suket_pdf
from ektp_client_printing.models import (
    CheckIn,
    Handover,
    HandoverIn,
    Printer,
    PrinterDetail,
    PrintJob,
    PrintJobDetail,
    StatusChanged,
    StatusIn,
    SuketIn,
    SuketIssued,
)
from ektp_client_printing.models.check_in_outcome import CheckInOutcome
from ektp_client_printing.models.status_in_status import StatusInStatus
from ektp_client_printing.types import UNSET

from .adapters import services
from .adapters.sessions import WebSession
from .config import Settings

# The open jobs, in the order the print room works them (printing lists by priority, then
# first come first served).
QUEUE_STATUSES = ("PRINTING", "NEEDS_CHECK", "QUEUED", "WAITING_FOR_BLANK")
PRINTER_STATUSES: tuple[StatusInStatus, ...] = ("ONLINE", "OFFLINE", "BROKEN", "IN_REPAIR")
CHECK_OUTCOMES: tuple[CheckInOutcome, ...] = ("PRINTED", "SPOILED")


def _client(settings: Settings, session: WebSession) -> services.PrintingClient:
    return services.printing(settings, session.access_token)


async def queue(settings: Settings, session: WebSession) -> list[PrintJob]:
    jobs = await services.answer("printing", list_jobs.asyncio_detailed(
        client=_client(settings, session), limit=500))
    return [j for j in jobs if j.status in QUEUE_STATUSES]


async def jobs_of(settings: Settings, session: WebSession, nik: str) -> list[PrintJob]:
    return await services.answer("printing", list_jobs.asyncio_detailed(
        client=_client(settings, session), nik=nik))


async def job(settings: Settings, session: WebSession, job_id: str) -> PrintJobDetail:
    return await services.answer("printing", get_job.asyncio_detailed(
        job_id, client=_client(settings, session)))


async def preview(settings: Settings, session: WebSession, job_id: str) -> bytes:
    file = await services.answer("printing", job_preview.asyncio_detailed(
        job_id, client=_client(settings, session)))
    return file.payload.read()


async def check(settings: Settings, session: WebSession, job_id: str,
                outcome: CheckInOutcome, note: str) -> PrintJobDetail:
    return await services.answer("printing", check_job.asyncio_detailed(
        job_id, client=_client(settings, session), body=CheckIn(outcome=outcome, note=note)))


async def printers(settings: Settings, session: WebSession) -> list[Printer]:
    return await services.answer("printing", list_printers.asyncio_detailed(
        client=_client(settings, session)))


async def printer(settings: Settings, session: WebSession, printer_id: str) -> PrinterDetail:
    return await services.answer("printing", get_printer.asyncio_detailed(
        printer_id, client=_client(settings, session)))


async def set_printer_status(settings: Settings, session: WebSession, printer_id: str,
                             status: StatusInStatus, reason: str) -> StatusChanged:
    return await services.answer("printing", change_status.asyncio_detailed(
        printer_id, client=_client(settings, session),
        body=StatusIn(status=status, reason=reason)))


async def hand_over(settings: Settings, session: WebSession, nik: str, handed_to: str,
                    relationship: str, key: str | None) -> Handover:
    return await services.answer("printing", handover_call.asyncio_detailed(
        nik, client=_client(settings, session),
        body=HandoverIn(handed_to=handed_to, relationship=relationship or None),
        idempotency_key=key or UNSET))


async def suket(settings: Settings, session: WebSession, nik: str, nama: str,
                key: str | None) -> SuketIssued:
    return await services.answer("printing", issue_suket.asyncio_detailed(
        client=_client(settings, session), body=SuketIn(nik=nik, nama=nama or UNSET),
        idempotency_key=key or UNSET))


async def suket_document(settings: Settings, session: WebSession, number: str) -> bytes:
    file = await services.answer("printing", suket_pdf.asyncio_detailed(
        number, client=_client(settings, session)))
    return file.payload.read()
