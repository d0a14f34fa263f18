"""What the dashboard routes answer; docs/openapi/dashboard.json is made from these."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ektp_shared.openapi import Answer

ResidentStatus = Literal[
    "BELUM_REKAM", "SUDAH_REKAM", "SENT_FOR_ENROLLMENT", "PRINT_READY_RECORD",
    "DUPLICATE_RECORD", "ENROLL_FAILURE", "SENT_FOR_CARD_PRINTING", "CARD_PRINTED",
    "CARD_ISSUED", "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN",
]
FieldOutcome = Literal["DITEMUKAN", "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN"]
BlankState = Literal["IN_STORE", "ISSUED", "USED", "SPOILED", "DESTROYED", "RETURNED",
                     "ADJUSTED"]
PrinterStatus = Literal["ONLINE", "OFFLINE", "IN_REPAIR", "BROKEN"]


class Figures(Answer):
    """One region's counters (the milestones count residents who ever reached them)."""

    residents: int
    target: int = Field(description="residents who must hold a KTP")
    recorded: int
    sent: int
    print_ready: int
    duplicate: int
    failed: int
    printed: int
    issued: int
    suket: int
    lacking: int = Field(description="target residents still without a card")
    by_status: dict[ResidentStatus, int]
    field_checks: dict[FieldOutcome, int]


class Region(Figures):
    kode: str
    nama: str


class Kecamatan(Region):
    desa: list[Region]


class Blanks(Answer):
    by_state: dict[BlankState, int]
    available: int = Field(description="in store + in the print room")


class PrinterFigures(Answer):
    printer_id: str
    status: str
    reason: str
    since: dt.datetime
    printed: int
    spoiled: int


class Printers(Answer):
    by_status: dict[PrinterStatus, int]
    items: list[PrinterFigures]


class Day(Answer):
    day: dt.date
    recorded: int
    printed: int
    issued: int


class Rates(Answer):
    window_days: int
    recorded_per_day: float
    sent_per_day: float
    print_ready_per_day: float
    printed_per_day: float
    issued_per_day: float
    days: list[Day]


class Outcome(Answer):
    label: str
    finish_date: dt.date | None
    on_time: bool
    cards_needed: int
    blank_shortfall: int
    days_to_record: float | None
    days_to_print: float | None
    reason: str


class ForecastInputs(Answer):
    to_record: int
    in_pipeline: int
    awaiting_print: int
    record_rate: float
    print_rate: float
    printers_working: int
    blanks_available: int
    prr_share: float


class Forecast(Answer):
    deadline: dt.date
    days_left: int
    inputs: ForecastInputs
    current: Outcome
    scenarios: list[Outcome]
    print_rate_needed: float | None
    printers_needed: int | None


class BlanksLow(Answer):
    at: dt.datetime
    age_seconds: float = Field(description="how long ago the alert was raised: the figures "
                               "are as they stood then, not now")
    on_hand: int
    wanted: int


class StockLow(Answer):
    at: dt.datetime
    age_seconds: float = Field(description="how long ago the alert was raised: the figures "
                               "are as they stood then, not now")
    in_store: int
    backlog_awaiting_print: int
    projected_shortfall: int
    days_of_stock: float | None


class Alerts(Answer):
    blanks_low: BlanksLow | None = None
    stock_low: StockLow | None = None


class Remote(BaseModel):
    """Another service's own answer, passed on as it came (its OpenAPI describes it)."""

    model_config = ConfigDict(extra="allow")

    available: bool
    error: str | None = Field(None, description="why it could not be asked")
    status: int | None = Field(None, description="its HTTP status, when not 200")


