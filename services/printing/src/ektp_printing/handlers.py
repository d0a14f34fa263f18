"""One function per command or consumed event: load, decide (domain), save, outbox, audit.

Every function here runs inside the caller's transaction and takes the print-room lock
before it touches blanks, printers or existing jobs. A print_ready only adds a QUEUED job
with no blank, and does not take it: the print engine's next pass gives the job its place.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from nacl.public import PrivateKey
from pydantic import ValidationError

from ektp_shared import audit
from ektp_shared.auth import Principal
from ektp_shared.consumer import PermanentHandlerError
from ektp_shared.db import Connection
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    CardData,
    CentralPrintReady,
    CentralSubmitted,
    EventData,
    InventoryIssued,
    InventoryReturned,
    PrintingBlanksLow,
    PrintingBlankSpoiled,
    PrintingCardIssued,
    PrintingCardPrinted,
    PrintingJobQueued,
    PrintingPrinterStatus,
    PrintingSuketIssued,
)
from ektp_shared.lease import LeaseLost
from ektp_shared.office import current as current_office
from ektp_shared.outbox import add_event
from ektp_shared.problems import Problem
from ektp_shared.sealed_packet import CardImages, SealError, load_private_key, open_card_images

from .adapters import repository as repo
from .adapters.card_pdf import CardDataError, decode_image
from .adapters.drivers import CardJob, PrintOutcome
from .adapters.ipp import IppClient, IppError
from .adapters.suket_pdf import SuketContent, render_suket
from .config import Settings
from .domain import suket as suket_rules
from .domain.blanks import blanks_low, plan_arrival, plan_return
from .domain.dispatch import plan_dispatch
from .domain.jobs import JobStateError, check_transition
from .domain.printers import PrinterStatusError, check_status_change
from .domain.priority import PriorityRules, job_priority, queue_order

log = logging.getLogger(__name__)

PRINT_ROOM = "print-room"
LOW_FLAG = "blanks_low"


@dataclass
class Deps:
    """What the handlers need, supplied by bootstrap (tests swap in their own)."""

    settings: Settings
    # The office's date (its WIB/WITA/WIT), not the host's: the Suket's issue and validity.
    today: Callable[[], dt.date] = field(default=lambda: current_office().today())
    # Nudges the print engine after a commit that may have given it work.
    wake: Callable[[], None] = field(default=lambda: None)
    _print_room_key: PrivateKey | None = field(default=None, repr=False)

    def print_room_key(self) -> PrivateKey:
        """The private half that opens the card images; checked at start (build_app)."""
        if self._print_room_key is None:
            path = self.settings.print_room_private_key_file
            if not path.is_file():
                raise RuntimeError(f"no print room private key at {path}; run `ektp keys init`")
            self._print_room_key = load_private_key(path)
        return self._print_room_key

    def open_images(self, sealed: str) -> CardImages:
        try:
            return open_card_images(sealed, self.print_room_key())
        except (SealError, ValidationError) as exc:
            raise CardDataError(f"sealed_images: {exc}") from exc

    def card_to_print(self, row: Any) -> CardData:
        """The whole card, opened only now and only in memory, to render it."""
        if row["sealed_images"] is None:  # a job recorded before the images were sealed
            return CardData.model_validate(row["card"])
        images = self.open_images(row["sealed_images"])
        return CardData.model_validate({**row["card"], **images.model_dump()})

    @property
    def rules(self) -> PriorityRules:
        s = self.settings
        return PriorityRules(reprint=s.priority_reprint, elderly=s.priority_elderly,
                             elderly_age=s.elderly_age, first_time=s.priority_first_time)

    def cups(self) -> IppClient:
        """For cancelling a CUPS job (a SPOILED check, a successor's recovery)."""
        return IppClient(self.settings.cups_url, user=self.settings.cups_user, timeout=10.0)

    async def publish(self, conn: Connection, data: EventData) -> None:
        await add_event(conn, self.settings.topic("printing"), data,
                        source=self.settings.service_name)


# --- the dispatcher -----------------------------------------------------------------------


async def dispatch(deps: Deps, conn: Connection) -> int:
    """Give free blanks to waiting jobs and jobs to printers; warn when blanks run low."""
    await repo.lock_print_room(conn)
    # Planned over the head of the queue (as many jobs as blanks on hand) and the jobs holding
    # a blank: the thousands behind them cannot get one now, so they are only marked waiting.
    jobs, free = await repo.dispatch_candidates(conn)
    changed = plan_dispatch(jobs, free, await repo.printer_loads(conn))
    await repo.save_dispatch(conn, changed)
    capacity = len(free) + sum(1 for j in jobs if j.blank_serial is not None)
    ordered = sorted(jobs, key=lambda j: queue_order(j.priority, j.seq))
    if capacity == 0:
        await repo.wait_behind(conn, None, None)
    elif len(ordered) >= capacity:
        # The queue may go on past the head: what sorts after its last job waits.
        last = ordered[capacity - 1]
        await repo.wait_behind(conn, last.priority, last.seq)
    await check_blanks_low(deps, conn)
    return len(changed)


async def check_blanks_low(deps: Deps, conn: Connection) -> None:
    free, reserved = await repo.blanks_on_hand(conn)
    on_hand = free + reserved
    was_low = await repo.get_flag(conn, LOW_FLAG)
    decision = blanks_low(on_hand, deps.settings.blanks_low_threshold, was_low)
    if decision.now_low != was_low:  # not a write on every pass
        await repo.set_flag(conn, LOW_FLAG, decision.now_low)
    if decision.publish:
        waiting = await conn.fetchval(
            "SELECT count(*) FROM print_jobs WHERE status = 'WAITING_FOR_BLANK'"
        )
        wanted = max(0, int(waiting) + deps.settings.blanks_low_threshold - free)
        await deps.publish(conn, PrintingBlanksLow(on_hand=on_hand, wanted=wanted))


# --- consumed events ----------------------------------------------------------------------


async def on_print_ready(deps: Deps, conn: Connection, event: CloudEvent,
                         data: EventData) -> None:
    assert isinstance(data, CentralPrintReady)
    card = data.card
    if card.nik != data.nik:
        raise PermanentHandlerError(f"card data is for NIK {card.nik}, the event for {data.nik}")
    try:
        # Opened here only to check the images can be printed (in memory); kept sealed.
        images = deps.open_images(data.sealed_images)
        decode_image(images.photo_jpeg_b64, "photo_jpeg_b64")
        decode_image(images.signature_png_b64, "signature_png_b64")
    except CardDataError as exc:
        # A card without its photo cannot be printed: to the DLQ for the centre to resend.
        raise PermanentHandlerError(str(exc)) from exc
    # No print-room lock: the new job holds no blank and no printer, and nothing else moves
    # it until it is committed; the engine's next pass (within engine_poll_seconds) places
    # it. So a batch of print_ready events never holds the print room while the engine waits.
    first_time = not await repo.has_card(conn, data.nik)
    priority = job_priority(deps.rules, tanggal_lahir=card.tanggal_lahir, today=deps.today(),
                            first_time=first_time)
    job_id = str(uuid.uuid4())
    created = await repo.insert_job(
        conn, job_id=job_id, nik=data.nik, enrollment_id=data.enrollment_id, nama=card.nama,
        kode_desa=card.kode_desa, card=card.model_dump(mode="json"),
        sealed_images=data.sealed_images, priority=priority,
    )
    await repo.upsert_resident(conn, data.nik, data.enrollment_id, "PRINT_READY_RECORD")
    if not created:
        log.info("print_ready for enrollment %s already has a job", data.enrollment_id)
        return
    await _queued(deps, conn, job_id=job_id, nik=data.nik, enrollment_id=data.enrollment_id)
    await audit.record(conn, None, "print_job.create", target=data.nik,
                       detail={"job_id": job_id, "enrollment_id": data.enrollment_id,
                               "priority": priority, "ce_id": event.id})


async def _queued(deps: Deps, conn: Connection, *, job_id: str, nik: str,
                  enrollment_id: str, reprint_of: str | None = None) -> None:
    """Tell the office a job exists (the resident is SENT_FOR_CARD_PRINTING), with the job."""
    await deps.publish(conn, PrintingJobQueued(
        job_id=job_id, nik=nik, enrollment_id=enrollment_id, reprint_of=reprint_of,
        queued_at=dt.datetime.now(dt.UTC),
    ))


async def on_submitted(deps: Deps, conn: Connection, event: CloudEvent,
                       data: EventData) -> None:
    assert isinstance(data, CentralSubmitted)
    await repo.upsert_resident(conn, data.nik, data.enrollment_id, "SENT_FOR_ENROLLMENT")


async def on_blanks_issued(deps: Deps, conn: Connection, event: CloudEvent,
                           data: EventData) -> None:
    assert isinstance(data, InventoryIssued)
    if data.to != PRINT_ROOM:
        return
    await repo.lock_print_room(conn)
    arriving = plan_arrival(data.serials, await repo.blanks_known(conn, data.serials))
    await repo.add_blanks_on_hand(conn, arriving, data.reference)
    await audit.record(conn, None, "blanks.arrived", target=data.reference,
                       detail={"serials": len(arriving), "ce_id": event.id})
    await dispatch(deps, conn)


async def on_blanks_returned(deps: Deps, conn: Connection, event: CloudEvent,
                             data: EventData) -> None:
    assert isinstance(data, InventoryReturned)
    if data.returned_from != PRINT_ROOM:
        return
    await repo.lock_print_room(conn)
    plan = plan_return(data.serials, await repo.blanks_known(conn, data.serials))
    await repo.release_jobs(conn, plan.jobs_released)
    await repo.return_blanks(conn, plan.returned)
    if plan.refused:
        # The store says these left, but they are printed or in a printer: flag for a count.
        log.warning("return %s names serials the print room cannot give back: %s",
                    data.reference, plan.refused)
    await audit.record(conn, None, "blanks.returned", target=data.reference,
                       detail={"returned": len(plan.returned), "jobs_released":
                               plan.jobs_released, "refused": plan.refused, "ce_id": event.id})
    await dispatch(deps, conn)


# --- printers -----------------------------------------------------------------------------


async def register_printer(deps: Deps, conn: Connection, principal: Principal, *, name: str,
                           model: str, driver: str, location: str, queue: str | None,
                           status: str, reason: str) -> str:
    await repo.lock_print_room(conn)
    if await conn.fetchval("SELECT id FROM printers WHERE name = $1", name):
        raise Problem(409, "Printer exists", f"A printer named {name!r} is already registered.",
                      type="printer-exists", field="name")
    printer_id = f"prn-{uuid.uuid4().hex[:10]}"
    await conn.execute(
        """INSERT INTO printers (id, name, model, driver, location, queue, status, status_reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""",
        printer_id, name, model, driver, location, queue, status, reason,
    )
    await repo.add_history(conn, printer_id, "REGISTERED", to_status=status, reason=reason,
                           actor=principal.user)
    await deps.publish(conn, PrintingPrinterStatus(printer_id=printer_id, status=status,
                                                   reason=reason or "registered"))
    await audit.record(conn, principal, "printer.register", target=printer_id,
                       detail={"name": name, "driver": driver, "status": status})
    await dispatch(deps, conn)
    return printer_id


async def change_printer_status(deps: Deps, conn: Connection, principal: Principal,
                                printer_id: str, status: str, reason: str) -> int:
    """Returns how many queued jobs moved to other printers."""
    await repo.lock_print_room(conn)
    row = await repo.printer_row(conn, printer_id, for_update=True)
    if row is None:
        raise Problem(404, "Not found", f"No printer {printer_id}.", type="printer-not-found")
    try:
        check_status_change(row["name"], row["status"], status)
    except PrinterStatusError as exc:
        raise Problem(409, "Status change refused", str(exc), type="printer-status",
                      field="status") from exc
    await conn.execute(
        """UPDATE printers SET status = $2, status_reason = $3, status_changed_at = now()
           WHERE id = $1""",
        printer_id, status, reason,
    )
    await repo.add_history(conn, printer_id, "STATUS", from_status=row["status"],
                           to_status=status, reason=reason, actor=principal.user)
    moved = 0 if status == "ONLINE" else await repo.release_printer_jobs(conn, printer_id)
    await deps.publish(conn, PrintingPrinterStatus(printer_id=printer_id, status=status,
                                                   reason=reason))
    await audit.record(conn, principal, "printer.status", target=printer_id,
                       detail={"from": row["status"], "to": status, "reason": reason,
                               "jobs_moved": moved})
    await dispatch(deps, conn)
    return moved


# --- the print engine's steps ---------------------------------------------------------------
# The engine runs each of these in a transaction that has checked its lease (token) first.


async def claim_next(deps: Deps, conn: Connection, printer_id: str,
                     token: int | None = None) -> CardJob | None:
    """The printer's next job goes PRINTING under the engine's token (committed before the
    print starts)."""
    await repo.lock_print_room(conn)
    printer = await repo.printer_row(conn, printer_id)
    if printer is None or printer["status"] != "ONLINE":
        return None
    if printer_id in await repo.printers_busy(conn):
        return None
    row = await repo.next_job_for(conn, printer_id)
    if row is None:
        return None
    check_transition(row["id"], row["status"], "PRINTING")
    await repo.set_job_status(conn, row["id"], "PRINTING", started_at=dt.datetime.now(dt.UTC),
                              engine_token=token, cups_queue=None, cups_job_id=None)
    return CardJob(
        job_id=row["id"], printer_id=printer_id, card=deps.card_to_print(row),
        blank_serial=row["blank_serial"], issue_date=deps.today(), queue=row["queue"],
    )


async def confirm_print(conn: Connection, job_id: str, token: int | None, queue: str | None,
                        cups_job_id: int | None) -> None:
    """The last step before the card goes to the printer: the job is still this tenure's
    PRINTING job, and its CUPS job is written down so that it can be cancelled."""
    await repo.lock_print_room(conn)
    updated = await conn.fetchval(
        """UPDATE print_jobs SET cups_queue = $3, cups_job_id = $4, updated_at = now()
           WHERE id = $1 AND status = 'PRINTING' AND engine_token IS NOT DISTINCT FROM $2
           RETURNING true""",
        job_id, token, queue, cups_job_id,
    )
    if not updated:
        raise LeaseLost(f"print job {job_id} is no longer this engine's to print")


async def record_outcome(deps: Deps, conn: Connection, job_id: str, outcome: PrintOutcome,
                         token: int | None = None) -> None:
    await repo.lock_print_room(conn)
    row = await repo.job_row(conn, job_id, for_update=True)
    if row is None or row["status"] != "PRINTING" or row["engine_token"] != token:
        # A successor took the job over (NEEDS_CHECK) or an operator settled it.
        log.warning("print outcome for job %s ignored: it is %s", job_id,
                    row["status"] if row else "gone")
        return
    paths = {
        "pdf_path": str(outcome.pdf_path) if outcome.pdf_path else None,
        "preview_path": str(outcome.preview_path) if outcome.preview_path else None,
    }
    if outcome.needs_check:
        await repo.set_job_status(conn, row["id"], "NEEDS_CHECK", detail=outcome.detail,
                                  **{k: v for k, v in paths.items() if v is not None})
        await audit.record(conn, None, "print_job.needs_check", target=row["nik"],
                           detail={"job_id": row["id"], "blank_serial": row["blank_serial"]})
    elif outcome.ok:
        await _printed(deps, conn, row, None, detail=outcome.detail, **paths)
    else:
        await _spoiled(deps, conn, row, None, outcome.reason or "PRINT_FAIL", outcome.detail,
                       **paths)
    # No dispatch here: the engine's next tick (woken right after) does it once for all.


async def _printed(deps: Deps, conn: Connection, row: Any, principal: Principal | None,
                   detail: str = "", **columns: Any) -> None:
    now = dt.datetime.now(dt.UTC)
    check_transition(row["id"], row["status"], "PRINTED")
    await repo.set_job_status(conn, row["id"], "PRINTED", finished_at=now, detail=detail,
                              **{k: v for k, v in columns.items() if v is not None})
    await repo.end_blank(conn, row["blank_serial"], "USED")
    await repo.add_history(conn, row["printer_id"], "PRINTED", job_id=row["id"],
                           actor=principal.user if principal else "system")
    await deps.publish(conn, PrintingCardPrinted(
        job_id=row["id"], nik=row["nik"], blank_serial=row["blank_serial"],
        printer_id=row["printer_id"], printed_at=now,
    ))
    await audit.record(conn, principal, "print_job.printed", target=row["nik"],
                       detail={"job_id": row["id"], "blank_serial": row["blank_serial"]})


async def _spoiled(deps: Deps, conn: Connection, row: Any, principal: Principal | None,
                   reason: str, detail: str = "", **columns: Any) -> str:
    check_transition(row["id"], row["status"], "SPOILED")
    await repo.set_job_status(conn, row["id"], "SPOILED", finished_at=dt.datetime.now(dt.UTC),
                              spoil_reason=reason, detail=detail,
                              **{k: v for k, v in columns.items() if v is not None})
    await repo.end_blank(conn, row["blank_serial"], "SPOILED")
    await repo.add_history(conn, row["printer_id"], "SPOILED", job_id=row["id"], reason=reason,
                           actor=principal.user if principal else "system")
    await deps.publish(conn, PrintingBlankSpoiled(
        job_id=row["id"], blank_serial=row["blank_serial"], reason=reason,
        nik=row["nik"], printer_id=row["printer_id"],
    ))
    reprint_id = str(uuid.uuid4())
    priority = row["priority"] if row["reprint_of"] else row["priority"] + deps.rules.reprint
    if await repo.insert_job(
        conn, job_id=reprint_id, nik=row["nik"], enrollment_id=row["enrollment_id"],
        nama=row["nama"], kode_desa=row["kode_desa"], card=row["card"],
        sealed_images=row["sealed_images"], priority=priority, reprint_of=row["id"],
    ):
        await _queued(deps, conn, job_id=reprint_id, nik=row["nik"],
                      enrollment_id=row["enrollment_id"], reprint_of=row["id"])
    await audit.record(conn, principal, "print_job.spoiled", target=row["nik"],
                       detail={"job_id": row["id"], "blank_serial": row["blank_serial"],
                               "reason": reason, "reprint_job_id": reprint_id})
    return reprint_id


async def recover_after_crash(deps: Deps, conn: Connection,
                              token: int | None) -> list[asyncpg.Record]:
    """Jobs left PRINTING by an earlier engine tenure (a dead, paused or cut-off process):
    nobody knows if the card came out. Returns them; the engine cancels their CUPS jobs."""
    await repo.lock_print_room(conn)
    stuck = [r for r in await repo.jobs_printing(conn) if r["engine_token"] != token]
    for row in stuck:
        await repo.set_job_status(conn, row["id"], "NEEDS_CHECK",
                                  detail="the print engine changed hands during this print")
        await audit.record(conn, None, "print_job.needs_check", target=row["nik"],
                           detail={"job_id": row["id"], "blank_serial": row["blank_serial"],
                                   "cups_job_id": row["cups_job_id"]})
    return stuck


async def cancel_cups_job(deps: Deps, queue: str | None, cups_job_id: int | None) -> bool:
    """Cancel a print's CUPS job so it can never come out later. True when cupsd cancelled
    it now; False when there was nothing to cancel. IppError when cupsd cannot be reached."""
    if queue is None or cups_job_id is None:
        return False
    return await deps.cups().cancel_job(queue, cups_job_id)


async def resolve_check(deps: Deps, conn: Connection, principal: Principal, job_id: str,
                        outcome: str, reason: str, note: str) -> None:
    await repo.lock_print_room(conn)
    row = await repo.job_row(conn, job_id, for_update=True)
    if row is None:
        raise Problem(404, "Not found", f"No print job {job_id}.", type="job-not-found")
    if row["status"] != "NEEDS_CHECK":
        raise Problem(409, "Nothing to check",
                      f"Print job {job_id} is {row['status']}, not NEEDS_CHECK.",
                      type="job-state")
    if outcome == "PRINTED":
        await _printed(deps, conn, row, principal, detail=note or "checked: card came out good")
    else:
        # A spoiled blank must stay spoiled: its CUPS job, if still queued, must never print.
        try:
            await cancel_cups_job(deps, row["cups_queue"], row["cups_job_id"])
        except IppError as exc:
            raise Problem(503, "Print server unreachable",
                          f"CUPS job {row['cups_queue']}-{row['cups_job_id']} of this card "
                          "could not be cancelled, so it could still print on this blank. Try"
                          f" again when the print server answers ({exc}).",
                          type="cups-unreachable") from exc
        await _spoiled(deps, conn, row, principal, reason, note or "checked: card spoiled")
    await dispatch(deps, conn)


# --- handover and Suket -------------------------------------------------------------------


async def handover(deps: Deps, conn: Connection, principal: Principal, nik: str,
                   handed_to: str, relationship: str | None) -> dict[str, Any]:
    await repo.lock_print_room(conn)
    row = await conn.fetchrow(
        """SELECT * FROM print_jobs WHERE nik = $1 AND status IN ('PRINTED', 'ISSUED')
           ORDER BY (status = 'PRINTED') DESC, seq DESC LIMIT 1 FOR UPDATE""",
        nik,
    )
    await audit.record(conn, principal, "card.lookup", target=nik)
    if row is None:
        raise Problem(404, "No card to hand over",
                      f"There is no printed e-KTP for NIK {nik} in the print room.",
                      type="card-not-ready")
    try:
        check_transition(row["id"], row["status"], "ISSUED")
    except JobStateError:
        raise Problem(409, "Card already handed over",
                      f"The e-KTP of NIK {nik} (blangko {row['blank_serial']}) was handed to "
                      f"{row['handed_to']} on {row['issued_at']:%d-%m-%Y}.",
                      type="card-already-issued") from None
    now = dt.datetime.now(dt.UTC)
    await repo.set_job_status(conn, row["id"], "ISSUED", issued_at=now, handed_to=handed_to,
                              relationship=relationship, issued_by=principal.user)
    await deps.publish(conn, PrintingCardIssued(
        nik=nik, blank_serial=row["blank_serial"], handed_to=handed_to,
        relationship=relationship, officer=principal.user,
    ))
    # The card is in the resident's hands: a Suket standing in for it is no longer valid.
    revoked = await repo.revoke_sukets(conn, nik, f"e-KTP diserahkan ({row['blank_serial']})")
    await audit.record(conn, principal, "card.handover", target=nik,
                       detail={"job_id": row["id"], "blank_serial": row["blank_serial"],
                               "handed_to": handed_to, "relationship": relationship,
                               "sukets_revoked": revoked})
    return {"nik": nik, "job_id": row["id"], "blank_serial": row["blank_serial"],
            "handed_to": handed_to, "relationship": relationship, "officer": principal.user,
            "issued_at": now.isoformat(), "status": "ISSUED"}


async def issue_suket(deps: Deps, conn: Connection, principal: Principal, nik: str,
                      nama: str | None) -> dict[str, Any]:
    s = deps.settings
    await repo.lock_print_room(conn)
    await audit.record(conn, principal, "suket.lookup", target=nik)
    try:
        suket_rules.check_eligible(nik, await repo.resident_status(conn, nik),
                                   await repo.latest_card_status(conn, nik))
    except suket_rules.SuketRefused as exc:
        raise Problem(409, "Suket refused", str(exc), type="suket-refused") from exc
    card = await repo.latest_card_data(conn, nik)
    name = (card or {}).get("nama") or nama
    if not name:
        raise Problem(422, "Invalid request",
                      f"nama: the print room has no card data for NIK {nik} yet; type the"
                      " name as written on the Kartu Keluarga.", type="validation-error",
                      errors=[{"field": "nama", "message": "required for this resident"}])
    issued = deps.today()
    number = suket_rules.suket_number(s.office.kode, issued, await repo.next_suket_seq(conn),
                                      suket_rules.check_code())
    until = suket_rules.valid_until(issued)
    content = SuketContent(
        number=number, nik=nik, nama=name, tempat_lahir=(card or {}).get("tempat_lahir", "-"),
        tanggal_lahir=dt.date.fromisoformat(card["tanggal_lahir"]) if card else None,
        alamat=(card or {}).get("alamat", ""), issued_on=issued, valid_until=until,
        issued_by=principal.user,
        verify_url=f"{s.public_url.rstrip('/')}/suket/verify/{number}",
        kabupaten=s.office.nama, issue_place=s.issue_place,
    )
    pdf = await asyncio.to_thread(render_suket, content)
    folder = s.spool_dir / "suket"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{number}.pdf"
    await asyncio.to_thread(path.write_bytes, pdf)
    await repo.insert_suket(conn, number=number, nik=nik, nama=name, issued_on=issued,
                            valid_until=until, issued_by=principal.user, pdf_path=str(path))
    await deps.publish(conn, PrintingSuketIssued(nik=nik, suket_number=number,
                                                 valid_until=until))
    await audit.record(conn, principal, "suket.issue", target=nik,
                       detail={"number": number, "valid_until": until.isoformat()})
    return {"number": number, "nik": nik, "nama": name, "issued_on": issued.isoformat(),
            "valid_until": until.isoformat(), "verify_url": content.verify_url,
            "pdf_url": f"/suket/{number}/pdf"}
