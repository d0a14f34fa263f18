from typing import Literal

MovementKind = Literal[
    "ADJUSTED",
    "DESTROYED",
    "FOUND",
    "ISSUED",
    "RECEIVED",
    "RETURNED_TO_MINISTRY",
    "RETURNED_TO_STORE",
    "SPOILED",
    "USED",
]

MOVEMENT_KIND_VALUES: set[MovementKind] = {
    "ADJUSTED",
    "DESTROYED",
    "FOUND",
    "ISSUED",
    "RECEIVED",
    "RETURNED_TO_MINISTRY",
    "RETURNED_TO_STORE",
    "SPOILED",
    "USED",
}


def check_movement_kind(value: str) -> MovementKind:
    if value in MOVEMENT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MOVEMENT_KIND_VALUES!r}")
