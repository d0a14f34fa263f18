"""Will the backlog be done by 31 December? Pure arithmetic on the current daily rates.

Recording and printing run side by side; printing cannot end before recording ends (the
last residents recorded still need their cards), and no card prints without a blank. So:

    finish = today + max(days to record what is left, days to print every card still owed)

unless the blanks run out first, in which case there is no finish date until more arrive.
The "what would change it" scenarios rerun the same sum with one more working printer (the
print rate grows by one printer's share of today's rate) and with more blanks.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Situation:
    today: dt.date
    deadline: dt.date
    to_record: int            # on the roster, still to record (not closed by a field check)
    in_pipeline: int          # recorded, verdict not yet in (their cards are owed if PRR)
    awaiting_print: int       # print-ready, card not printed yet
    record_rate: float        # residents recorded per day, lately
    print_rate: float         # cards printed per day, lately
    printers_working: int
    blanks_available: int     # in the store and in the print room
    prr_share: float = 1.0    # share of verdicts that are print-ready (the rest duplicates)


@dataclass(frozen=True)
class Outcome:
    label: str
    finish_date: dt.date | None
    on_time: bool
    cards_needed: int
    blank_shortfall: int
    days_to_record: float | None
    days_to_print: float | None
    reason: str


@dataclass(frozen=True)
class Forecast:
    deadline: dt.date
    days_left: int
    current: Outcome
    scenarios: list[Outcome] = field(default_factory=list)
    # To finish on the deadline at today's per-printer output:
    print_rate_needed: float | None = None
    printers_needed: int | None = None


def cards_needed(s: Situation) -> int:
    return s.awaiting_print + math.ceil((s.to_record + s.in_pipeline) * s.prr_share)


def _days(work: int, rate: float) -> float | None:
    if work <= 0:
        return 0.0
    return work / rate if rate > 0 else None


def outcome(s: Situation, label: str) -> Outcome:
    need = cards_needed(s)
    shortfall = max(0, need - s.blanks_available)
    d_rec, d_print = _days(s.to_record, s.record_rate), _days(need, s.print_rate)
    if d_rec is None:
        return Outcome(label, None, False, need, shortfall, None, d_print,
                       "belum ada perekaman akhir-akhir ini: laju rekam 0")
    if d_print is None:
        return Outcome(label, None, False, need, shortfall, d_rec, None,
                       "belum ada pencetakan akhir-akhir ini: laju cetak 0")
    if shortfall > 0:
        runs_out = s.today + dt.timedelta(days=math.ceil(s.blanks_available / s.print_rate))
        return Outcome(label, None, False, need, shortfall, d_rec, d_print,
                       f"blangko kurang {shortfall}: habis sekitar {runs_out.isoformat()}")
    finish = s.today + dt.timedelta(days=math.ceil(max(d_rec, d_print)))
    on_time = finish <= s.deadline
    reason = "selesai sebelum tenggat" if on_time else "melewati tenggat"
    return Outcome(label, finish, on_time, need, 0, d_rec, d_print, reason)


def forecast(s: Situation, *, extra_blanks: int | None = None) -> Forecast:
    """Today's outlook and what would change it: +1 printer, +N blanks, both.

    ``extra_blanks`` defaults to exactly the shortfall (what to ask the ministry for).
    """
    current = outcome(s, "sekarang")
    scenarios = []
    per_printer = s.print_rate / s.printers_working if s.printers_working > 0 else 0.0
    plus_printer = replace(s, printers_working=s.printers_working + 1,
                           print_rate=s.print_rate + per_printer)
    if per_printer > 0:
        scenarios.append(outcome(plus_printer, "+1 printer"))
    n = extra_blanks if extra_blanks is not None else current.blank_shortfall
    if n > 0:
        more = replace(s, blanks_available=s.blanks_available + n)
        scenarios.append(outcome(more, f"+{n} blangko"))
        if per_printer > 0:
            both = replace(plus_printer, blanks_available=s.blanks_available + n)
            scenarios.append(outcome(both, f"+1 printer dan +{n} blangko"))
    days_left = (s.deadline - s.today).days
    rate_needed = printers_needed = None
    if days_left > 0:
        rate_needed = round(cards_needed(s) / days_left, 2)
        if per_printer > 0:
            printers_needed = max(1, math.ceil(rate_needed / per_printer))
    return Forecast(s.deadline, days_left, current, scenarios, rate_needed, printers_needed)


def daily_rate(counts_by_day: dict[dt.date, int], *, today: dt.date, window_days: int) -> float:
    """Mean per day over the last ``window_days`` (today included); a service younger than
    the window is averaged over the days since its first activity, so day one counts."""
    start = today - dt.timedelta(days=window_days - 1)
    recent = {d: n for d, n in counts_by_day.items() if start <= d <= today}
    if not recent:
        return 0.0
    first = min(min(counts_by_day), today)
    days = min(window_days, (today - max(first, start)).days + 1)
    return round(sum(recent.values()) / max(1, days), 2)


def year_end(today: dt.date) -> dt.date:
    return dt.date(today.year, 12, 31)
