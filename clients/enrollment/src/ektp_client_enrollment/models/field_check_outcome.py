from typing import Literal

FieldCheckOutcome = Literal["DITEMUKAN", "MENINGGAL", "PINDAH", "TIDAK_DITEMUKAN"]

FIELD_CHECK_OUTCOME_VALUES: set[FieldCheckOutcome] = {
    "DITEMUKAN",
    "MENINGGAL",
    "PINDAH",
    "TIDAK_DITEMUKAN",
}


def check_field_check_outcome(value: str) -> FieldCheckOutcome:
    if value in FIELD_CHECK_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FIELD_CHECK_OUTCOME_VALUES!r}")
