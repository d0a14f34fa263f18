"""A recording's states (DESIGN.md section 5) and the rule that verdicts never go backwards."""

from __future__ import annotations

from typing import Final

# Only when supervisor review is switched on: recorded but not yet released to the centre.
MENUNGGU_VERIFIKASI: Final = "MENUNGGU_VERIFIKASI"
# The supervisor refused the recording in review; the resident must be recorded again.
DITOLAK_VERIFIKASI: Final = "DITOLAK_VERIFIKASI"
SUDAH_REKAM: Final = "SUDAH_REKAM"
SENT_FOR_ENROLLMENT: Final = "SENT_FOR_ENROLLMENT"
PRINT_READY_RECORD: Final = "PRINT_READY_RECORD"
DUPLICATE_RECORD: Final = "DUPLICATE_RECORD"
ENROLL_FAILURE: Final = "ENROLL_FAILURE"

STATUSES: Final = (
    MENUNGGU_VERIFIKASI, DITOLAK_VERIFIKASI, SUDAH_REKAM, SENT_FOR_ENROLLMENT,
    PRINT_READY_RECORD, DUPLICATE_RECORD, ENROLL_FAILURE,
)

# How far along a recording is. A verdict may only move it forward: the centre's answers
# can arrive out of order (central.submitted after central.print_ready).
_RANK: Final = {
    MENUNGGU_VERIFIKASI: 0,
    SUDAH_REKAM: 1,
    SENT_FOR_ENROLLMENT: 2,
    PRINT_READY_RECORD: 3,
    DUPLICATE_RECORD: 3,
    ENROLL_FAILURE: 3,
    DITOLAK_VERIFIKASI: 3,
}

FINAL: Final = frozenset({PRINT_READY_RECORD, DUPLICATE_RECORD, ENROLL_FAILURE, DITOLAK_VERIFIKASI})
# After these the NIK may be recorded again (with a supervisor's permission for the centre's).
INACTIVE: Final = frozenset({DUPLICATE_RECORD, ENROLL_FAILURE, DITOLAK_VERIFIKASI})
CENTRE_REJECTED: Final = frozenset({DUPLICATE_RECORD, ENROLL_FAILURE})


def moves_forward(current: str, new: str) -> bool:
    """True when a verdict ``new`` should replace ``current``. A final state is never
    replaced: the first verdict of the centre stands, later ones are only kept in history."""
    if current in FINAL:
        return False
    return _RANK[new] > _RANK[current]


def is_active(status: str) -> bool:
    return status not in INACTIVE
