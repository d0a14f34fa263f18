from typing import Literal

ReturnInReturnedFrom = Literal["print-room", "store"]

RETURN_IN_RETURNED_FROM_VALUES: set[ReturnInReturnedFrom] = {
    "print-room",
    "store",
}


def check_return_in_returned_from(value: str) -> ReturnInReturnedFrom:
    if value in RETURN_IN_RETURNED_FROM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RETURN_IN_RETURNED_FROM_VALUES!r}"
    )
