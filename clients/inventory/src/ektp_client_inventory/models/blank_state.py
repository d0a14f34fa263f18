from typing import Literal

BlankState = Literal["ADJUSTED", "DESTROYED", "IN_STORE", "ISSUED", "RETURNED", "SPOILED", "USED"]

BLANK_STATE_VALUES: set[BlankState] = {
    "ADJUSTED",
    "DESTROYED",
    "IN_STORE",
    "ISSUED",
    "RETURNED",
    "SPOILED",
    "USED",
}


def check_blank_state(value: str) -> BlankState:
    if value in BLANK_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BLANK_STATE_VALUES!r}")
