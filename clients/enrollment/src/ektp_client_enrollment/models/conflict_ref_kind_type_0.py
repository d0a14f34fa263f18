from typing import Literal

ConflictRefKindType0 = Literal["ALREADY_RECORDED", "OUTCOME_DIFFERS", "RECORDING_AFTER_MENINGGAL"]

CONFLICT_REF_KIND_TYPE_0_VALUES: set[ConflictRefKindType0] = {
    "ALREADY_RECORDED",
    "OUTCOME_DIFFERS",
    "RECORDING_AFTER_MENINGGAL",
}


def check_conflict_ref_kind_type_0(value: str) -> ConflictRefKindType0:
    if value in CONFLICT_REF_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CONFLICT_REF_KIND_TYPE_0_VALUES!r}"
    )
