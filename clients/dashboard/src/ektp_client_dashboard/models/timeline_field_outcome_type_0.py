from typing import Literal

TimelineFieldOutcomeType0 = Literal["DITEMUKAN", "MENINGGAL", "PINDAH", "TIDAK_DITEMUKAN"]

TIMELINE_FIELD_OUTCOME_TYPE_0_VALUES: set[TimelineFieldOutcomeType0] = {
    "DITEMUKAN",
    "MENINGGAL",
    "PINDAH",
    "TIDAK_DITEMUKAN",
}


def check_timeline_field_outcome_type_0(value: str) -> TimelineFieldOutcomeType0:
    if value in TIMELINE_FIELD_OUTCOME_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TIMELINE_FIELD_OUTCOME_TYPE_0_VALUES!r}"
    )
