from typing import Literal

ConflictStatus = Literal["DECIDED", "OPEN"]

CONFLICT_STATUS_VALUES: set[ConflictStatus] = {
    "DECIDED",
    "OPEN",
}


def check_conflict_status(value: str) -> ConflictStatus:
    if value in CONFLICT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONFLICT_STATUS_VALUES!r}")
