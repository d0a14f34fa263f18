"""What the printing routes answer; docs/openapi/printing.json is made from these.

Answers built from dicts pass through these models: a key not listed is not sent.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import ConfigDict, Field

from ektp_shared.events import PrinterStatusName
from ektp_shared.openapi import Answer

from ..domain import suket as suket_rules
from ..domain.jobs import JobStatus

Driver = Literal["pdf", "cups", "simulated"]


class PrinterRegistered(Answer):
    id: str
    name: str
    model: str
    driver: Driver
    location: str
    queue: str | None
    status: PrinterStatusName
    reason: str


class Printer(Answer):
    id: str
    name: str
    model: str
    driver: Driver
    location: str
    queue: str | None
    status: PrinterStatusName
    reason: str
    status_changed_at: dt.datetime
    load: int = Field(description="jobs waiting for or printing on it")
    cards_printed: int
    spoiled: int
    spoil_rate: float
    breakdowns: int
    repairs: int


class PrinterEvent(Answer):
    at: dt.datetime
    kind: Literal["REGISTERED", "STATUS", "PRINTED", "SPOILED"]
    from_status: str | None
    to_status: str | None
    reason: str
    job_id: str | None
    actor: str


class PrinterDetail(Printer):
    history: list[PrinterEvent] = Field(description="newest first, at most 200")


class StatusChanged(Answer):
    id: str
    status: PrinterStatusName
    reason: str
    jobs_moved: int = Field(description="queued jobs moved to the other printers")


class PrintJob(Answer):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "job-5b1e", "seq": 812, "nik": "7174014508990002",
        "enrollment_id": "0b7f5d8e-3c1a-4f7e-9a55-2d6c1e4b8a90", "nama": "SITI AMINAH",
        "kode_desa": "71.74.01.1005", "priority": 0, "status": "PRINTED",
        "printer_id": "prn-2", "blank_serial": "BLK0001001", "reprint_of": None,
        "spoil_reason": None, "detail": "", "created_at": "2026-12-02T00:10:00Z",
        "started_at": "2026-12-02T00:12:00Z", "finished_at": "2026-12-02T00:13:10Z",
        "issued_at": None, "handed_to": None, "relationship": None, "issued_by": None}]})

    id: str
    seq: int
    nik: str
    enrollment_id: str
    nama: str | None = None
    kode_desa: str
    priority: int
    status: JobStatus
    printer_id: str | None
    blank_serial: str | None
    reprint_of: str | None = Field(description="the spoiled job this one reprints")
    spoil_reason: str | None
    detail: str
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    issued_at: dt.datetime | None
    handed_to: str | None
    relationship: str | None
    issued_by: str | None


class PrintJobDetail(PrintJob):
    has_preview: bool
    reprint_job_id: str | None = Field(description="the reprint made after this one spoiled")


class QueuedJob(Answer):
    id: str
    nik: str = Field(description="masked: the view may be on an office screen")
    status: JobStatus
    priority: int
    printer_id: str | None
    blank_serial: str | None
    reprint_of: str | None


class BlanksOnHand(Answer):
    on_hand: int = Field(description="free + reserved")
    free: int
    reserved: int
    used: int
    spoiled: int
    returned: int


class Today(Answer):
    printed: int
    spoiled: int
    issued: int
    suket: int


class PrintRoom(Answer):
    jobs: dict[JobStatus, int] = Field(description="print jobs by status")
    queue: list[QueuedJob] = Field(description="the first 50 jobs not yet done")
    printers: list[Printer]
    blanks: BlanksOnHand
    today: Today


class ReadyCard(Answer):
    nik: str
    nama: str
    blank_serial: str | None
    printed_at: dt.datetime | None


class DesaPickup(Answer):
    kode_desa: str
    desa: str | None
    cards: list[ReadyCard]
    count: int


class Handover(Answer):
    nik: str
    job_id: str
    blank_serial: str | None
    handed_to: str
    relationship: str | None
    officer: str
    issued_at: dt.datetime
    status: Literal["ISSUED"]


class SuketIssued(Answer):
    number: str
    nik: str
    nama: str
    issued_on: dt.date
    valid_until: dt.date
    verify_url: str
    pdf_url: str


class SuketCheck(Answer):
    number: str
    nik: str
    nama: str
    issued_on: dt.date
    valid_until: dt.date
    status: Literal["VALID", "EXPIRED"]
    valid: bool


class SuketPublicCheck(Answer):
    """What anyone holding a Suket's number (its QR code) may learn: masked."""

    number: str
    nama: str = Field(description="masked: the first letter of each word")
    nik: str = Field(description="masked: region and serial, not the birth date")
    issued_on: dt.date
    valid_until: dt.date
    issuing_office: str
    status: suket_rules.SuketStatus
    valid: bool
