from typing import Literal

ReturnOutReturnedFrom = Literal["print-room", "store"]

RETURN_OUT_RETURNED_FROM_VALUES: set[ReturnOutReturnedFrom] = {
    "print-room",
    "store",
}


def check_return_out_returned_from(value: str) -> ReturnOutReturnedFrom:
    if value in RETURN_OUT_RETURNED_FROM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RETURN_OUT_RETURNED_FROM_VALUES!r}"
    )
