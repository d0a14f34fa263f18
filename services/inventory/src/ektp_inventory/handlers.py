"""One function per command or consumed event: load, ask the domain, save, outbox, audit,
all on the caller's connection inside one transaction."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from ektp_shared import audit
from ektp_shared.auth import Principal
from ektp_shared.db import Connection
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    CentralPrintReady,
    EventData,
    InventoryAdjusted,
    InventoryDestroyed,
    InventoryIssued,
    InventoryReceived,
    InventoryReturned,
    InventoryStockLow,
    PrintingBlanksLow,
    PrintingBlankSpoiled,
    PrintingCardPrinted,
)
from ektp_shared.outbox import add_event
from ektp_shared.problems import Problem

from .adapters import repository as repo
from .config import Settings
from .domain import projection, reconciliation, stock_count
from .domain.ledger import (
    COUNTABLE_LOCATIONS,
    LOCATION,
    Kind,
    Plan,
    State,
    invariant_holds,
    plan,
)

log = logging.getLogger(__name__)

LIST_LIMIT = 200  # serials named in one problem document; the count says how many in all


def new_reference(prefix: str) -> str:
    return f"{prefix}-{dt.datetime.now(dt.UTC):%Y%m%d}-{uuid.uuid4().hex[:8].upper()}"


def refused_problem(p: Plan, what: str) -> Problem:
    listed = [
        {"serial": r.serial, "state": str(r.state) if r.state else None, "reason": r.reason}
        for r in p.refused[:LIST_LIMIT]
    ]
    return Problem(
        409, "Serials in the wrong state",
        f"{len(p.refused)} serial(s) cannot be {what}; nothing was changed. Correct the list "
        f"and try again. First: {listed[0]['serial']}: {listed[0]['reason']}.",
        type="serials-wrong-state", serials=listed, count=len(p.refused),
    )


async def publish_in_chunks(
    conn: Connection, settings: Settings, serials: Sequence[str],
    make: Callable[[list[str]], EventData],
) -> None:
    """Large batches go out as several events with the same reference (same key, so in
    order): a 7,000-serial receipt must not exceed Kafka's message size."""
    size = max(1, settings.event_chunk_size)
    for i in range(0, len(serials), size):
        await add_event(
            conn, settings.topic("inventory"), make(list(serials[i:i + size])),
            source=settings.service_name,
        )


async def _reference_free(conn: Connection, table: str, column: str, reference: str) -> None:
    if await conn.fetchval(f"SELECT 1 FROM {table} WHERE {column} = $1", reference):
        raise Problem(409, "Reference already used",
                      f"reference {reference!r} is already recorded; use a new one.",
                      type="reference-exists", field="reference")


# --- commands ------------------------------------------------------------------------------


async def receive(
    conn: Connection, settings: Settings, principal: Principal, *, batch_reference: str,
    letter_number: str, letter_date: dt.date, serials: list[str], note: str = "",
) -> dict[str, Any]:
    await _reference_free(conn, "receipts", "batch_reference", batch_reference)
    known = await repo.states_of(conn, serials, lock=False)
    if known:
        listed = sorted(known)[:LIST_LIMIT]
        raise Problem(
            409, "Serials already received",
            f"{len(known)} serial(s) of this shipment are already in the ledger, e.g. "
            f"{listed[0]} ({known[listed[0]]}); nothing was recorded. Check the letter "
            f"{letter_number} against the boxes.",
            type="serials-known", serials=listed, count=len(known),
        )
    await conn.execute(
        """INSERT INTO receipts (batch_reference, letter_number, letter_date, quantity,
                                 received_by, note) VALUES ($1, $2, $3, $4, $5, $6)""",
        batch_reference, letter_number, letter_date, len(serials), principal.user, note,
    )
    added = await repo.insert_received(conn, serials, batch_reference, principal.user)
    if added != len(serials):  # another receipt took some of them meanwhile
        raise Problem(409, "Serials already received",
                      "Some serials were received by another request just now; nothing was "
                      "recorded. Reload and try again.", type="serials-known")
    await audit.record(conn, principal, "inventory.receive", target=batch_reference,
                       detail={"letter_number": letter_number, "quantity": len(serials)})
    await publish_in_chunks(conn, settings, serials, lambda chunk: InventoryReceived(
        batch_reference=batch_reference, letter_number=letter_number,
        letter_date=letter_date, serials=chunk,
    ))
    return {"batch_reference": batch_reference, "letter_number": letter_number,
            "letter_date": letter_date.isoformat(), "quantity": len(serials),
            "first_serial": min(serials), "last_serial": max(serials)}


