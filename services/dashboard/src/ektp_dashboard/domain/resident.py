"""A resident as the dashboard sees it (DESIGN.md section 5), and what each event does to it.

Events reach the dashboard from four topics with no order between topics (a card printed
may arrive before the print-ready verdict that led to it), so a status only moves forward
by rank; the few legitimate steps back (a failed submission sent again, a resident closed
by a field check who turns up and is recorded) are named explicitly.

Every resident contributes to a set of counters (see :func:`contributions`); the handlers
keep the per-desa counters equal to the sum of these sets, which is what makes
``GET /progress`` cheap with a million residents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Final

BELUM_REKAM: Final = "BELUM_REKAM"
SUDAH_REKAM: Final = "SUDAH_REKAM"
SENT_FOR_ENROLLMENT: Final = "SENT_FOR_ENROLLMENT"
PRINT_READY_RECORD: Final = "PRINT_READY_RECORD"
DUPLICATE_RECORD: Final = "DUPLICATE_RECORD"
ENROLL_FAILURE: Final = "ENROLL_FAILURE"
SENT_FOR_CARD_PRINTING: Final = "SENT_FOR_CARD_PRINTING"
CARD_PRINTED: Final = "CARD_PRINTED"
CARD_ISSUED: Final = "CARD_ISSUED"
PINDAH: Final = "PINDAH"
MENINGGAL: Final = "MENINGGAL"
TIDAK_DITEMUKAN: Final = "TIDAK_DITEMUKAN"

STATUSES: tuple[str, ...] = (
    BELUM_REKAM, SUDAH_REKAM, SENT_FOR_ENROLLMENT, PRINT_READY_RECORD, DUPLICATE_RECORD,
    ENROLL_FAILURE, SENT_FOR_CARD_PRINTING, CARD_PRINTED, CARD_ISSUED,
    PINDAH, MENINGGAL, TIDAK_DITEMUKAN,
)
CLOSED: frozenset[str] = frozenset({PINDAH, MENINGGAL, TIDAK_DITEMUKAN})
# States nobody has to act on any more: never "stuck".
FINAL: frozenset[str] = CLOSED | {CARD_ISSUED, DUPLICATE_RECORD}

RANK: dict[str, int] = {
    BELUM_REKAM: 0, PINDAH: 0, MENINGGAL: 0, TIDAK_DITEMUKAN: 0,
    SUDAH_REKAM: 1, SENT_FOR_ENROLLMENT: 2,
    PRINT_READY_RECORD: 3, DUPLICATE_RECORD: 3, ENROLL_FAILURE: 3,
    SENT_FOR_CARD_PRINTING: 4, CARD_PRINTED: 5, CARD_ISSUED: 6,
}

# Milestones: "reached this step at least once", counted once per resident.
MILESTONES: tuple[str, ...] = (
    "recorded", "sent", "print_ready", "duplicate", "failed", "printed", "issued", "suket",
)
FIELD_OUTCOMES: tuple[str, ...] = ("DITEMUKAN", "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN")
STATUS_OF_OUTCOME = {"PINDAH": PINDAH, "MENINGGAL": MENINGGAL, "TIDAK_DITEMUKAN": TIDAK_DITEMUKAN}


@dataclass(frozen=True)
class Resident:
    nik: str
    status: str = BELUM_REKAM
    status_since: dt.datetime | None = None
    nama: str | None = None
    kode_desa: str = ""
    on_roster: bool = False
    enrollment_id: str | None = None
    field_outcome: str | None = None
    milestones: frozenset[str] = field(default_factory=frozenset)
    # True once any event told us about this resident (a brand-new row is not "seen")
    seen: bool = False


@dataclass(frozen=True)
class Step:
    """One line of a resident's timeline."""

    at: dt.datetime
    kind: str
    status: str
    detail: dict[str, object]


def contributions(r: Resident) -> frozenset[str]:
    """The counters this resident adds one to, in its desa."""
    out = {f"status:{r.status}", "residents"}
    out.update(r.milestones)
    if r.on_roster:
        out.add("target")
        if r.status not in CLOSED and r.status != CARD_ISSUED:
            out.add("lacking")
    if r.field_outcome:
        out.add(f"field:{r.field_outcome}")
    return frozenset(out)


