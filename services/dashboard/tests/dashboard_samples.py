"""Events as the four services publish them, for the dashboard's tests and benchmark."""

from __future__ import annotations

import datetime as dt

from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    CentralDuplicate,
    CentralFailed,
    CentralPrintReady,
    CentralRosterEntry,
    CentralSubmitted,
    Demographics,
    EnrollmentFieldChecked,
    EnrollmentRecorded,
    InventoryIssued,
    InventoryReceived,
    PrintingBlankSpoiled,
    PrintingCardIssued,
    PrintingCardPrinted,
    PrintingJobQueued,
    PrintingPrinterStatus,
    PrintingSuketIssued,
)
from ektp_shared.nik import make_nik

NOW = dt.datetime.now(dt.UTC)
DESA_TUTUYAN = "71.10.01.2003"
DESA_KOTABUNAN = "71.10.02.2001"


def nik(i: int, kecamatan: str = "711001") -> str:
    return make_nik(kecamatan, dt.date(1990, 1 + i % 12, 1 + i % 28), "LAKI-LAKI", 1 + i)


def ago(hours: float) -> dt.datetime:
    return NOW - dt.timedelta(hours=hours)


def roster(n: str, desa: str = DESA_TUTUYAN, *, at: dt.datetime | None = None) -> CloudEvent:
    return CloudEvent.wrap(CentralRosterEntry(nik=n, nama=f"Warga {n[-4:]}", kode_desa=desa),
                           "sync", time=at)


def recorded(n: str, desa: str = DESA_TUTUYAN, *, at: dt.datetime | None = None) -> CloudEvent:
    at = at or NOW
    demo = Demographics(
        nik=n, nama=f"Warga {n[-4:]}", tempat_lahir="Tutuyan", tanggal_lahir=dt.date(1990, 1, 1),
        jenis_kelamin="LAKI-LAKI", alamat="Jl. Trans Sulawesi", rt="001", rw="002",
        kode_desa=desa, agama="Islam", status_perkawinan="KAWIN", pekerjaan="Nelayan",
    )
    return CloudEvent.wrap(EnrollmentRecorded(
        enrollment_id=f"E-{n}", nik=n, demographics=demo, kode_provinsi="71",
        kode_kabupaten="71.10", kode_kecamatan=desa.rsplit(".", 1)[0], kode_desa=desa,
        sealed_packet="c2VhbGVk", recorded_at=at, recorded_by="operator-1",
    ), "enrollment", time=at)


def field_checked(n: str, outcome: str, *, at: dt.datetime | None = None) -> CloudEvent:
    return CloudEvent.wrap(EnrollmentFieldChecked(
        nik=n, outcome=outcome, officer="petugas-desa", checked_at=at or NOW,
    ), "enrollment", time=at)


def submitted(n: str, *, at: dt.datetime | None = None) -> CloudEvent:
    return CloudEvent.wrap(CentralSubmitted(enrollment_id=f"E-{n}", nik=n,
                                            submitted_at=at or NOW), "sync", time=at)


def print_ready(n: str, *, at: dt.datetime | None = None) -> CloudEvent:
    card = {
        "nik": n, "nama": f"Warga {n[-4:]}", "tempat_lahir": "Tutuyan",
        "tanggal_lahir": "1990-01-01", "jenis_kelamin": "LAKI-LAKI", "alamat": "Jl. Trans",
        "rt": "001", "rw": "002", "kode_desa": DESA_TUTUYAN, "agama": "Islam",
        "status_perkawinan": "KAWIN", "pekerjaan": "Nelayan",
        "photo_jpeg_b64": "UEhPVE8=", "signature_png_b64": "U0lH",
    }
    return CloudEvent.wrap(CentralPrintReady.model_validate(
        {"enrollment_id": f"E-{n}", "nik": n, "card": card,
         "sealed_images": "c2VhbGVkIGZvciB0aGUgcHJpbnQgcm9vbQ=="}), "sync", time=at)


def duplicate(n: str, of: str, *, at: dt.datetime | None = None) -> CloudEvent:
    return CloudEvent.wrap(CentralDuplicate(enrollment_id=f"E-{n}", nik=n, duplicate_of=of),
                           "sync", time=at)


def failed(n: str, *, at: dt.datetime | None = None) -> CloudEvent:
    return CloudEvent.wrap(CentralFailed(enrollment_id=f"E-{n}", nik=n, reason="FOTO_BURAM",
                                         retryable=False), "sync", time=at)


def card_printed(n: str, serial: str, printer: str = "P1", *,
                 at: dt.datetime | None = None) -> CloudEvent:
    return CloudEvent.wrap(PrintingCardPrinted(job_id=f"J-{n}", nik=n, blank_serial=serial,
                                               printer_id=printer, printed_at=at or NOW),
                           "printing", time=at)


def job_queued(n: str, job: str | None = None, *, reprint_of: str | None = None,
               at: dt.datetime | None = None) -> CloudEvent:
    return CloudEvent.wrap(PrintingJobQueued(job_id=job or f"J-{n}", nik=n,
                                             enrollment_id=f"E-{n}", reprint_of=reprint_of,
                                             queued_at=at or NOW), "printing", time=at)


def blank_spoiled(n: str, serial: str, printer: str = "P1", *,
                  at: dt.datetime | None = None) -> CloudEvent:
    return CloudEvent.wrap(PrintingBlankSpoiled(job_id=f"J-{n}", blank_serial=serial,
                                                reason="PRINT_FAIL", nik=n, printer_id=printer),
                           "printing", time=at)


def card_issued(n: str, serial: str, *, at: dt.datetime | None = None) -> CloudEvent:
    return CloudEvent.wrap(PrintingCardIssued(nik=n, blank_serial=serial, handed_to="sendiri",
                                              officer="loket-1"), "printing", time=at)


def suket(n: str) -> CloudEvent:
    return CloudEvent.wrap(PrintingSuketIssued(nik=n, suket_number=f"SK-{n[-4:]}",
                                               valid_until=dt.date(2027, 6, 1)), "printing")


def printer_status(printer: str, status: str, reason: str = "") -> CloudEvent:
    return CloudEvent.wrap(PrintingPrinterStatus(printer_id=printer, status=status,
                                                 reason=reason), "printing")


def received(serials: list[str], ref: str = "KIRIM-1") -> CloudEvent:
    return CloudEvent.wrap(InventoryReceived(batch_reference=ref, serials=serials), "inventory")


def issued_to_print_room(serials: list[str], ref: str = "ISU-1") -> CloudEvent:
    return CloudEvent.wrap(InventoryIssued(reference=ref, serials=serials), "inventory")