async def _move(
    conn: Connection, kind: Kind, serials: list[str], what: str, *,
    target: State | None = None,
) -> Plan:
    current = await repo.states_of(conn, serials)
    p = plan(kind, serials, current, target=target)
    if p.refused:
        raise refused_problem(p, what)
    return p


async def issue(
    conn: Connection, settings: Settings, principal: Principal, *, reference: str | None,
    serials: list[str] | None, quantity: int | None,
) -> dict[str, Any]:
    reference = reference or new_reference("ISS")
    await _reference_free(conn, "issues", "reference", reference)
    wanted = len(serials) if serials else (quantity or 0)
    if wanted > settings.max_per_issue:
        raise Problem(422, "Too many blanks for one issue",
                      f"{wanted} blanks asked; at most {settings.max_per_issue} per issue "
                      "(issue the rest later, as the print room uses them).",
                      type="issue-too-large", field="serials" if serials else "quantity")
    if not serials:
        serials = await repo.pick_in_store(conn, wanted)
        if len(serials) < wanted:
            raise Problem(409, "Not enough blanks in store",
                          f"{wanted} asked, only {len(serials)} in store.",
                          type="not-enough-in-store", in_store=len(serials))
    p = await _move(conn, Kind.ISSUED, serials, "issued to the print room")
    await repo.apply_plan(conn, p, reference, principal.user)
    await conn.execute(
        """INSERT INTO issues (reference, automatic, quantity, requested, issued_by)
           VALUES ($1, false, $2, $3, $4)""",
        reference, len(serials), wanted, principal.user,
    )
    await audit.record(conn, principal, "inventory.issue", target=reference,
                       detail={"quantity": len(serials)})
    await publish_in_chunks(conn, settings, serials, lambda chunk: InventoryIssued(
        reference=reference, serials=chunk, to="print-room"))
    return {"reference": reference, "quantity": len(serials), "to": "print-room",
            "serials": serials}


RETURN_ROUTES: dict[tuple[str, str], Kind] = {
    ("print-room", "store"): Kind.RETURNED_TO_STORE,
    ("store", "ministry"): Kind.RETURNED_TO_MINISTRY,
}


async def return_blanks(
    conn: Connection, settings: Settings, principal: Principal, *, returned_from: str,
    returned_to: str, serials: list[str], reference: str | None, letter_number: str | None,
    reason: str,
) -> dict[str, Any]:
    kind = RETURN_ROUTES.get((returned_from, returned_to))
    if kind is None:
        raise Problem(422, "Unknown return route",
                      f"blanks return from print-room to store, or from store to ministry; "
                      f"not from {returned_from} to {returned_to}.",
                      type="validation-error", field="returned_to")
    reference = reference or new_reference("RET")
    await _reference_free(conn, "returns", "reference", reference)
    p = await _move(conn, kind, serials, f"returned from {returned_from} to {returned_to}")
    await repo.apply_plan(conn, p, reference, principal.user,
                          {"reason": reason} if reason else None)
    await conn.execute(
        """INSERT INTO returns (reference, returned_from, returned_to, quantity, letter_number,
                               reason, returned_by) VALUES ($1, $2, $3, $4, $5, $6, $7)""",
        reference, returned_from, returned_to, len(serials), letter_number, reason,
        principal.user,
    )
    await audit.record(conn, principal, "inventory.return", target=reference,
                       detail={"from": returned_from, "to": returned_to, "quantity": len(serials)})
    await publish_in_chunks(conn, settings, serials, lambda chunk: InventoryReturned(
        reference=reference, serials=chunk, returned_from=returned_from,
        returned_to=returned_to))
    return {"reference": reference, "quantity": len(serials), "returned_from": returned_from,
            "returned_to": returned_to}


