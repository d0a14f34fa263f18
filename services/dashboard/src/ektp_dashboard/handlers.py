"""One handler per consumed event: load, call the domain, save, all in the inbox transaction.

The dashboard produces nothing (DESIGN.md section 2), so there is no outbox here; each
handler keeps the per-desa and per-day counters equal to what the residents' rows say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any
from zoneinfo import ZoneInfo

from ektp_shared.consumer import Handler
from ektp_shared.db import Connection
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    CentralDuplicate,
    CentralFailed,
    CentralPrintReady,
    CentralRosterEntry,
    CentralSubmitted,
    EnrollmentFieldChecked,
    EnrollmentRecorded,
    EventData,
    InventoryAdjusted,
    InventoryDestroyed,
    InventoryIssued,
    InventoryReceived,
    InventoryReturned,
    InventoryStockLow,
    PrintingBlanksLow,
    PrintingBlankSpoiled,
    PrintingCardIssued,
    PrintingCardPrinted,
    PrintingJobQueued,
    PrintingPrinterStatus,
    PrintingSuketIssued,
)
from ektp_shared.wilayah import normalise_desa_code

from .adapters import repository as repo
from .config import Settings
from .domain import blanks, timeline
from .domain import resident as res
from .domain.resident import Resident, contributions

# Milestones counted per office day, for the daily rates and the forecast.
DAILY = ("recorded", "sent", "print_ready", "duplicate", "failed", "printed", "issued")


def _utc(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


class EventHandlers:
    def __init__(self, settings: Settings, *, timezone: str | None = None) -> None:
        self.settings = settings
        # The provincial dashboard counts each kabupaten's days in that kabupaten's zone.
        self.tz = ZoneInfo(timezone or settings.office_timezone)

    def table(self) -> dict[str, Handler]:
        return {
            CentralRosterEntry.ce_type(): self.roster_entry,
            EnrollmentRecorded.ce_type(): self.recorded,
            EnrollmentFieldChecked.ce_type(): self.field_checked,
            CentralSubmitted.ce_type(): self.submitted,
            CentralPrintReady.ce_type(): self.print_ready,
            CentralDuplicate.ce_type(): self.duplicate,
            CentralFailed.ce_type(): self.failed,
            PrintingJobQueued.ce_type(): self.job_queued,
            PrintingCardPrinted.ce_type(): self.card_printed,
            PrintingBlankSpoiled.ce_type(): self.blank_spoiled,
            PrintingCardIssued.ce_type(): self.card_issued,
            PrintingSuketIssued.ce_type(): self.suket_issued,
            PrintingPrinterStatus.ce_type(): self.printer_status,
            PrintingBlanksLow.ce_type(): self.blanks_low,
            InventoryReceived.ce_type(): self.blanks_received,
            InventoryIssued.ce_type(): self.blanks_issued,
            InventoryReturned.ce_type(): self.blanks_returned,
            InventoryDestroyed.ce_type(): self.blanks_destroyed,
            InventoryAdjusted.ce_type(): self.blanks_adjusted,
            InventoryStockLow.ce_type(): self.stock_low,
        }

    # --- the resident's steps ---------------------------------------------------------

    async def _resident(
        self, conn: Connection, event: CloudEvent, nik: str, at: dt.datetime,
        change: Callable[[Resident], Resident], detail: Mapping[str, Any],
    ) -> None:
        at = _utc(at)
        old = await repo.load_resident(conn, nik)
        before = old or Resident(nik=nik)
        after = change(before)
        was = contributions(before) if old is not None else frozenset()
        now = contributions(after)
        if old is not None and old.kode_desa != after.kode_desa:
            # The resident's desa became known (or changed): move all it counted.
            await repo.bump_region(conn, old.kode_desa, {m: -1 for m in was})
            await repo.bump_region(conn, after.kode_desa, {m: 1 for m in now})
        else:
            deltas = {m: 1 for m in now - was} | {m: -1 for m in was - now}
            await repo.bump_region(conn, after.kode_desa, deltas)
        await repo.save_resident(conn, after, now)
        kind = event.type.removeprefix("id.go.dukcapil.ektp.").removesuffix(".v1")
        status = timeline.step_status(kind, str(detail.get("outcome", "")), after.status)
        await repo.add_step(conn, nik, at, kind, status, event.id, detail)
        day = at.astimezone(self.tz).date()
        for milestone in sorted(after.milestones - before.milestones):
            if milestone in DAILY:
                await repo.bump_daily(conn, day, milestone)
        await repo.touch_feed(conn, at)

    async def roster_entry(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, CentralRosterEntry)
        desa = normalise_desa_code(data.kode_desa)
        await self._resident(
            conn, event, data.nik, event.time,
            lambda r: res.roster_entry(r, nama=data.nama, kode_desa=desa, at=_utc(event.time)),
            {"kode_desa": desa},
        )

    async def recorded(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, EnrollmentRecorded)
        desa = normalise_desa_code(data.kode_desa)
        at = _utc(data.recorded_at)
        await self._resident(
            conn, event, data.nik, at,
            lambda r: res.recorded(r, enrollment_id=data.enrollment_id,
                                   nama=data.demographics.nama, kode_desa=desa, at=at),
            {"enrollment_id": data.enrollment_id, "recorded_by": data.recorded_by,
             "kode_desa": desa},
        )

    async def field_checked(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, EnrollmentFieldChecked)
        at = _utc(data.checked_at)
        desa = normalise_desa_code(data.kode_desa) if data.kode_desa else None
        await self._resident(
            conn, event, data.nik, at,
            lambda r: res.field_checked(r, outcome=data.outcome, kode_desa=desa, at=at),
            {"outcome": data.outcome, "officer": data.officer, "note": data.note},
        )

    async def submitted(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, CentralSubmitted)
        at = _utc(data.submitted_at)
        await self._resident(
            conn, event, data.nik, at,
            lambda r: res.submitted(r, enrollment_id=data.enrollment_id, at=at),
            {"enrollment_id": data.enrollment_id},
        )

    async def _verdict(
        self, conn: Connection, event: CloudEvent, nik: str, status: str,
        detail: dict[str, Any],
    ) -> None:
        at = _utc(event.time)
        await self._resident(conn, event, nik, at,
                             lambda r: res.verdict(r, status=status, at=at), detail)

    async def print_ready(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, CentralPrintReady)
        # The card's photo and signature stay out of the read model: nobody here needs them.
        await self._verdict(conn, event, data.nik, res.PRINT_READY_RECORD,
                            {"enrollment_id": data.enrollment_id})

    async def duplicate(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, CentralDuplicate)
        await self._verdict(conn, event, data.nik, res.DUPLICATE_RECORD,
                            {"enrollment_id": data.enrollment_id,
                             "duplicate_of": data.duplicate_of})

    async def failed(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, CentralFailed)
        await self._verdict(conn, event, data.nik, res.ENROLL_FAILURE,
                            {"enrollment_id": data.enrollment_id, "reason": data.reason,
                             "retryable": data.retryable})

    async def job_queued(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, PrintingJobQueued)
        at = _utc(data.queued_at)
        await self._resident(
            conn, event, data.nik, at,
            lambda r: res.job_queued(r, enrollment_id=data.enrollment_id, at=at),
            {"job_id": data.job_id, "enrollment_id": data.enrollment_id,
             "reprint_of": data.reprint_of},
        )

    async def card_printed(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, PrintingCardPrinted)
        at = _utc(data.printed_at or event.time)
        await self._resident(conn, event, data.nik, at, lambda r: res.printed(r, at=at),
                             {"blank_serial": data.blank_serial, "printer_id": data.printer_id,
                              "job_id": data.job_id})
        await self._move_blanks(conn, [data.blank_serial], "USED")
        await repo.count_print(conn, data.printer_id, at, spoiled=False)

    async def blank_spoiled(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, PrintingBlankSpoiled)
        at = _utc(event.time)
        if data.nik:
            await self._resident(conn, event, data.nik, at,
                                 lambda r: res.spoiled(r, at=at),
                                 {"blank_serial": data.blank_serial, "reason": data.reason,
                                  "printer_id": data.printer_id, "job_id": data.job_id})
        else:
            await repo.touch_feed(conn, at)
        await self._move_blanks(conn, [data.blank_serial], "SPOILED")
        if data.printer_id:
            await repo.count_print(conn, data.printer_id, at, spoiled=True)

    async def card_issued(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, PrintingCardIssued)
        at = _utc(event.time)
        await self._resident(conn, event, data.nik, at, lambda r: res.issued(r, at=at),
                             {"blank_serial": data.blank_serial, "handed_to": data.handed_to,
                              "relationship": data.relationship, "officer": data.officer})

    async def suket_issued(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, PrintingSuketIssued)
        at = _utc(event.time)
        await self._resident(conn, event, data.nik, at,
                             lambda r: res.suket_issued(r, at=at),
                             {"suket_number": data.suket_number,
                              "valid_until": data.valid_until.isoformat()})

    # --- printers and blanks ----------------------------------------------------------

    async def printer_status(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, PrintingPrinterStatus)
        at = _utc(event.time)
        await repo.set_printer_status(conn, data.printer_id, data.status, data.reason, at)
        await repo.touch_feed(conn, at)

    async def _move_blanks(
        self, conn: Connection, serials: list[str], target: str, *, explicit: bool = False
    ) -> None:
        current = await repo.blank_states(conn, serials)
        new: dict[str, str] = {}
        deltas: dict[str, int] = {}
        for serial in dict.fromkeys(serials):
            was = current.get(serial)
            state = blanks.next_state(was, target, explicit=explicit)
            if state == was:
                continue
            new[serial] = state
            deltas[state] = deltas.get(state, 0) + 1
            if was is not None:
                deltas[was] = deltas.get(was, 0) - 1
        await repo.set_blank_states(conn, new)
        await repo.bump_blanks(conn, deltas)

    async def _blanks(
        self, conn: Connection, event: CloudEvent, serials: list[str], target: str,
        *, explicit: bool = False,
    ) -> None:
        await self._move_blanks(conn, serials, target, explicit=explicit)
        await repo.touch_feed(conn, _utc(event.time))

    async def blanks_received(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, InventoryReceived)
        await self._blanks(conn, event, data.serials, "IN_STORE")

    async def blanks_issued(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, InventoryIssued)
        await self._blanks(conn, event, data.serials, "ISSUED")

    async def blanks_returned(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, InventoryReturned)
        await self._blanks(conn, event, data.serials, blanks.after_return(data.returned_to),
                           explicit=True)

    async def blanks_destroyed(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, InventoryDestroyed)
        await self._blanks(conn, event, data.serials, "DESTROYED")

    async def blanks_adjusted(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, InventoryAdjusted)
        await self._blanks(conn, event, data.serials, data.to_state, explicit=True)

    # --- warnings ---------------------------------------------------------------------

    async def blanks_low(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, PrintingBlanksLow)
        at = _utc(event.time)
        await repo.set_alert(conn, "blanks_low", at,
                             {"on_hand": data.on_hand, "wanted": data.wanted})
        await repo.touch_feed(conn, at)

    async def stock_low(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, InventoryStockLow)
        at = _utc(event.time)
        await repo.set_alert(conn, "stock_low", at, {
            "in_store": data.in_store, "backlog_awaiting_print": data.backlog_awaiting_print,
            "projected_shortfall": data.projected_shortfall,
            "days_of_stock": data.days_of_stock,
        })
        await repo.touch_feed(conn, at)
