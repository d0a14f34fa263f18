from typing import Literal

FieldCheckedOutcome = Literal["DITEMUKAN", "MENINGGAL", "PINDAH", "TIDAK_DITEMUKAN"]

FIELD_CHECKED_OUTCOME_VALUES: set[FieldCheckedOutcome] = {
    "DITEMUKAN",
    "MENINGGAL",
    "PINDAH",
    "TIDAK_DITEMUKAN",
}


def check_field_checked_outcome(value: str) -> FieldCheckedOutcome:
    if value in FIELD_CHECKED_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FIELD_CHECKED_OUTCOME_VALUES!r}")