async def destroy(
    conn: Connection, settings: Settings, principal: Principal, *, reference: str | None,
    destroyed_on: dt.date, place: str, method: str, witnesses: list[dict[str, str]],
    serials: list[str],
) -> dict[str, Any]:
    names = {w["nama"].strip().casefold() for w in witnesses}
    if len(names) < 2:
        raise Problem(422, "Two witnesses needed",
                      "a berita acara pemusnahan needs at least two different witnesses.",
                      type="validation-error", field="witnesses")
    reference = reference or new_reference("BAP")
    await _reference_free(conn, "destructions", "reference", reference)
    p = await _move(conn, Kind.DESTROYED, serials, "destroyed (only SPOILED blanks can be)")
    await repo.apply_plan(conn, p, reference, principal.user)
    await conn.execute(
        """INSERT INTO destructions (reference, destroyed_on, place, method, witnesses,
                                    serials, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7)""",
        reference, destroyed_on, place, method, witnesses, serials, principal.user,
    )
    names_listed = [w["nama"] for w in witnesses]
    await audit.record(conn, principal, "inventory.destroy", target=reference,
                       detail={"quantity": len(serials), "witnesses": names_listed})
    await publish_in_chunks(conn, settings, serials, lambda chunk: InventoryDestroyed(
        reference=reference, serials=chunk, witnesses=[w["nama"] for w in witnesses]))
    return {"reference": reference, "quantity": len(serials),
            "destroyed_on": destroyed_on.isoformat(),
            "berita_acara": f"/destructions/{reference}/berita-acara.pdf"}


# --- stock counts ------------------------------------------------------------------------


async def _discrepancy(
    conn: Connection, location: str, counted: list[str]
) -> stock_count.Discrepancy:
    here = sorted(COUNTABLE_LOCATIONS[location])
    expected = await repo.serials_in(conn, here)
    states = await repo.states_of(conn, counted, lock=False)
    return stock_count.by_serial(location, counted, expected, states)


async def count_stock(
    conn: Connection, principal: Principal, *, location: str, serials: list[str] | None,
    quantity: int | None,
) -> dict[str, Any]:
    if serials is not None:
        d = await _discrepancy(conn, location, serials)
        status = "MATCHED" if d.matches else "PENDING_APPROVAL"
    else:
        assert quantity is not None
        expected = await repo.count_in(conn, sorted(COUNTABLE_LOCATIONS[location]))
        d = stock_count.by_quantity(location, quantity, expected)
        # A count by quantity cannot say which serials are missing: a report, not a basis
        # for adjusting serials.
        status = "MATCHED" if d.matches else "RECORDED"
    count_id = await conn.fetchval(
        """INSERT INTO stock_counts (location, by_serial, counted, quantity, discrepancy,
                                    status, counted_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id""",
        location, serials is not None, serials, d.counted, d.as_dict(), status, principal.user,
    )
    await audit.record(conn, principal, "inventory.stock_count", target=f"stock-count/{count_id}",
                       detail={"location": location, "status": status,
                               "difference": d.counted - d.expected})
    return {"id": count_id, "status": status, "discrepancy": d.as_dict()}


async def decide_count(
    conn: Connection, settings: Settings, principal: Principal, count_id: int, *,
    approve: bool, note: str,
) -> dict[str, Any]:
    row = await conn.fetchrow("SELECT * FROM stock_counts WHERE id = $1 FOR UPDATE", count_id)
    if row is None:
        raise Problem(404, "Not found", f"no stock count {count_id}.", type="not-found")
    if row["status"] != "PENDING_APPROVAL":
        raise Problem(409, "Nothing to decide",
                      f"stock count {count_id} is {row['status']}; only a count by serial "
                      "with a discrepancy waits for approval.", type="count-not-pending")
    result: dict[str, Any] = {"id": count_id, "adjusted": [], "found": []}
    if approve:
        location = row["location"]
        d = await _discrepancy(conn, location, list(row["counted"]))
        if d.as_dict() != row["discrepancy"]:
            raise Problem(409, "Stock changed since the count",
                          "blanks moved after this count; its discrepancy no longer holds. "
                          "Count again.", type="count-stale")
        reference = f"OPNAME-{count_id}"
        for kind, serials, target in stock_count.adjustments(d):
            p = await _move(conn, kind, serials, "adjusted", target=target)
            await repo.apply_plan(conn, p, reference, principal.user, {"note": note})
            reason = note or ("missing" if kind is Kind.ADJUSTED else "found") + " at stock count"
            await publish_in_chunks(conn, settings, serials, _adjusted(reference, target, reason))
        result.update(adjusted=d.missing, found=d.found)
    status = "APPROVED" if approve else "REJECTED"
    await conn.execute(
        """UPDATE stock_counts SET status = $2, decided_by = $3, decided_at = now(),
                  decision_note = $4 WHERE id = $1""",
        count_id, status, principal.user, note,
    )
    await audit.record(conn, principal, f"inventory.stock_count.{status.lower()}",
                       target=f"stock-count/{count_id}",
                       detail={"adjusted": len(result["adjusted"]), "found": len(result["found"])})
    result["status"] = status
    return result


