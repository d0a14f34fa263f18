from typing import Literal

ConflictKind = Literal["ALREADY_RECORDED", "OUTCOME_DIFFERS", "RECORDING_AFTER_MENINGGAL"]

CONFLICT_KIND_VALUES: set[ConflictKind] = {
    "ALREADY_RECORDED",
    "OUTCOME_DIFFERS",
    "RECORDING_AFTER_MENINGGAL",
}


def check_conflict_kind(value: str) -> ConflictKind:
    if value in CONFLICT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONFLICT_KIND_VALUES!r}")