class Progress(Answer):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "as_of": "2026-12-02T01:00:00Z", "events_applied": 412345,
        "generated_at": "2026-12-02T01:00:03Z", "today": "2026-12-02",
        "status_labels": {"BELUM_REKAM": "Belum rekam"},
        "kabupaten": {"kode": "71.74", "nama": "Kota Kotamobagu", "residents": 96000,
                      "target": 96000, "recorded": 88000, "sent": 87900,
                      "print_ready": 86000, "duplicate": 300, "failed": 200,
                      "printed": 79000, "issued": 77000, "suket": 2500, "lacking": 8000,
                      "by_status": {"BELUM_REKAM": 8000}, "field_checks": {"PINDAH": 120}},
        "kecamatan": [], "lainnya": {"residents": 0, "target": 0, "recorded": 0, "sent": 0,
                                     "print_ready": 0, "duplicate": 0, "failed": 0,
                                     "printed": 0, "issued": 0, "suket": 0, "lacking": 0,
                                     "by_status": {}, "field_checks": {}},
        "blanks": {"by_state": {"IN_STORE": 5200, "ISSUED": 300}, "available": 5500},
        "printers": {"by_status": {"ONLINE": 3, "OFFLINE": 0, "IN_REPAIR": 0, "BROKEN": 1},
                     "items": []},
        "rates": {"window_days": 7, "recorded_per_day": 60.0, "sent_per_day": 60.0,
                  "print_ready_per_day": 55.0, "printed_per_day": 140.0,
                  "issued_per_day": 120.0, "days": []},
        "forecast": {"deadline": "2026-12-31", "days_left": 29,
                     "inputs": {"to_record": 8000, "in_pipeline": 100, "awaiting_print": 7000,
                                "record_rate": 60.0, "print_rate": 140.0,
                                "printers_working": 3, "blanks_available": 5500,
                                "prr_share": 0.99},
                     "current": {"label": "today's pace", "finish_date": None,
                                 "on_time": False, "cards_needed": 15000,
                                 "blank_shortfall": 9500, "days_to_record": 133.3,
                                 "days_to_print": 107.1, "reason": "not enough blanks"},
                     "scenarios": [], "print_rate_needed": 517.2, "printers_needed": 11},
        "alerts": {},
    }]})

    as_of: dt.datetime | None = Field(description="time of the newest event applied")
    events_applied: int
    status_labels: dict[ResidentStatus, str]
    kabupaten: Region
    kecamatan: list[Kecamatan]
    lainnya: Figures = Field(description="residents outside the office's desa, or not yet placed")
    blanks: Blanks
    printers: Printers
    rates: Rates
    forecast: Forecast
    alerts: Alerts
    generated_at: dt.datetime
    today: dt.date
    sync: Remote | None = Field(None, description="sync's /sync/status (with live=true)")
    stock_live: Remote | None = Field(None, description="inventory's /stock (with live=true)")
    print_room: Remote | None = Field(None, description="printing's /print-room (live=true)")


class Step(Answer):
    at: dt.datetime
    kind: str
    label: str
    status: str
    took_seconds: float = Field(description="until the next step (or now)")
    took: str
    detail: dict[str, Any] = Field(description="what the event said (free form)")


class Timeline(Answer):
    nik: str
    nama: str | None
    kode_desa: str
    desa: str | None
    kecamatan: str | None
    on_roster: bool
    enrollment_id: str | None
    field_outcome: FieldOutcome | None
    status: ResidentStatus
    status_label: str
    status_since: dt.datetime
    in_status_seconds: float
    in_status: str
    stuck: bool
    stuck_after_hours: float
    steps: list[Step]


class StuckResident(Answer):
    nik: str
    nama: str | None
    kode_desa: str
    desa: str | None
    kecamatan: str | None
    status: ResidentStatus
    status_label: str
    since: dt.datetime
    waiting_seconds: float
    waiting: str


class StuckList(Answer):
    older_than_hours: float
    total: int
    by_status: dict[ResidentStatus, int]
    items: list[StuckResident]
    limit: int
    offset: int


class ProvinceKabupaten(Answer):
    """One office as its own dashboard's GET /progress shows it (without live figures)."""

    kode: str
    nama: str
    as_of: dt.datetime | None
    events_applied: int
    figures: Region
    rates: Rates
    blanks: Blanks
    forecast: Forecast


class ProvinceTotal(Figures):
    """The province: the kabupaten's counts summed (by status and field outcome too)."""

    kabupaten: int = Field(description="offices counted")
    kabupaten_on_time: int = Field(description="offices whose forecast finishes by the deadline")
    cards_needed: int = Field(description="the offices' cards still to make, summed")
    blank_shortfall: int = Field(description="the offices' blank shortfalls, summed")
    blanks_available: int


class ProvinceArea(Answer):
    kode: str
    nama: str


class Province(Answer):
    provinsi: ProvinceArea
    kabupaten: list[ProvinceKabupaten]
    total: ProvinceTotal
    generated_at: dt.datetime