def _adjusted(reference: str, target: State, reason: str) -> Callable[[list[str]], EventData]:
    def make(chunk: list[str]) -> EventData:
        return InventoryAdjusted(reference=reference, serials=chunk, to_state=str(target),
                                 reason=reason)

    return make


# --- consumed events ----------------------------------------------------------------------


# A PostgreSQL notification channel: blanks or the backlog moved, the stock watch should
# look again. Sent inside the consumer's transaction (delivered on commit) from whichever
# instance got the event, heard by the one holding the stock watch's lease.
STOCK_MOVED = "inventory_stock_moved"


async def stock_moved(conn: Connection) -> None:
    await conn.execute(f"NOTIFY {STOCK_MOVED}")


class EventHandlers:
    """The consumer's handlers; they run inside the inbox transaction."""

    def __init__(self, settings: Settings, nudge: Callable[[], None] = lambda: None) -> None:
        self.settings = settings
        self.nudge = nudge

    async def _ledger_event(
        self, conn: Connection, event: CloudEvent, kind: Kind, serial: str,
        detail: dict[str, Any],
    ) -> bool:
        current = await repo.states_of(conn, [serial])
        p = plan(kind, [serial], current)
        for r in p.refused:
            # Never dropped, never counted: the storekeeper sees it and sorts it out.
            await repo.add_exception(
                conn, ce_id=event.id, ce_type=event.type, serial=r.serial, state=r.state,
                reason=r.reason, detail=detail,
            )
            log.warning("ledger exception %s for blank %s: %s", event.type, serial, r.reason)
        await repo.apply_plan(conn, p, detail.get("job_id") or event.id, event.source,
                              {**detail, "ce_id": event.id})
        await stock_moved(conn)
        self.nudge()
        return not p.refused

    async def card_printed(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, PrintingCardPrinted)
        await self._ledger_event(conn, event, Kind.USED, data.blank_serial.strip().upper(), {
            "job_id": data.job_id, "nik": data.nik, "printer_id": data.printer_id})
        await repo.backlog_printed(conn, data.nik, data.printed_at or event.time)

    async def blank_spoiled(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, PrintingBlankSpoiled)
        await self._ledger_event(conn, event, Kind.SPOILED, data.blank_serial.strip().upper(), {
            "job_id": data.job_id, "reason": data.reason, "printer_id": data.printer_id})

    async def print_ready(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, CentralPrintReady)
        await repo.backlog_ready(conn, data.nik, event.time)
        await stock_moved(conn)
        self.nudge()

    async def blanks_low(self, conn: Connection, event: CloudEvent, data: EventData) -> None:
        assert isinstance(data, PrintingBlanksLow)
        await auto_issue(conn, self.settings, event, data)
        await stock_moved(conn)
        self.nudge()

    def table(self) -> dict[str, Any]:
        return {
            PrintingCardPrinted.ce_type(): self.card_printed,
            PrintingBlankSpoiled.ce_type(): self.blank_spoiled,
            CentralPrintReady.ce_type(): self.print_ready,
            PrintingBlanksLow.ce_type(): self.blanks_low,
        }


