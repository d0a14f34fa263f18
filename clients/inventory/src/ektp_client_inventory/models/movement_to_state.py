from typing import Literal

MovementToState = Literal[
    "ADJUSTED", "DESTROYED", "IN_STORE", "ISSUED", "RETURNED", "SPOILED", "USED"
]

MOVEMENT_TO_STATE_VALUES: set[MovementToState] = {
    "ADJUSTED",
    "DESTROYED",
    "IN_STORE",
    "ISSUED",
    "RETURNED",
    "SPOILED",
    "USED",
}


def check_movement_to_state(value: str) -> MovementToState:
    if value in MOVEMENT_TO_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MOVEMENT_TO_STATE_VALUES!r}")
