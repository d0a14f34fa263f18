"""A resident's timeline: how long each step took, and where the resident is stuck."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .resident import FINAL

# What the office calls each step, for people (the API also gives the event type).
STEP_LABELS: dict[str, str] = {
    "central.roster_entry": "Masuk daftar wajib KTP belum rekam",
    "enrollment.recorded": "Perekaman",
    "enrollment.field_checked": "Verifikasi lapangan",
    "central.submitted": "Dikirim ke pusat",
    "central.print_ready": "Siap cetak (PRR)",
    "central.duplicate": "Rekam ganda (duplicate)",
    "central.failed": "Gagal di pusat",
    "printing.job_queued": "Masuk antrean cetak",
    "printing.blank_spoiled": "Blangko rusak saat cetak",
    "printing.suket_issued": "Suket diterbitkan",
    "printing.card_printed": "KTP dicetak",
    "printing.card_issued": "KTP diserahkan",
}


# The state each step puts the resident in. Steps arrive from four topics in no set order,
# so a step's line shows what the step means, not the state the read model was in when the
# event happened to be applied.
STEP_STATUS: dict[str, str] = {
    "central.roster_entry": "BELUM_REKAM",
    "enrollment.recorded": "SUDAH_REKAM",
    "central.submitted": "SENT_FOR_ENROLLMENT",
    "central.print_ready": "PRINT_READY_RECORD",
    "central.duplicate": "DUPLICATE_RECORD",
    "central.failed": "ENROLL_FAILURE",
    "printing.job_queued": "SENT_FOR_CARD_PRINTING",
    "printing.blank_spoiled": "SENT_FOR_CARD_PRINTING",
    "printing.card_printed": "CARD_PRINTED",
    "printing.card_issued": "CARD_ISSUED",
}


def step_status(kind: str, outcome: str | None = None, current: str = "") -> str:
    """For a field check: the outcome when it closes the resident, else BELUM_REKAM. A step
    that moves no state (a Suket) shows ``current``, the resident's state as it stands."""
    if kind == "enrollment.field_checked":
        return outcome if outcome in ("PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN") else "BELUM_REKAM"
    return STEP_STATUS.get(kind, current)


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    kind: str
    status: str
    detail: dict[str, object]
    # Until the next entry (or now, for the last one).
    took_seconds: float


@dataclass(frozen=True)
class Timeline:
    entries: list[TimelineEntry]
    status: str
    in_status_seconds: float
    stuck: bool


def build(
    steps: list[tuple[dt.datetime, str, str, dict[str, object]]],
    *,
    status: str,
    status_since: dt.datetime | None,
    now: dt.datetime,
    stuck_after: dt.timedelta,
) -> Timeline:
    """``steps`` are (at, kind, status after, detail); they are put in time order."""
    ordered = sorted(steps, key=lambda s: s[0])
    entries = []
    for i, (at, kind, st, detail) in enumerate(ordered):
        until = ordered[i + 1][0] if i + 1 < len(ordered) else now
        entries.append(TimelineEntry(at, kind, st, detail, max(0.0, (until - at).total_seconds())))
    since = status_since or (ordered[-1][0] if ordered else now)
    in_status = max(0.0, (now - since).total_seconds())
    return Timeline(entries, status, in_status, is_stuck(status, since, now, stuck_after))


def is_stuck(status: str, since: dt.datetime, now: dt.datetime, after: dt.timedelta) -> bool:
    return status not in FINAL and now - since > after


def human_duration(seconds: float) -> str:
    """``3 hari 4 jam``, ``25 menit``: for the page and the CLI."""
    s = int(seconds)
    days, rest = divmod(s, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days} hari {hours} jam" if hours else f"{days} hari"
    if hours:
        return f"{hours} jam {minutes} menit" if minutes else f"{hours} jam"
    if minutes:
        return f"{minutes} menit"
    return f"{s} detik"
