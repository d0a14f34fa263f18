from typing import Literal

CircuitState = Literal["CLOSED", "HALF_OPEN", "OPEN"]

CIRCUIT_STATE_VALUES: set[CircuitState] = {
    "CLOSED",
    "HALF_OPEN",
    "OPEN",
}


def check_circuit_state(value: str) -> CircuitState:
    if value in CIRCUIT_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CIRCUIT_STATE_VALUES!r}")
