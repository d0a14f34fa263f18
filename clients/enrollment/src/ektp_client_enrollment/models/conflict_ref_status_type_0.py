from typing import Literal

ConflictRefStatusType0 = Literal["DECIDED", "OPEN"]

CONFLICT_REF_STATUS_TYPE_0_VALUES: set[ConflictRefStatusType0] = {
    "DECIDED",
    "OPEN",
}


def check_conflict_ref_status_type_0(value: str) -> ConflictRefStatusType0:
    if value in CONFLICT_REF_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CONFLICT_REF_STATUS_TYPE_0_VALUES!r}"
    )
