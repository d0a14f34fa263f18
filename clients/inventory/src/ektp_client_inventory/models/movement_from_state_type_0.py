from typing import Literal

MovementFromStateType0 = Literal[
    "ADJUSTED", "DESTROYED", "IN_STORE", "ISSUED", "RETURNED", "SPOILED", "USED"
]

MOVEMENT_FROM_STATE_TYPE_0_VALUES: set[MovementFromStateType0] = {
    "ADJUSTED",
    "DESTROYED",
    "IN_STORE",
    "ISSUED",
    "RETURNED",
    "SPOILED",
    "USED",
}


def check_movement_from_state_type_0(value: str) -> MovementFromStateType0:
    if value in MOVEMENT_FROM_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MOVEMENT_FROM_STATE_TYPE_0_VALUES!r}"
    )