async def auto_issue(
    conn: Connection, settings: Settings, event: CloudEvent, data: PrintingBlanksLow
) -> dict[str, Any]:
    in_store = await repo.count_in_state(conn, State.IN_STORE)
    issued = await repo.count_in_state(conn, State.ISSUED)
    qty = projection.auto_issue_quantity(
        wanted=data.wanted, on_hand_reported=data.on_hand, issued_in_ledger=issued,
        in_store=in_store, max_per_issue=settings.max_per_issue,
    )
    trigger = {"ce_id": event.id, "on_hand": data.on_hand, "wanted": data.wanted,
               "in_store": in_store, "issued_in_ledger": issued}
    if qty == 0:
        await audit.record(conn, None, "inventory.auto_issue.none", target="print-room",
                           detail=trigger)
        return {"quantity": 0}
    reference = f"AUTO-{event.id}"
    serials = await repo.pick_in_store(conn, qty)
    p = plan(Kind.ISSUED, serials, await repo.states_of(conn, serials))
    await repo.apply_plan(conn, p, reference, "system", {"ce_id": event.id})
    await conn.execute(
        """INSERT INTO issues (reference, automatic, quantity, requested, issued_by, trigger)
           VALUES ($1, true, $2, $3, 'system', $4)""",
        reference, len(p.moves), data.wanted, trigger,
    )
    await audit.record(conn, None, "inventory.auto_issue", target=reference,
                       detail={**trigger, "quantity": len(p.moves)})
    await publish_in_chunks(conn, settings, p.serials, lambda chunk: InventoryIssued(
        reference=reference, serials=chunk, to="print-room"))
    return {"reference": reference, "quantity": len(p.moves)}


# --- reads and reports ---------------------------------------------------------------------


async def stock(conn: Connection) -> dict[str, Any]:
    by_state = await repo.count_by_state(conn)
    received = await repo.received_total(conn)
    by_location: dict[str, int] = {}
    for state, n in by_state.items():
        by_location[LOCATION[state]] = by_location.get(LOCATION[state], 0) + n
    return {
        "received": received,
        "by_state": {str(s): n for s, n in by_state.items()},
        "by_location": by_location,
        "invariant_holds": invariant_holds(received, by_state),
    }


async def current_projection(conn: Connection, settings: Settings) -> projection.Projection:
    window = dt.timedelta(days=settings.rate_window_days)
    return projection.project(
        in_store=await repo.count_in_state(conn, State.IN_STORE),
        in_print_room=await repo.count_in_state(conn, State.ISSUED),
        backlog=await repo.backlog_waiting(conn),
        used_in_window=await repo.used_since(conn, dt.datetime.now(dt.UTC) - window),
        window_days=settings.rate_window_days,
        threshold=settings.low_stock_threshold,
    )


async def check_stock(conn: Connection, settings: Settings) -> projection.Projection | None:
    """Publish inventory.stock_low when due; returns the projection if it published."""
    # The stock watch runs in the holder of its lease only; this lock also keeps any other
    # caller (a test, a check from elsewhere) from deciding on the same alert at once.
    if not await conn.fetchval("SELECT pg_try_advisory_xact_lock(69750004)"):
        return None
    p = await current_projection(conn, settings)
    last = await repo.last_alert(conn)
    detail = {"in_store": p.in_store, "backlog": p.backlog_awaiting_print,
              "shortfall": p.projected_shortfall, "days_of_stock": p.days_of_stock}
    if not p.low:
        if last is not None and last[0]:
            await repo.record_alert(conn, low=False, in_store=p.in_store,
                                    shortfall=p.projected_shortfall, detail=detail)
        return None
    previous = (last[1], last[2]) if last is not None and last[0] else None
    if not projection.should_alert(p, previous, settings.stock_low_step):
        return None
    await repo.record_alert(conn, low=True, in_store=p.in_store,
                            shortfall=p.projected_shortfall, detail=detail)
    await add_event(conn, settings.topic("inventory"), InventoryStockLow(
        location="store", in_store=p.in_store, backlog_awaiting_print=p.backlog_awaiting_print,
        projected_shortfall=p.projected_shortfall, days_of_stock=p.days_of_stock,
    ), source=settings.service_name)
    await audit.record(conn, None, "inventory.stock_low", target="store", detail=detail)
    return p


async def reconciliation_report(
    conn: Connection, settings: Settings, start: dt.date, end: dt.date
) -> dict[str, Any]:
    tz = ZoneInfo(settings.office_timezone)
    t0 = dt.datetime.combine(start, dt.time(), tz)
    t1 = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tz)
    opening = await repo.custody_before(conn, t0)
    per_day = await repo.movements_per_day(conn, t0, t1, settings.office_timezone)
    rows = reconciliation.daily_rows(opening, start, end, per_day)
    return {"from": start.isoformat(), "to": end.isoformat(),
            "timezone": settings.office_timezone,
            "days": [r.as_dict() for r in rows],
            "totals": reconciliation.totals(rows)}
