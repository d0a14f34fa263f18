"""The event contract of DESIGN.md section 3: one pydantic model per ``ce_type``.

Each model knows its producing service (so its topic), its type name, and which field is
the Kafka key and ``ce_subject``: the NIK for a resident's events, the serial for one
blank's, the batch reference for a batch, so that each resident's (each blank's) events
stay in order on one partition.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

CE_TYPE_PREFIX = "id.go.dukcapil.ektp."
CE_TYPE_SUFFIX = ".v1"

JenisKelamin = Literal["LAKI-LAKI", "PEREMPUAN"]
GolonganDarah = Literal["A", "B", "AB", "O", "A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-", "-"]
FieldCheckOutcome = Literal["DITEMUKAN", "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN"]
SpoilReason = Literal["ENCODE_FAIL", "PRINT_FAIL", "DAMAGED", "UNKNOWN_AFTER_CRASH"]
PrinterStatusName = Literal["ONLINE", "OFFLINE", "IN_REPAIR", "BROKEN"]


class Demographics(BaseModel):
    """The resident's data as the card and SIAK hold it."""

    model_config = ConfigDict(extra="ignore")

    nik: str = Field(pattern=r"^\d{16}$")
    nama: str
    tempat_lahir: str
    tanggal_lahir: dt.date
    jenis_kelamin: JenisKelamin
    golongan_darah: GolonganDarah = "-"
    alamat: str
    rt: str
    rw: str
    kode_desa: str
    agama: str
    status_perkawinan: str
    pekerjaan: str
    kewarganegaraan: str = "WNI"


class EventData(BaseModel):
    """Base of every event's ``data``. Unknown fields are ignored: newer producers may add."""

    model_config = ConfigDict(extra="ignore")

    producer: ClassVar[str]
    type_name: ClassVar[str]
    key_field: ClassVar[str]

    @classmethod
    def ce_type(cls) -> str:
        return f"{CE_TYPE_PREFIX}{cls.type_name}{CE_TYPE_SUFFIX}"

    def key(self) -> str:
        return str(getattr(self, self.key_field))


# --- enrollment -------------------------------------------------------------------------


class EnrollmentRecorded(EventData):
    producer = "enrollment"
    type_name = "enrollment.recorded"
    key_field = "nik"

    enrollment_id: str
    nik: str
    demographics: Demographics
    kode_provinsi: str
    kode_kabupaten: str
    kode_kecamatan: str
    kode_desa: str
    sealed_packet: str = Field(description="base64 of a sealed box only the centre can open")
    recorded_at: dt.datetime
    recorded_by: str


class EnrollmentFieldChecked(EventData):
    producer = "enrollment"
    type_name = "enrollment.field_checked"
    key_field = "nik"

    nik: str
    outcome: FieldCheckOutcome
    officer: str
    note: str = ""
    kode_desa: str | None = None
    checked_at: dt.datetime


# --- central (published by the sync service) --------------------------------------------


class CentralRosterEntry(EventData):
    producer = "central"
    type_name = "central.roster_entry"
    key_field = "nik"

    nik: str
    nama: str
    kode_desa: str
    tanggal_lahir: dt.date | None = None
    jenis_kelamin: JenisKelamin | None = None


class CentralSubmitted(EventData):
    producer = "central"
    type_name = "central.submitted"
    key_field = "nik"

    enrollment_id: str
    nik: str
    submitted_at: dt.datetime


class CardData(Demographics):
    """Card data exactly as the centre returns it: demographics plus photo and signature.
    On the topic the photo and signature travel sealed (``CentralPrintReady``)."""

    photo_jpeg_b64: str
    signature_png_b64: str


class CentralPrintReady(EventData):
    """The centre's card data: its text in ``card``, its photo and signature sealed for the
    print room in ``sealed_images`` (``sealed_packet.CardImages``), never in clear."""

    producer = "central"
    type_name = "central.print_ready"
    key_field = "nik"

    enrollment_id: str
    nik: str
    card: Demographics
    sealed_images: str = Field(
        description="base64 of a sealed box only the print room can open: the card's photo "
        "(JPEG) and signature (PNG), as sealed_packet.CardImages")

    @field_validator("card", mode="before")
    @classmethod
    def _text_only(cls, value: Any) -> Any:
        # A CardData given here would keep its photo and signature: keep the text only.
        if isinstance(value, BaseModel):
            value = value.model_dump()
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if k in Demographics.model_fields}
        return value


class CentralDuplicate(EventData):
    producer = "central"
    type_name = "central.duplicate"
    key_field = "nik"

    enrollment_id: str
    nik: str
    duplicate_of: str


class CentralFailed(EventData):
    producer = "central"
    type_name = "central.failed"
    key_field = "nik"

    enrollment_id: str
    nik: str
    reason: str
    retryable: bool


# --- printing ---------------------------------------------------------------------------


