"""One function per consumed event or command: load, ask the domain, save, outbox; one
transaction each."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Awaitable, Callable

import asyncpg
from pydantic import ValidationError

from ektp_shared import audit, outbox
from ektp_shared.auth import Principal
from ektp_shared.db import Connection
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    CardData,
    CentralFailed,
    CentralRosterEntry,
    EnrollmentFieldChecked,
    EnrollmentRecorded,
    EventData,
)

from .adapters import repository as repo
from .adapters.card_sealer import CardSealer
from .adapters.centre import ItemResult, RosterPage, Verdict
from .config import Settings
from .domain.submission import Submission, item_backoff

REPORTED_OUTCOMES = ("PINDAH", "MENINGGAL")

# Called first in the transaction that writes down what the centre answered: it raises
# LeaseLost unless the caller's tenure of the centre lease still holds (bootstrap.SyncWorkers).
Fence = Callable[[Connection], Awaitable[None]]


async def _fenced(conn: Connection, fence: Fence | None) -> None:
    if fence is not None:
        await fence(conn)


# --- consumed events ---------------------------------------------------------------------


async def queue_recording(conn: Connection, event: CloudEvent, data: EventData) -> None:
    """enrollment.recorded: the recording joins the line to the centre."""
    assert isinstance(data, EnrollmentRecorded)
    if await repo.queue_submission(conn, data):
        await audit.record(conn, None, "submission.queued", target=data.nik,
                           detail={"enrollment_id": data.enrollment_id})


async def queue_field_check(conn: Connection, event: CloudEvent, data: EventData) -> None:
    """enrollment.field_checked: moved away and deceased residents are reported to the centre."""
    assert isinstance(data, EnrollmentFieldChecked)
    if data.outcome not in REPORTED_OUTCOMES:
        return
    # The event id makes the report idempotent at the centre too.
    if await repo.queue_report(conn, event.id, data.nik, data.outcome, data.note):
        await audit.record(conn, None, "population_report.queued", target=data.nik,
                           detail={"outcome": data.outcome})


# --- answers from the centre -------------------------------------------------------------


class SyncHandlers:
    """Handlers that need the settings (topic, limits) and a random source (jitter)."""

    def __init__(self, settings: Settings, rng: random.Random | None = None) -> None:
        self.settings = settings
        self.rng = rng or random.Random()
        self.card_sealer = CardSealer(settings.print_room_public_key_file)

    async def _publish(self, conn: Connection, data: EventData | None) -> None:
        if data is not None:
            await outbox.add_event(conn, self.settings.topic("central"), data,
                                   source=self.settings.service_name)

    async def apply_submit_results(self, pool: asyncpg.Pool, results: list[ItemResult],
                                   fence: Fence | None = None) -> None:
        s = self.settings
        now = dt.datetime.now(dt.UTC)
        async with pool.acquire() as conn, conn.transaction():
            await _fenced(conn, fence)
            subs = await repo.lock_submissions(conn, [r.enrollment_id for r in results])
            for result in results:
                sub = subs.get(result.enrollment_id)
                if sub is None:
                    continue
                if result.status in ("ACCEPTED", "ALREADY_RECEIVED"):
                    event = sub.accepted(now)
                    await repo.save_submission(conn, sub, next_poll_in=s.verdict_poll_seconds,
                                               submitted=event is not None)
                    await self._publish(conn, event)
                    if event is not None:
                        await audit.record(conn, None, "submission.sent", target=sub.nik,
                                           detail={"enrollment_id": sub.enrollment_id})
                elif result.status == "REJECTED" or not result.retryable:
                    await self._fail(conn, sub, sub.rejected(result.reason or "ditolak pusat"))
                else:
                    failed = sub.refused(result.reason or "ditolak sementara", s.max_item_attempts)
                    wait = item_backoff(sub.attempts, s.item_backoff_base_seconds,
                                        s.item_backoff_max_seconds, self.rng)
                    await repo.save_submission(conn, sub, next_attempt_in=wait,
                                               last_error=result.reason)
                    if failed is not None:
                        await self._fail(conn, sub, failed)

    async def _fail(self, conn: Connection, sub: Submission, event: EventData | None) -> None:
        if event is None:
            return
        await repo.save_submission(conn, sub, decided=True)
        await self._publish(conn, event)
        await audit.record(conn, None, "submission.failed", target=sub.nik,
                           detail={"enrollment_id": sub.enrollment_id,
                                   "reason": sub.failure_reason, "retryable": sub.retryable})

    async def reject_one(self, pool: asyncpg.Pool, enrollment_id: str, reason: str,
                         fence: Fence | None = None) -> None:
        """The centre refused the request for this packet alone (a 4xx): operator queue."""
        async with pool.acquire() as conn, conn.transaction():
            await _fenced(conn, fence)
            sub = (await repo.lock_submissions(conn, [enrollment_id])).get(enrollment_id)
            if sub is not None:
                await self._fail(conn, sub, sub.rejected(f"ditolak pusat data: {reason}"))

    async def apply_verdicts(self, pool: asyncpg.Pool, verdicts: list[Verdict],
                             fence: Fence | None = None) -> None:
        s = self.settings
        async with pool.acquire() as conn, conn.transaction():
            await _fenced(conn, fence)
            subs = await repo.lock_submissions(conn, [v.enrollment_id for v in verdicts])
            still_pending: list[str] = []
            for verdict in verdicts:
                sub = subs.get(verdict.enrollment_id)
                if sub is None:
                    continue
                event: EventData | None = None
                if verdict.status == "PENDING":
                    still_pending.append(sub.enrollment_id)
                    continue
                if verdict.status == "UNKNOWN":
                    sub.unknown_at_centre()
                    await repo.save_submission(conn, sub, next_attempt_in=0.0,
                                               last_error="pusat data tidak mengenal perekaman")
                    continue
                if verdict.status == "PRINT_READY_RECORD":
                    try:
                        card = CardData.model_validate(verdict.card or {})
                    except ValidationError as exc:
                        # Cannot print from it: the operator queue, not a silent drop.
                        event = sub.enroll_failure(f"data kartu dari pusat tidak lengkap: {exc}")
                        await self._fail(conn, sub, event)
                        continue
                    event = sub.print_ready(card, self.card_sealer.seal)
                    if isinstance(event, CentralFailed):  # too large to send: operator queue
                        await self._fail(conn, sub, event)
                        continue
                elif verdict.status == "DUPLICATE_RECORD":
                    event = sub.duplicate(verdict.duplicate_of or "")
                else:
                    reason = verdict.reason or "tanpa alasan"
                    await self._fail(conn, sub, sub.enroll_failure(reason))
                    continue
                await repo.save_submission(conn, sub, decided=True)
                await self._publish(conn, event)
                await audit.record(conn, None, f"submission.{sub.state.lower()}", target=sub.nik,
                                   detail={"enrollment_id": sub.enrollment_id})
            await repo.postpone_polls(conn, still_pending, s.verdict_poll_seconds)

    async def publish_roster_page(
        self, pool: asyncpg.Pool, kabupaten: str, page: RosterPage, fence: Fence | None = None
    ) -> int:
        """Publish one page of the roster and move the cursor past it, together."""
        published = 0
        async with pool.acquire() as conn, conn.transaction():
            await _fenced(conn, fence)
            for entry in page.entries:
                try:
                    event = CentralRosterEntry.model_validate(entry.model_dump())
                except ValidationError:
                    continue  # an entry the office cannot use; the rest of the page still counts
                await self._publish(conn, event)
                published += 1
            await repo.save_roster_cursor(conn, kabupaten, page.next_cursor, published)
        return published

    # --- the supervisor's commands -------------------------------------------------------

    async def retry(self, conn: Connection, principal: Principal, enrollment_id: str
                    ) -> Submission | None:
        sub = (await repo.lock_submissions(conn, [enrollment_id])).get(enrollment_id)
        if sub is None:
            return None
        sub.retry()
        await repo.save_submission(conn, sub, next_attempt_in=0.0)
        await audit.record(conn, principal, "submission.retry", target=sub.nik,
                           detail={"enrollment_id": enrollment_id})
        return sub

    async def cancel(self, conn: Connection, principal: Principal, enrollment_id: str,
                     reason: str) -> Submission | None:
        sub = (await repo.lock_submissions(conn, [enrollment_id])).get(enrollment_id)
        if sub is None:
            return None
        sub.cancel()
        await repo.save_submission(conn, sub, decided=True, last_error=f"dibatalkan: {reason}")
        await audit.record(conn, principal, "submission.cancel", target=sub.nik,
                           detail={"enrollment_id": enrollment_id, "reason": reason})
        return sub
