"""The read side: what GET /progress, /residents/{nik} and /stuck answer, from the read model.

Nothing here counts residents row by row: progress comes from the pre-aggregated counters
(about 2,000 rows for 81 desa however many residents there are).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from ektp_shared.db import Connection
from ektp_shared.office import Office
from ektp_shared.office import current as current_office

from .adapters import repository as repo
from .config import Settings
from .domain import forecast as fc
from .domain import progress, timeline
from .domain.resident import STATUSES

STATUS_LABELS: dict[str, str] = {
    "BELUM_REKAM": "Belum rekam",
    "SUDAH_REKAM": "Sudah rekam",
    "SENT_FOR_ENROLLMENT": "Dikirim ke pusat",
    "PRINT_READY_RECORD": "Siap cetak (PRR)",
    "DUPLICATE_RECORD": "Rekam ganda",
    "ENROLL_FAILURE": "Gagal rekam di pusat",
    "SENT_FOR_CARD_PRINTING": "Di ruang cetak",
    "CARD_PRINTED": "KTP tercetak",
    "CARD_ISSUED": "KTP diserahkan",
    "PINDAH": "Pindah",
    "MENINGGAL": "Meninggal",
    "TIDAK_DITEMUKAN": "Tidak ditemukan",
}
PRINTER_STATUSES = ("ONLINE", "OFFLINE", "IN_REPAIR", "BROKEN")


def office_today(settings: Settings, now: dt.datetime | None = None,
                 office: Office | None = None) -> dt.date:
    now = now or dt.datetime.now(dt.UTC)
    zone = office.timezone if office is not None else settings.office_timezone
    return now.astimezone(ZoneInfo(zone)).date()


def _names(office: Office) -> tuple[dict[str, str], dict[str, str]]:
    kec = {k: r.nama for k, r in office.kecamatan.items()}
    desa = {k: r.nama for k, r in office.desa.items()}
    return kec, desa


async def progress_figures(
    conn: Connection, settings: Settings, *, today: dt.date, extra_blanks: int | None = None,
    office: Office | None = None,
) -> dict[str, Any]:
    """The figures of one office: the dashboard's own, or (``office``) one kabupaten of
    the provincial dashboard, read with that kabupaten's read model on the search path."""
    office = office or current_office()
    kec_names, desa_names = _names(office)
    regions = progress.roll_up(await repo.region_rows(conn), kecamatan_names=kec_names,
                               desa_names=desa_names)
    total = regions["total"]
    blank_counts = await repo.blank_counts(conn)
    by_blank_state = {s: blank_counts.get(s, 0) for s in
                      ("IN_STORE", "ISSUED", "USED", "SPOILED", "DESTROYED", "RETURNED",
                       "ADJUSTED")}
    printer_rows = await repo.printers(conn)
    by_printer_status = {s: 0 for s in PRINTER_STATUSES}
    for p in printer_rows:
        by_printer_status[p["status"]] = by_printer_status.get(p["status"], 0) + 1
    rates = await daily_rates(conn, settings, today=today)
    status = total["by_status"]
    verdicts = total["print_ready"] + total["duplicate"]
    situation = fc.Situation(
        today=today,
        deadline=settings_deadline(settings, today),
        to_record=status["BELUM_REKAM"],
        in_pipeline=status["SUDAH_REKAM"] + status["SENT_FOR_ENROLLMENT"]
        + status["ENROLL_FAILURE"],
        awaiting_print=status["PRINT_READY_RECORD"] + status["SENT_FOR_CARD_PRINTING"],
        record_rate=rates["recorded_per_day"],
        print_rate=rates["printed_per_day"],
        printers_working=by_printer_status["ONLINE"],
        blanks_available=by_blank_state["IN_STORE"] + by_blank_state["ISSUED"],
        prr_share=(total["print_ready"] / verdicts) if verdicts else 1.0,
    )
    feed = await repo.feed(conn)
    return {
        "as_of": feed["last_event_at"],
        "events_applied": feed["events"],
        "status_labels": STATUS_LABELS,
        "kabupaten": {"kode": office.kode, "nama": office.nama, **total},
        "kecamatan": regions["kecamatan"],
        "lainnya": regions["lainnya"],
        "blanks": {"by_state": by_blank_state,
                   "available": situation.blanks_available},
        "printers": {"by_status": by_printer_status, "items": printer_rows},
        "rates": rates,
        "forecast": forecast_body(fc.forecast(situation, extra_blanks=extra_blanks), situation),
        "alerts": await repo.alerts(conn),
    }


def settings_deadline(settings: Settings, today: dt.date) -> dt.date:
    return settings.deadline or fc.year_end(today)