class PrintingCardPrinted(EventData):
    producer = "printing"
    type_name = "printing.card_printed"
    key_field = "blank_serial"

    job_id: str
    nik: str
    blank_serial: str
    printer_id: str
    printed_at: dt.datetime | None = None


class PrintingJobQueued(EventData):
    """A print job was made for the resident: the first one from a PRR, or a reprint after a
    spoiled blank (``reprint_of`` names the spoiled job). The resident is then
    SENT_FOR_CARD_PRINTING. Keyed by NIK, unlike card_printed and blank_spoiled (by serial),
    so that it stays in order with the resident's other events."""

    producer = "printing"
    type_name = "printing.job_queued"
    key_field = "nik"

    job_id: str
    nik: str
    enrollment_id: str | None = None
    reprint_of: str | None = None
    queued_at: dt.datetime


class PrintingBlankSpoiled(EventData):
    producer = "printing"
    type_name = "printing.blank_spoiled"
    key_field = "blank_serial"

    job_id: str
    blank_serial: str
    reason: SpoilReason
    nik: str | None = None
    printer_id: str | None = None


class PrintingCardIssued(EventData):
    producer = "printing"
    type_name = "printing.card_issued"
    key_field = "nik"

    nik: str
    blank_serial: str
    handed_to: str
    relationship: str | None = None
    officer: str


class PrintingSuketIssued(EventData):
    producer = "printing"
    type_name = "printing.suket_issued"
    key_field = "nik"

    nik: str
    suket_number: str
    valid_until: dt.date


class PrintingPrinterStatus(EventData):
    producer = "printing"
    type_name = "printing.printer_status"
    key_field = "printer_id"

    printer_id: str
    status: PrinterStatusName
    reason: str = ""


class PrintingBlanksLow(EventData):
    producer = "printing"
    type_name = "printing.blanks_low"
    key_field = "location"

    location: str = "print-room"
    on_hand: int
    wanted: int


# --- inventory --------------------------------------------------------------------------


class InventoryReceived(EventData):
    producer = "inventory"
    type_name = "inventory.received"
    key_field = "batch_reference"

    batch_reference: str
    letter_number: str | None = None
    letter_date: dt.date | None = None
    serials: list[str]


class InventoryIssued(EventData):
    producer = "inventory"
    type_name = "inventory.issued"
    key_field = "reference"

    reference: str
    serials: list[str]
    to: str = "print-room"


class _SerialBatchEvent(EventData):
    key_field = "reference"

    reference: str
    serials: list[str]
    witnesses: list[str] = Field(default_factory=list)


class InventoryReturned(_SerialBatchEvent):
    producer = "inventory"
    type_name = "inventory.returned"

    returned_from: str = "print-room"
    returned_to: str = "store"


class InventoryDestroyed(_SerialBatchEvent):
    producer = "inventory"
    type_name = "inventory.destroyed"


class InventoryAdjusted(_SerialBatchEvent):
    producer = "inventory"
    type_name = "inventory.adjusted"

    to_state: str = "ADJUSTED"
    reason: str = ""


class InventoryStockLow(EventData):
    producer = "inventory"
    type_name = "inventory.stock_low"
    key_field = "location"

    location: str = "store"
    in_store: int
    backlog_awaiting_print: int
    projected_shortfall: int
    days_of_stock: float | None = None


EVENT_TYPES: tuple[type[EventData], ...] = (
    EnrollmentRecorded,
    EnrollmentFieldChecked,
    CentralRosterEntry,
    CentralSubmitted,
    CentralPrintReady,
    CentralDuplicate,
    CentralFailed,
    PrintingJobQueued,
    PrintingCardPrinted,
    PrintingBlankSpoiled,
    PrintingCardIssued,
    PrintingSuketIssued,
    PrintingPrinterStatus,
    PrintingBlanksLow,
    InventoryReceived,
    InventoryIssued,
    InventoryReturned,
    InventoryDestroyed,
    InventoryAdjusted,
    InventoryStockLow,
)

BY_CE_TYPE: dict[str, type[EventData]] = {cls.ce_type(): cls for cls in EVENT_TYPES}


class UnknownEventType(ValueError):
    pass


def model_for(ce_type: str) -> type[EventData]:
    try:
        return BY_CE_TYPE[ce_type]
    except KeyError:
        raise UnknownEventType(f"unknown ce_type {ce_type!r}") from None


def export_json_schemas(target: Path) -> list[Path]:
    """Write one JSON Schema per event type into ``target`` (docs/events/)."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for cls in EVENT_TYPES:
        schema: dict[str, Any] = cls.model_json_schema()
        schema["$id"] = cls.ce_type()
        schema["x-topic"] = f"ektp.{cls.producer}.events"
        schema["x-kafka-key"] = cls.key_field
        path = target / f"{cls.type_name}.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
        written.append(path)
    return written


if __name__ == "__main__":  # python -m ektp_shared.events docs/events
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/events")
    for p in export_json_schemas(out):
        print(p)
