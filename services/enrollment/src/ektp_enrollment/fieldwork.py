"""The handlers of the work done outside the office: mobile kits, field checks, the village
mode's sync and the conflicts it raises. Each runs on the caller's transaction, as in
handlers.py; a record of a batch or a line of a file runs in its own savepoint."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any

from nacl.public import PublicKey
from pydantic import ValidationError

from ektp_shared import audit
from ektp_shared.auth import Principal
from ektp_shared.db import Connection
from ektp_shared.events import EnrollmentFieldChecked
from ektp_shared.outbox import add_event

from .adapters import repository as repo
from .config import Settings
from .domain import kitfile, village
from .domain import roster as rosterdom
from .domain.errors import Refused
from .domain.recording import RecordingRequest
from .handlers import jsonable, record_enrollment

log = logging.getLogger(__name__)


# --- kits ----------------------------------------------------------------------------------


async def register_kit(
    conn: Connection, principal: Principal, kit_id: str, public_key: str, label: str
) -> dict[str, Any]:
    """An operator registers the device key of the tablet they take out. The same kit and key
    again is answered as registered (a device retries after a lost answer)."""
    key = kitfile.parse_public_key(public_key)
    if not await repo.add_kit(conn, kit_id, key, label, principal.user):
        existing = await repo.kit_registration(conn, kit_id)
        if existing is not None and existing["public_key"] == key:
            return {**existing, "already_registered": True}
        raise Refused.one("kit_id", f"kit {kit_id} atau kuncinya sudah terdaftar", kind="conflict")
    await audit.record(conn, principal, "kit.register", target=kit_id, detail={"label": label})
    return {"kit_id": kit_id, "public_key": key, "label": label}


def _validation_errors(exc: ValidationError, prefix: str = "") -> list[dict[str, str]]:
    out = []
    for e in exc.errors():
        name = ".".join(str(p) for p in e["loc"])
        out.append({"field": prefix + name if name else "record", "message": e["msg"]})
    return out


def _refusal(exc: Refused, prefix: str = "") -> dict[str, Any]:
    return {"errors": [{"field": f"{prefix}{e.field}", "message": e.message}
                       for e in exc.errors],
            **{k: v for k, v in exc.extra.items() if v is not None}}


# --- field checks ----------------------------------------------------------------------------


async def record_field_check(
    conn: Connection, settings: Settings, principal: Principal, nik: str, outcome: str,
    note: str, *, officer: str | None = None, checked_at: dt.datetime | None = None,
    source_ref: str | None = None,
) -> dict[str, Any]:
    """Record a field check. One that disagrees with another officer's latest check, or
    closes the entry of a resident already recorded, is kept but held for the supervisor:
    the roster does not follow it until the conflict is decided."""
    officer = officer or principal.user
    entry = await repo.roster_entry(conn, nik, for_update=True)
    if entry is None:
        raise Refused.one("nik", "NIK ini tidak ada di daftar wajib KTP (roster)",
                          kind="not_found", title="Tidak ada di roster")
    latest = await repo.latest_field_check(conn, nik)
    recorded = await repo.active_recording_id(conn, nik) is not None
    disputes = await repo.open_conflict(conn, "OUTCOME_DIFFERS", nik, for_update=True)
    kind = village.check_conflict(
        officer=officer, outcome=outcome, recorded=recorded, open_conflict=disputes is not None,
        latest=latest)
    check_id = uuid.uuid4()
    checked = await repo.insert_check(
        conn, check_id=check_id, nik=nik, kode_desa=entry["kode_desa"], outcome=outcome,
        officer=officer, note=note, checked_at=checked_at, held=kind is not None,
        source_ref=source_ref,
    )
    answer: dict[str, Any] = {
        "field_check_id": str(check_id), "nik": nik, "outcome": outcome,
        "kode_desa": entry["kode_desa"], "officer": officer, "checked_at": checked.isoformat(),
        "held": kind is not None, "conflict": None, "roster_status": entry["status"],
    }
    await audit.record(conn, principal, "field_check.create", target=nik, detail={
        "outcome": outcome, "note": note, "officer": officer, "held": kind is not None})
    if kind is None:
        answer["roster_status"] = await _apply_check(conn, settings, entry, nik, outcome,
                                                     officer, note, checked)
        return answer
    mine = {"field_check_id": str(check_id), "officer": officer, "outcome": outcome,
            "note": note, "checked_at": checked.isoformat(), "source_ref": source_ref}
    if kind == "ALREADY_RECORDED":
        conflict_id = await _open_or_join(conn, kind, nik, entry["kode_desa"], mine, {
            "enrollment_id": await repo.active_recording_id(conn, nik)})
    elif disputes is not None:
        conflict_id = disputes["id"]
        details = disputes["details"]
        details["checks"].append(mine)
        details["choices"] = village.conflict_choices(
            kind, [c["outcome"] for c in details["checks"]])
        await repo.update_conflict_details(conn, conflict_id, details)
    else:
        assert latest is not None
        earlier = {"field_check_id": latest.check_id, "officer": latest.officer,
                   "outcome": latest.outcome, "checked_at": latest.checked_at.isoformat(),
                   "applied": True}
        conflict_id = await _open_or_join(conn, kind, nik, entry["kode_desa"], mine, {},
                                          earlier=earlier)
    answer["conflict"] = {"id": conflict_id, "kind": kind}
    log.info("field check of %s held for the supervisor: conflict %s (%s)", nik, conflict_id,
             kind)
    return answer


async def _apply_check(
    conn: Connection, settings: Settings, entry: dict[str, Any], nik: str, outcome: str,
    officer: str, note: str, checked_at: dt.datetime,
) -> str:
    new_status = rosterdom.roster_status_after_check(entry["status"], outcome)
    await repo.apply_check_to_roster(conn, nik, new_status, outcome, checked_at)
    await add_event(conn, settings.topic("enrollment"), EnrollmentFieldChecked(
        nik=nik, outcome=outcome, officer=officer, note=note,
        kode_desa=entry["kode_desa"], checked_at=checked_at,
    ), source=settings.service_name)
    return new_status


async def _open_or_join(
    conn: Connection, kind: str, nik: str, kode_desa: str, check: dict[str, Any],
    extra: dict[str, Any], *, earlier: dict[str, Any] | None = None,
) -> int:
    existing = await repo.open_conflict(conn, kind, nik, for_update=True)
    if existing is not None:
        details = existing["details"]
        details["checks"].append(check)
        details["choices"] = village.conflict_choices(
            kind, [c["outcome"] for c in details["checks"]])
        await repo.update_conflict_details(conn, existing["id"], details)
        return int(existing["id"])
    checks = [earlier, check] if earlier else [check]
    details = {"checks": checks, **extra,
               "choices": village.conflict_choices(kind, [c["outcome"] for c in checks])}
    return await repo.add_conflict(conn, kind=kind, nik=nik, kode_desa=kode_desa,
                                   details=details)


# --- records from a kit: the village sync and the kit file share one path ----------------------


async def accept_kit_record(
    conn: Connection, settings: Settings, centre_key: PublicKey, principal: Principal,
    kit_id: str, record: village.KitRecord,
) -> dict[str, Any]:
    """Take one record of a kit, once: answered accepted, held (a conflict for the supervisor,
    the record is kept), already_accepted, or refused (nothing kept; the device keeps it)."""
    base = {"record_id": record.record_id, "kind": record.kind, "warnings": [], "errors": []}
    ref = f"{kit_id}:{record.record_id}"
    earlier = await repo.kit_record(conn, kit_id, record.record_id)
    if earlier is None and record.kind == "recording":
        old_import = await repo.by_source_ref(conn, ref)  # a kit file imported before 0004
        if old_import is not None:
            earlier = {"status": "accepted", "enrollment_id": old_import, "warnings": []}
    if earlier is not None:
        return {**base, "status": "already_accepted", **_ids(earlier),
                "warnings": earlier["warnings"]}
    permit: str | None = None
    if record.kind == "recording":
        conflict = await repo.record_conflict(conn, kit_id, record.record_id)
        if conflict is not None:
            if conflict["status"] == "OPEN":
                return {**base, "status": "refused", "conflict": _conflict_ref(conflict),
                        "errors": [{"field": "izin_meninggal", "message":
                                    "menunggu keputusan supervisor (penduduk tercatat "
                                    "MENINGGAL); kirim lagi setelah diputuskan"}]}
            if conflict["decision"] == village.REFUSE:
                return {**base, "status": "refused", "conflict": _conflict_ref(conflict),
                        "errors": [{"field": "izin_meninggal", "message":
                                    f"supervisor menolak perekaman ini: {conflict['reason']}"}]}
            permit = f"{conflict['reason']} (keputusan {conflict['decided_by']}, "\
                     f"konflik {conflict['id']})"
    try:
        async with conn.transaction():  # a savepoint: a refused record leaves no trace
            if not await repo.claim_kit_record(conn, kit_id, record.record_id, record.kind,
                                               principal.user):
                again = await repo.kit_record(conn, kit_id, record.record_id)
                return {**base, "status": "already_accepted", **_ids(again or {})}
            result = await _apply_record(conn, settings, centre_key, principal, kit_id,
                                         record, ref, permit)
            conflict_kind = result.pop("conflict_kind", None)
            await repo.settle_kit_record(conn, kit_id, record.record_id, **result)
            result["conflict_kind"] = conflict_kind
    except Refused as exc:
        answer = {**base, "status": "refused", **_refusal(exc, "data.")}
        if record.kind == "recording" and exc.kind == "conflict" \
                and exc.extra.get("field_check_id"):
            answer["conflict"] = await _recording_conflict(conn, kit_id, record, exc)
        return answer
    return {**base, **_ids(result), "status": result["status"],
            "warnings": result.get("warnings") or []}


def _ids(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if row.get("enrollment_id"):
        out["enrollment_id"] = str(row["enrollment_id"])
    if row.get("field_check_id"):
        out["field_check_id"] = str(row["field_check_id"])
    if row.get("conflict_id"):
        out["conflict"] = {"id": row["conflict_id"], "kind": row.get("conflict_kind")}
    return out


def _conflict_ref(conflict: dict[str, Any]) -> dict[str, Any]:
    return {"id": conflict["id"], "kind": conflict["kind"], "status": conflict["status"]}


async def _apply_record(
    conn: Connection, settings: Settings, centre_key: PublicKey, principal: Principal,
    kit_id: str, record: village.KitRecord, ref: str, permit: str | None,
) -> dict[str, Any]:
    by = f"{record.operator}@{kit_id}"
    if record.kind == "field_check":
        try:
            check = village.FieldCheckData.model_validate(record.data)
        except ValidationError as exc:
            raise _invalid(exc) from None
        done = await record_field_check(
            conn, settings, principal, check.nik, check.outcome, check.note, officer=by,
            checked_at=record.recorded_at, source_ref=ref)
        conflict = done["conflict"]
        return {"status": "held" if done["held"] else "accepted",
                "field_check_id": uuid.UUID(done["field_check_id"]),
                "conflict_id": conflict["id"] if conflict else None,
                "conflict_kind": conflict["kind"] if conflict else None, "warnings": []}
    try:
        req = RecordingRequest.model_validate(record.data)
    except ValidationError as exc:
        raise _invalid(exc) from None
    answer = await record_enrollment(
        conn, settings, centre_key, principal, req, recorded_at=record.recorded_at,
        recorded_by=by, source="KIT", source_ref=ref, meninggal_permit=permit)
    return {"status": "accepted", "enrollment_id": answer["enrollment_id"],
            "warnings": answer["warnings"]}


def _invalid(exc: ValidationError) -> Refused:
    errors = _validation_errors(exc)
    refused = Refused.one(errors[0]["field"], errors[0]["message"])
    refused.errors = [type(refused.errors[0])(e["field"], e["message"]) for e in errors]
    return refused


async def _recording_conflict(
    conn: Connection, kit_id: str, record: village.KitRecord, exc: Refused
) -> dict[str, Any]:
    """A recording of a resident checked MENINGGAL: listed for the supervisor, once per
    record however often the device sends it."""
    data = record.data if isinstance(record.data, dict) else {}
    existing = await repo.record_conflict(conn, kit_id, record.record_id)
    if existing is not None:
        return _conflict_ref(existing)
    entry = await repo.roster_entry(conn, str(data.get("nik")))
    details = {
        "choices": village.conflict_choices("RECORDING_AFTER_MENINGGAL", []),
        "field_check_id": exc.extra.get("field_check_id"), "message": exc.errors[0].message,
        "recording": {"kit_id": kit_id, "record_id": record.record_id,
                      "operator": record.operator, "recorded_at": record.recorded_at.isoformat(),
                      "nama": data.get("nama"), "kode_desa": data.get("kode_desa")},
    }
    conflict_id = await repo.add_conflict(
        conn, kind="RECORDING_AFTER_MENINGGAL", nik=str(data.get("nik")),
        kode_desa=(entry or {}).get("kode_desa") or str(data.get("kode_desa") or ""),
        details=details, kit_id=kit_id, record_id=record.record_id)
    return {"id": conflict_id, "kind": "RECORDING_AFTER_MENINGGAL", "status": "OPEN"}


async def sync_kit_records(
    conn: Connection, settings: Settings, centre_key: PublicKey, principal: Principal,
    kit_id: str, records: list[dict[str, Any]],
) -> dict[str, Any]:
    """The village sync: a batch of records each signed by the device; each judged alone."""
    kit = await repo.kit_registration(conn, kit_id)
    if kit is None:
        raise Refused.one("kit_id", f"kit {kit_id} belum terdaftar; daftarkan perangkat dulu",
                          kind="not_found", title="Kit tidak dikenal")
    results: list[dict[str, Any]] = []
    for raw in records:
        record_id = raw.get("record_id") if isinstance(raw.get("record_id"), str) else None
        base = {"record_id": record_id, "kind": raw.get("kind", "recording"),
                "warnings": [], "errors": []}
        try:
            record = village.KitRecord.model_validate(raw)
            village.verify_record(raw, kit["public_key"])
        except ValidationError as exc:
            results.append({**base, "status": "refused", "errors": _validation_errors(exc)})
            continue
        except Refused as exc:
            results.append({**base, "status": "refused", **_refusal(exc)})
            continue
        results.append(await accept_kit_record(conn, settings, centre_key, principal, kit_id,
                                                record))
    counts = {s: sum(1 for r in results if r["status"] == s)
              for s in ("accepted", "already_accepted", "refused", "held")}
    await audit.record(conn, principal, "kit.sync", target=kit_id, detail=counts)
    return {"kit_id": kit_id, "results": jsonable(results), "counts": counts}


async def import_kit(
    conn: Connection, settings: Settings, centre_key: PublicKey, principal: Principal,
    raw: bytes,
) -> dict[str, Any]:
    """Verify the file, then take each line as the sync takes a record; bad lines are
    reported, good ones kept. Importing the same file again (or records the device already
    synced) takes nothing twice: each (kit, record_id) is remembered."""
    kit = kitfile.read_kit_file(raw)
    key = await repo.kit_public_key(conn, kit.kit_id)
    if key is None:
        raise Refused.one("file", f"kit {kit.kit_id} belum terdaftar; daftarkan kuncinya dulu",
                          title="Berkas kit ditolak")
    kitfile.verify_kit_file(kit, key)
    imported: list[dict[str, Any]] = []
    already: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    for line_no, line in kit.lines:
        try:
            record = village.KitRecord.model_validate_json(line)
        except ValidationError as exc:
            rejected.append({"line": line_no, "record_id": None,
                             "errors": _validation_errors(exc)})
            continue
        answer = await accept_kit_record(conn, settings, centre_key, principal, kit.kit_id,
                                         record)
        status = answer.pop("status")
        line_answer = {"line": line_no, **answer}
        if status == "refused":
            line_answer.pop("warnings", None)
            rejected.append(line_answer)
            continue
        line_answer.pop("errors", None)
        if status == "already_accepted":
            already.append(line_answer)
        else:
            imported.append(line_answer)
    await audit.record(conn, principal, "kit.import", target=kit.kit_id, detail={
        "imported": len(imported), "already_imported": len(already), "rejected": len(rejected),
    })
    return {
        "kit_id": kit.kit_id, "imported": imported, "already_imported": already,
        "rejected": rejected,
        "counts": {"imported": len(imported), "already_imported": len(already),
                   "rejected": len(rejected)},
    }


# --- the supervisor's decisions ---------------------------------------------------------------


def conflict_view(row: dict[str, Any]) -> dict[str, Any]:
    return jsonable([{k: row[k] for k in (
        "id", "kind", "nik", "nama", "kode_desa", "status", "opened_at", "details", "decision",
        "reason", "decided_by", "decided_at")}])[0]


async def list_conflicts(
    conn: Connection, principal: Principal, status: str | None, page: int, per_page: int
) -> dict[str, Any]:
    total, rows = await repo.list_conflicts(conn, status=status, limit=per_page,
                                            offset=(page - 1) * per_page)
    # the list names residents by NIK: a lookup of personal data, in the audit trail
    await audit.record(conn, principal, "field_check.conflicts.list", target=None,
                       detail={"status": status, "page": page, "shown": len(rows)})
    return {"total": total, "page": page, "per_page": per_page,
            "items": [conflict_view(r) for r in rows]}


async def decide_conflict(
    conn: Connection, settings: Settings, principal: Principal, conflict_id: int,
    decision: str, reason: str,
) -> dict[str, Any]:
    conflict = await repo.get_conflict(conn, conflict_id, for_update=True)
    if conflict is None:
        raise Refused.one("id", f"konflik {conflict_id} tidak ada", kind="not_found")
    if conflict["status"] != "OPEN":
        raise Refused.one("id", f"konflik {conflict_id} sudah diputuskan "
                          f"({conflict['decision']} oleh {conflict['decided_by']})",
                          kind="conflict")
    details = conflict["details"]
    village.check_decision(details["choices"], decision, reason)
    nik = conflict["nik"]
    if conflict["kind"] == "OUTCOME_DIFFERS":
        # The supervisor's word is the check the roster follows from now on.
        entry = await repo.roster_entry(conn, nik, for_update=True)
        if entry is not None:
            checked = await repo.insert_check(
                conn, check_id=uuid.uuid4(), nik=nik, kode_desa=entry["kode_desa"],
                outcome=decision, officer=principal.user, note=f"keputusan konflik: {reason}",
                checked_at=None, held=False, source_ref=f"conflict:{conflict_id}")
            await _apply_check(conn, settings, entry, nik, decision, principal.user,
                               f"keputusan konflik: {reason}", checked)
    elif conflict["kind"] == "ALREADY_RECORDED" and decision == village.APPLY:
        entry = await repo.roster_entry(conn, nik, for_update=True)
        for check in details["checks"]:
            row = await repo.unhold_check(conn, uuid.UUID(check["field_check_id"]))
            if row is not None and entry is not None:
                await _apply_check(conn, settings, entry, nik, row["outcome"], row["officer"],
                                   row["note"], row["checked_at"])
    # RECORDING_AFTER_MENINGGAL: the decision waits for the device's next sending.
    await repo.decide_conflict(conn, conflict_id, decision, reason.strip(), principal.user)
    await audit.record(conn, principal, "field_check.conflict.decide", target=nik, detail={
        "conflict_id": conflict_id, "kind": conflict["kind"], "decision": decision,
        "reason": reason.strip()})
    decided = await repo.get_conflict(conn, conflict_id)
    assert decided is not None
    return conflict_view(decided)