async def daily_rates(conn: Connection, settings: Settings, *, today: dt.date) -> dict[str, Any]:
    window = settings.rate_window_days
    shown = max(window, 14)
    since = today - dt.timedelta(days=shown - 1)
    daily = await repo.daily_since(conn, since)
    out: dict[str, Any] = {"window_days": window}
    for metric in ("recorded", "sent", "print_ready", "printed", "issued"):
        counts = dict(daily.get(metric, {}))
        first = await repo.first_day(conn, metric)
        if first is not None and first not in counts:
            counts[first] = 0  # marks how long the service has been counting
        out[f"{metric}_per_day"] = fc.daily_rate(counts, today=today, window_days=window)
    out["days"] = [
        {"day": (since + dt.timedelta(days=i)).isoformat(),
         **{m: daily.get(m, {}).get(since + dt.timedelta(days=i), 0)
            for m in ("recorded", "printed", "issued")}}
        for i in range(shown)
    ]
    return out


def _outcome_body(o: fc.Outcome) -> dict[str, Any]:
    return {
        "label": o.label, "finish_date": o.finish_date, "on_time": o.on_time,
        "cards_needed": o.cards_needed, "blank_shortfall": o.blank_shortfall,
        "days_to_record": None if o.days_to_record is None else round(o.days_to_record, 1),
        "days_to_print": None if o.days_to_print is None else round(o.days_to_print, 1),
        "reason": o.reason,
    }


def forecast_body(f: fc.Forecast, s: fc.Situation) -> dict[str, Any]:
    return {
        "deadline": f.deadline, "days_left": f.days_left,
        "inputs": {
            "to_record": s.to_record, "in_pipeline": s.in_pipeline,
            "awaiting_print": s.awaiting_print, "record_rate": s.record_rate,
            "print_rate": s.print_rate, "printers_working": s.printers_working,
            "blanks_available": s.blanks_available, "prr_share": round(s.prr_share, 3),
        },
        "current": _outcome_body(f.current),
        "scenarios": [_outcome_body(o) for o in f.scenarios],
        "print_rate_needed": f.print_rate_needed,
        "printers_needed": f.printers_needed,
    }


def region_names(kode_desa: str) -> dict[str, str | None]:
    office = current_office()
    desa = office.desa.get(kode_desa)
    kec = office.kecamatan.get(progress.kecamatan_of(kode_desa))
    return {"desa": desa.nama if desa else None, "kecamatan": kec.nama if kec else None}


async def resident_timeline(
    conn: Connection, settings: Settings, nik: str, *, now: dt.datetime
) -> dict[str, Any] | None:
    row = await repo.resident_row(conn, nik)
    if row is None:
        return None
    after = dt.timedelta(hours=settings.stuck_after_hours)
    t = timeline.build(await repo.steps_of(conn, nik), status=row["status"],
                       status_since=row["status_since"], now=now, stuck_after=after)
    return {
        "nik": row["nik"], "nama": row["nama"], "kode_desa": row["kode_desa"],
        **region_names(row["kode_desa"]),
        "on_roster": row["on_roster"], "enrollment_id": row["enrollment_id"],
        "field_outcome": row["field_outcome"],
        "status": row["status"], "status_label": STATUS_LABELS[row["status"]],
        "status_since": row["status_since"],
        "in_status_seconds": round(t.in_status_seconds, 1),
        "in_status": timeline.human_duration(t.in_status_seconds),
        "stuck": t.stuck, "stuck_after_hours": settings.stuck_after_hours,
        "steps": [
            {"at": e.at, "kind": e.kind, "label": timeline.STEP_LABELS.get(e.kind, e.kind),
             "status": e.status, "took_seconds": round(e.took_seconds, 1),
             "took": timeline.human_duration(e.took_seconds), "detail": e.detail}
            for e in t.entries
        ],
    }


async def stuck_list(
    conn: Connection, *, now: dt.datetime, older_than_hours: float, status: str | None,
    limit: int, offset: int,
) -> dict[str, Any]:
    total, by_status, rows = await repo.stuck(
        conn, older_than=now - dt.timedelta(hours=older_than_hours), status=status,
        limit=limit, offset=offset,
    )
    items = []
    for r in rows:
        waited = (now - r["status_since"]).total_seconds()
        items.append({
            "nik": r["nik"], "nama": r["nama"], "kode_desa": r["kode_desa"],
            **region_names(r["kode_desa"]), "status": r["status"],
            "status_label": STATUS_LABELS[r["status"]], "since": r["status_since"],
            "waiting_seconds": round(waited, 1), "waiting": timeline.human_duration(waited),
        })
    return {
        "older_than_hours": older_than_hours, "total": total,
        "by_status": {s: by_status.get(s, 0) for s in STATUSES if s in by_status},
        "items": items, "limit": limit, "offset": offset,
    }
