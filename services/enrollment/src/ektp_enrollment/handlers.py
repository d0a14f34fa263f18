"""One function per command or consumed event: load, ask the domain, save, audit and
outbox, all on the caller's transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import uuid
from typing import Any

from nacl.public import PublicKey

from ektp_shared import audit
from ektp_shared.auth import ALL_OFFICE, Principal
from ektp_shared.consumer import PermanentHandlerError
from ektp_shared.db import Connection
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    CentralDuplicate,
    CentralFailed,
    CentralPrintReady,
    CentralRosterEntry,
    CentralSubmitted,
    Demographics,
    EnrollmentRecorded,
    EventData,
)
from ektp_shared.office import current as current_office
from ektp_shared.outbox import add_event
from ektp_shared.sealed_packet import BiometricPacket, seal
from ektp_shared.wilayah import normalise_desa_code

from .adapters import repository as repo
from .config import Settings
from .domain import roster as rosterdom
from .domain import status as st
from .domain.errors import Refused
from .domain.recording import (
    RecordingRequest,
    allow_after_field_check,
    allow_new_recording,
    check_recording,
)

log = logging.getLogger(__name__)

# "Today" for the age rule is the office's today (WIB, WITA or WIT by its provinsi), not UTC's.
OFFICE_TZ = current_office().tz


def office_today() -> dt.date:
    return dt.datetime.now(OFFICE_TZ).date()


def is_supervisor(principal: Principal) -> bool:
    return principal.role in ALL_OFFICE


def _row_to_event(row: dict[str, Any]) -> EnrollmentRecorded:
    kode_kecamatan = row["kode_kecamatan"]
    return EnrollmentRecorded(
        enrollment_id=row["enrollment_id"], nik=row["nik"],
        demographics=Demographics.model_validate(row["demographics"]),
        kode_provinsi=kode_kecamatan[:2], kode_kabupaten=kode_kecamatan[:5],
        kode_kecamatan=kode_kecamatan, kode_desa=row["kode_desa"],
        sealed_packet=row["sealed_packet"], recorded_at=row["recorded_at"],
        recorded_by=row["recorded_by"],
    )


def public_view(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "enrollment_id": row["enrollment_id"],
        "nik": row["nik"],
        "nama": row["nama"],
        "status": row["status"],
        "kode_desa": row["kode_desa"],
        "kode_kecamatan": row["kode_kecamatan"],
        "source": row["source"],
        "recorded_at": row["recorded_at"].isoformat(),
        "recorded_by": row["recorded_by"],
        "status_changed_at": row["status_changed_at"].isoformat()
        if row.get("status_changed_at") else None,
        "warnings": row["warnings"],
        "overrides": row["overrides"],
        "duplicate_of": row.get("duplicate_of"),
        "last_failure": row.get("last_failure"),
    }


# --- recording --------------------------------------------------------------------------


async def check_enrollment(
    conn: Connection, principal: Principal, req: RecordingRequest,
) -> dict[str, Any]:
    """Every rule of a recording, nothing written: the warnings for the clerk to confirm
    before saving (the recording form's confirm step). Raises Refused as recording would."""
    day = dt.datetime.now(dt.UTC).astimezone(OFFICE_TZ).date()
    checked = check_recording(req, today=day, is_supervisor=is_supervisor(principal))
    overrides = dict(checked.overrides)
    overrides.update(allow_new_recording(
        await repo.earlier_recordings(conn, req.nik),
        rerecord_reason=req.izin_rekam_ulang, is_supervisor=is_supervisor(principal),
    ))
    # It tells whether the NIK was recorded before: a NIK lookup, in the audit trail.
    await audit.record(conn, principal, "enrollment.check", target=req.nik,
                       detail={"warnings": len(checked.warnings)})
    return {"nik": req.nik, "warnings": checked.warnings, "overrides": overrides}


async def record_enrollment(
    conn: Connection,
    settings: Settings,
    centre_key: PublicKey,
    principal: Principal,
    req: RecordingRequest,
    *,
    recorded_at: dt.datetime | None = None,
    recorded_by: str | None = None,
    source: str = "KANTOR",
    source_ref: str | None = None,
    meninggal_permit: str | None = None,
) -> dict[str, Any]:
    """Record one resident; returns the answer for the clerk. Raises Refused.
    ``meninggal_permit``: a supervisor's decision (a conflict of the village sync) to record
    a resident checked MENINGGAL, with its reason."""
    recorded_at = recorded_at or dt.datetime.now(dt.UTC)
    # Wajib KTP is judged on the day of recording (a kit's file may be imported days later).
    day = recorded_at.astimezone(OFFICE_TZ).date()
    checked = check_recording(req, today=day, is_supervisor=is_supervisor(principal),
                              thresholds=settings.quality_thresholds())
    overrides = dict(checked.overrides)
    overrides.update(allow_new_recording(
        await repo.earlier_recordings(conn, req.nik),
        rerecord_reason=req.izin_rekam_ulang, is_supervisor=is_supervisor(principal),
    ))
    latest = await repo.latest_field_check(conn, req.nik)
    if latest is not None:  # its day as the office counts days
        latest = dataclasses.replace(latest, checked_at=latest.checked_at.astimezone(OFFICE_TZ))
    after_check, check_warnings = allow_after_field_check(
        latest, reason=meninggal_permit or req.izin_meninggal,
        is_supervisor=meninggal_permit is not None or is_supervisor(principal),
    )
    overrides.update(after_check)
    checked.warnings.extend(check_warnings)
    enrollment_id = str(uuid.uuid4())
    b = req.biometrics
    sealed = seal(
        BiometricPacket(
            enrollment_id=enrollment_id, nik=req.nik, photo_jpeg_b64=b.photo_jpeg_b64,
            signature_png_b64=b.signature_png_b64, fingerprints=b.finger_data(),
            finger_exceptions=b.finger_exceptions, irises=b.iris_data(),
            iris_exceptions=b.iris_exceptions,
        ),
        centre_key,
    )
    status = st.MENUNGGU_VERIFIKASI if settings.supervisor_review else st.SUDAH_REKAM
    row: dict[str, Any] = {
        "enrollment_id": enrollment_id, "nik": req.nik, "nama": req.nama,
        "kode_desa": checked.kode_desa, "kode_kecamatan": checked.kode_kecamatan,
        "demographics": checked.demographics(), "status": status, "sealed_packet": sealed,
        "biometric_summary": checked.biometric_summary, "warnings": checked.warnings,
        "overrides": overrides, "source": source, "source_ref": source_ref,
        "recorded_at": recorded_at, "recorded_by": recorded_by or principal.user,
    }
    if not await repo.insert_enrollment(conn, row):
        raise Refused.one(
            "nik", "NIK ini sudah direkam; perekaman ganda tidak diterima", kind="conflict",
            existing_enrollment_id=await repo.active_recording_id(conn, req.nik),
        )
    await repo.add_history(conn, uuid.UUID(enrollment_id), status, True,
                           detail={"by": row["recorded_by"], "source": source})
    await repo.mark_roster_recorded(conn, req.nik)
    await audit.record(conn, principal, "enrollment.create", target=req.nik, detail={
        "enrollment_id": enrollment_id, "source": source, "source_ref": source_ref,
        "overrides": overrides, "warnings": checked.warnings,
    })
    if status == st.SUDAH_REKAM:
        await add_event(conn, settings.topic("enrollment"), _row_to_event(row),
                        source=settings.service_name)
    return {
        "enrollment_id": enrollment_id, "nik": req.nik, "status": status,
        "warnings": checked.warnings, "overrides": overrides,
        "recorded_at": recorded_at.isoformat(), "biometric_summary": checked.biometric_summary,
    }


def _parse_id(enrollment_id: str) -> uuid.UUID:
    try:
        return uuid.UUID(enrollment_id)
    except ValueError:
        raise Refused.one("enrollment_id", f"{enrollment_id!r} bukan id perekaman",
                          kind="not_found", title="Perekaman tidak ditemukan") from None


async def review_enrollment(
    conn: Connection, settings: Settings, principal: Principal, enrollment_id: str,
    approve: bool, note: str,
) -> dict[str, Any]:
    """Supervisor review (when switched on): release to the centre, or refuse."""
    eid = _parse_id(enrollment_id)
    row = await repo.get_enrollment(conn, eid, for_update=True)
    if row is None:
        raise Refused.one("enrollment_id", "perekaman tidak ditemukan", kind="not_found",
                          title="Perekaman tidak ditemukan")
    if row["status"] != st.MENUNGGU_VERIFIKASI:
        raise Refused.one("enrollment_id", f"perekaman berstatus {row['status']}, bukan "
                          f"{st.MENUNGGU_VERIFIKASI}", kind="conflict")
    new = st.SUDAH_REKAM if approve else st.DITOLAK_VERIFIKASI
    await repo.set_status(conn, eid, new, st.is_active(new))
    await repo.add_history(conn, eid, new, True, detail={"by": principal.user, "note": note})
    await audit.record(conn, principal, "enrollment.review", target=row["nik"],
                       detail={"enrollment_id": enrollment_id, "approve": approve, "note": note})
    if approve:
        await add_event(conn, settings.topic("enrollment"), _row_to_event(row),
                        source=settings.service_name)
    row["status"] = new
    return public_view(row)


async def view_enrollment(
    conn: Connection, principal: Principal, enrollment_id: str
) -> dict[str, Any]:
    eid = _parse_id(enrollment_id)
    row = await repo.get_enrollment(conn, eid)
    if row is None:
        raise Refused.one("enrollment_id", "perekaman tidak ditemukan", kind="not_found",
                          title="Perekaman tidak ditemukan")
    # Reading a resident's record is a NIK lookup: it goes in the audit trail.
    await audit.record(conn, principal, "enrollment.view", target=row["nik"],
                       detail={"enrollment_id": enrollment_id})
    view = public_view(row)
    view["demographics"] = row["demographics"]
    view["biometric_summary"] = row["biometric_summary"]
    view["history"] = [
        {**h, "at": h["at"].isoformat()} for h in await repo.history(conn, eid)
    ]
    return view


# --- verdicts from the centre -----------------------------------------------------------


async def _apply_verdict(
    conn: Connection, event: CloudEvent, enrollment_id: str, nik: str, new: str,
    detail: dict[str, Any], *, duplicate_of: str | None = None,
) -> None:
    try:
        eid = uuid.UUID(enrollment_id)
    except ValueError:
        raise PermanentHandlerError(f"enrollment_id {enrollment_id!r} is not a UUID") from None
    row = await repo.get_enrollment(conn, eid, for_update=True)
    if row is None:
        # Not ours (another office's recording): keep the trace, change nothing.
        log.warning("verdict %s for unknown recording %s", new, enrollment_id)
        await repo.add_history(conn, eid, new, False, event.id, {**detail, "unknown": True})
        return
    if row["nik"] != nik:
        raise PermanentHandlerError(f"verdict for {enrollment_id} names another NIK")
    applied = st.moves_forward(row["status"], new)
    if applied:
        await repo.set_status(conn, eid, new, st.is_active(new), duplicate_of=duplicate_of)
    else:
        log.info("verdict %s for %s arrived after %s: kept in history only",
                 new, enrollment_id, row["status"])
    await repo.add_history(conn, eid, new, applied, event.id, detail)
    await audit.record(conn, None, f"enrollment.verdict.{new}", target=nik,
                       detail={"enrollment_id": enrollment_id, "applied": applied})


async def on_submitted(conn: Connection, event: CloudEvent, data: EventData) -> None:
    assert isinstance(data, CentralSubmitted)
    await _apply_verdict(conn, event, data.enrollment_id, data.nik, st.SENT_FOR_ENROLLMENT,
                         {"submitted_at": data.submitted_at.isoformat()})


async def on_print_ready(conn: Connection, event: CloudEvent, data: EventData) -> None:
    # The card's photo and signature in this event are the print room's: not kept here.
    assert isinstance(data, CentralPrintReady)
    await _apply_verdict(conn, event, data.enrollment_id, data.nik, st.PRINT_READY_RECORD, {})


async def on_duplicate(conn: Connection, event: CloudEvent, data: EventData) -> None:
    assert isinstance(data, CentralDuplicate)
    await _apply_verdict(conn, event, data.enrollment_id, data.nik, st.DUPLICATE_RECORD,
                         {"duplicate_of": data.duplicate_of}, duplicate_of=data.duplicate_of)


async def on_failed(conn: Connection, event: CloudEvent, data: EventData) -> None:
    assert isinstance(data, CentralFailed)
    failure = {"reason": data.reason, "retryable": data.retryable, "at": event.time.isoformat()}
    try:
        eid = uuid.UUID(data.enrollment_id)
    except ValueError:
        raise PermanentHandlerError(f"enrollment_id {data.enrollment_id!r} is not a UUID") from None
    if await repo.get_enrollment(conn, eid) is not None:
        # Visible either way: a retryable failure keeps the state and shows the last error.
        await repo.set_last_failure(conn, eid, failure)
    if data.retryable:
        await repo.add_history(conn, eid, "FAILURE_RETRYABLE", False, event.id, failure)
        return
    await _apply_verdict(conn, event, data.enrollment_id, data.nik, st.ENROLL_FAILURE, failure)


async def on_roster_entry(conn: Connection, event: CloudEvent, data: EventData) -> None:
    assert isinstance(data, CentralRosterEntry)
    try:
        entry = rosterdom.make_entry(data.nik, data.nama, data.kode_desa, data.tanggal_lahir,
                                     data.jenis_kelamin, today=office_today())
    except ValueError as exc:
        raise PermanentHandlerError(f"roster entry refused: {exc}") from None
    await repo.upsert_roster(conn, [entry], "PUSAT")


CONSUMED: dict[str, Any] = {
    CentralRosterEntry.ce_type(): on_roster_entry,
    CentralSubmitted.ce_type(): on_submitted,
    CentralPrintReady.ce_type(): on_print_ready,
    CentralDuplicate.ce_type(): on_duplicate,
    CentralFailed.ce_type(): on_failed,
}


# --- roster -------------------------------------------------------------------------------


async def import_roster(
    conn: Connection, principal: Principal, text: str, *, line_offset: int = 0
) -> dict[str, Any]:
    good, bad = rosterdom.parse_roster_csv(text, today=office_today(), line_offset=line_offset)
    new = await repo.upsert_roster(conn, good, "CSV")
    await audit.record(conn, principal, "roster.import", target=None, detail={
        "accepted": len(good), "new": new, "rejected": len(bad), "line_offset": line_offset,
    })
    return {
        "accepted": len(good), "new": new, "updated": len(good) - new, "rejected": len(bad),
        "bad_rows": [{"line": b.line, "nik": b.nik, "error": b.error} for b in bad],
    }


# --- field checks ---------------------------------------------------------------------------


def check_desa(value: str, field_name: str = "kode_desa") -> str:
    desa = normalise_desa_code(value)
    refusal = current_office().desa_or_refusal(desa)
    if isinstance(refusal, str):
        raise Refused.one(field_name, refusal.replace(f"kode desa {desa}", f"kode desa {value}"))
    return desa


async def schedule_visit(
    conn: Connection, principal: Principal, kode_desa: str, tanggal: dt.date, officer: str,
    note: str,
) -> dict[str, Any]:
    desa = check_desa(kode_desa)
    row = await repo.add_visit(conn, kode_desa=desa, tanggal=tanggal, officer=officer,
                               note=note, by=principal.user)
    if row is None:
        raise Refused.one("tanggal", f"{officer} sudah dijadwalkan ke desa ini pada {tanggal}",
                          kind="conflict")
    await audit.record(conn, principal, "visit.schedule", target=desa,
                       detail={"tanggal": tanggal.isoformat(), "officer": officer})
    return {**row, "tanggal": row["tanggal"].isoformat()}


def jsonable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return json.loads(json.dumps(rows, default=str))

