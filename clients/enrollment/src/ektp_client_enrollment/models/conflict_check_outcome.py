from typing import Literal

ConflictCheckOutcome = Literal["DITEMUKAN", "MENINGGAL", "PINDAH", "TIDAK_DITEMUKAN"]

CONFLICT_CHECK_OUTCOME_VALUES: set[ConflictCheckOutcome] = {
    "DITEMUKAN",
    "MENINGGAL",
    "PINDAH",
    "TIDAK_DITEMUKAN",
}


def check_conflict_check_outcome(value: str) -> ConflictCheckOutcome:
    if value in CONFLICT_CHECK_OUTCOME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CONFLICT_CHECK_OUTCOME_VALUES!r}"
    )