def _move(r: Resident, status: str, at: dt.datetime) -> Resident:
    """Move forward by rank; a recorded resident is no longer closed by an old field check."""
    if r.status == status:
        return r
    forward = RANK[status] > RANK[r.status]
    # Back from a failure only for a step that happened after it (a resubmission), not for
    # a late copy of the recording that came before it.
    resubmitted = (r.status == ENROLL_FAILURE and status in (SUDAH_REKAM, SENT_FOR_ENROLLMENT)
                   and _later(at, r.status_since))
    if forward or resubmitted or not r.seen:
        return replace(r, status=status, status_since=at)
    return r


def _later(at: dt.datetime, than: dt.datetime | None) -> bool:
    return than is None or at > than


def _reach(r: Resident, milestone: str) -> Resident:
    return replace(r, milestones=r.milestones | {milestone})


def roster_entry(r: Resident, *, nama: str, kode_desa: str, at: dt.datetime) -> Resident:
    r = replace(r, on_roster=True, nama=r.nama or nama, kode_desa=r.kode_desa or kode_desa)
    if not r.seen:
        r = replace(r, status=BELUM_REKAM, status_since=at)
    return replace(r, seen=True)


def recorded(
    r: Resident, *, enrollment_id: str, nama: str, kode_desa: str, at: dt.datetime
) -> Resident:
    # The recording's address is the freshest one: it wins over the roster's.
    r = replace(r, nama=nama, kode_desa=kode_desa or r.kode_desa, enrollment_id=enrollment_id)
    return replace(_move(_reach(r, "recorded"), SUDAH_REKAM, at), seen=True)


def field_checked(r: Resident, *, outcome: str, kode_desa: str | None, at: dt.datetime) -> Resident:
    r = replace(r, field_outcome=outcome, kode_desa=r.kode_desa or (kode_desa or ""))
    # A field check only closes (or, DITEMUKAN, reopens) someone not yet recorded.
    if RANK[r.status] == 0:
        new = STATUS_OF_OUTCOME.get(outcome, BELUM_REKAM)
        if new != r.status or not r.seen:
            r = replace(r, status=new, status_since=at)
    return replace(r, seen=True)


def submitted(r: Resident, *, enrollment_id: str, at: dt.datetime) -> Resident:
    r = replace(_reach(r, "sent"), enrollment_id=r.enrollment_id or enrollment_id)
    return replace(_move(r, SENT_FOR_ENROLLMENT, at), seen=True)


def verdict(r: Resident, *, status: str, at: dt.datetime) -> Resident:
    milestone = {PRINT_READY_RECORD: "print_ready", DUPLICATE_RECORD: "duplicate",
                 ENROLL_FAILURE: "failed"}[status]
    r = _reach(r, milestone)
    if (status == PRINT_READY_RECORD and r.status in (DUPLICATE_RECORD, ENROLL_FAILURE)
            and _later(at, r.status_since)):
        # A later good verdict (a retry that succeeded) replaces the earlier bad one.
        r = replace(r, status=PRINT_READY_RECORD, status_since=at)
    return replace(_move(r, status, at), seen=True)


def job_queued(r: Resident, *, enrollment_id: str | None, at: dt.datetime) -> Resident:
    """The print room made a print job (the first, or a reprint): SENT_FOR_CARD_PRINTING.

    Forward only, like every step: a late announcement after the card was printed (it
    travels on another partition than card_printed, which is keyed by the blank) changes
    nothing, and a reprint's announcement leaves a resident already in the print room as is.
    """
    r = replace(r, enrollment_id=r.enrollment_id or enrollment_id)
    return replace(_move(r, SENT_FOR_CARD_PRINTING, at), seen=True)


def spoiled(r: Resident, *, at: dt.datetime) -> Resident:
    """A blank spoiled on the resident's job: a job existed, so the resident is at least in
    the print room (the spoil may be read before the job's announcement: another key)."""
    return replace(_move(r, SENT_FOR_CARD_PRINTING, at), seen=True)


def suket_issued(r: Resident, *, at: dt.datetime) -> Resident:
    """A Suket stands in for the card; it does not say a print job exists (the print room
    also gives one to a resident still SENT_FOR_ENROLLMENT), so the status stays."""
    r = _reach(r, "suket")
    if not r.seen:
        # The print room gives a Suket only once the recording was sent to the centre.
        r = replace(r, status=SENT_FOR_ENROLLMENT, status_since=at)
    return replace(r, seen=True)


def printed(r: Resident, *, at: dt.datetime) -> Resident:
    return replace(_move(_reach(r, "printed"), CARD_PRINTED, at), seen=True)


def issued(r: Resident, *, at: dt.datetime) -> Resident:
    return replace(_move(_reach(r, "issued"), CARD_ISSUED, at), seen=True)
