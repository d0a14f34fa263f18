"""The village mode's records: what a tablet sends when it finds a network, and the
conflicts the supervisor decides.

Each record is signed on the device by itself (Ed25519 over its canonical JSON), so a batch
cut off halfway, or sent again, is judged record by record: the office remembers every
record it took by (kit, record_id) and answers ``already_accepted`` when one comes again.

A conflict is never settled by whichever record arrived last:
- OUTCOME_DIFFERS: another officer's latest check of the same resident says otherwise;
- ALREADY_RECORDED: a check saying the resident moved, died or was not found, for one
  already recorded;
- RECORDING_AFTER_MENINGGAL: a recording of a resident whose latest check says MENINGGAL.
The first two keep the check (``held``: not applied to the roster) until the supervisor
picks the outcome; the third refuses the recording, which stays on the device, until the
supervisor permits it (the next sending is then recorded) or refuses it for good.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Any, Literal

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey
from pydantic import BaseModel, ConfigDict, Field

from ektp_shared.events import FieldCheckOutcome

from .errors import Refused
from .recording import LatestFieldCheck

MAX_RECORDS = 50
RecordKind = Literal["field_check", "recording"]
ConflictKind = Literal["OUTCOME_DIFFERS", "ALREADY_RECORDED", "RECORDING_AFTER_MENINGGAL"]
# A check that closes a roster entry: it disagrees with a recording of the same resident.
CLOSING_OUTCOMES = ("PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN")
PERMIT, REFUSE = "REKAM", "TOLAK"
APPLY, SET_ASIDE = "TERIMA", "ABAIKAN"


class KitRecord(BaseModel):
    """One record as the device keeps it (``data`` is checked by its kind's own model)."""

    model_config = ConfigDict(extra="forbid")

    record_id: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9._:-]+$")
    kind: RecordKind = "recording"
    recorded_at: dt.datetime
    operator: str = Field(min_length=1, max_length=100)
    data: Any
    signature: str | None = Field(
        default=None, description="base64 Ed25519 over the record's canonical JSON without "
        "this field (keys sorted, no spaces, UTF-8); required when synced, optional in a "
        "kit file, whose own signature covers it")


class FieldCheckData(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    nik: str = Field(pattern=r"^\d{16}$", description="16 digit NIK from the roster")
    outcome: FieldCheckOutcome
    note: str = Field(default="", max_length=500)


def canonical_bytes(record: dict[str, Any]) -> bytes:
    """What the device signs: the record without its signature, keys sorted, no spaces."""
    unsigned = {k: v for k, v in record.items() if k != "signature"}
    return json.dumps(unsigned, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode()


def verify_record(record: dict[str, Any], public_key_b64: str) -> None:
    """Raise Refused (field ``signature``) unless the kit's key signed this very record."""
    signature = record.get("signature")
    if not isinstance(signature, str) or not signature:
        raise Refused.one("signature", "catatan tanpa tanda tangan perangkat")
    try:
        VerifyKey(base64.b64decode(public_key_b64)).verify(
            canonical_bytes(record), base64.b64decode(signature, validate=True))
    except (BadSignatureError, ValueError, binascii.Error):
        raise Refused.one(
            "signature", "tanda tangan catatan tidak cocok dengan kunci perangkat: catatan "
            "diubah setelah ditandatangani atau bukan dari perangkat ini") from None


def check_conflict(
    *, officer: str, outcome: str, latest: LatestFieldCheck | None, recorded: bool,
    open_conflict: bool,
) -> ConflictKind | None:
    """Whether a new check must wait for the supervisor instead of updating the roster."""
    if recorded and outcome in CLOSING_OUTCOMES:
        return "ALREADY_RECORDED"
    if open_conflict:  # a dispute already open: this check joins it
        return "OUTCOME_DIFFERS"
    if latest is not None and latest.officer != officer and latest.outcome != outcome:
        return "OUTCOME_DIFFERS"
    return None


def conflict_choices(kind: str, outcomes: list[str]) -> list[str]:
    """The decisions the supervisor may take on a conflict."""
    if kind == "OUTCOME_DIFFERS":
        return sorted(set(outcomes))
    if kind == "ALREADY_RECORDED":
        return [APPLY, SET_ASIDE]
    return [PERMIT, REFUSE]


def check_decision(choices: list[str], decision: str, reason: str) -> None:
    if decision not in choices:
        raise Refused.one("decision", f"keputusan harus salah satu dari {', '.join(choices)}")
    if not reason.strip():
        raise Refused.one("reason", "tuliskan alasan keputusan")
