from typing import Literal

ReturnOutReturnedTo = Literal["ministry", "store"]

RETURN_OUT_RETURNED_TO_VALUES: set[ReturnOutReturnedTo] = {
    "ministry",
    "store",
}


def check_return_out_returned_to(value: str) -> ReturnOutReturnedTo:
    if value in RETURN_OUT_RETURNED_TO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RETURN_OUT_RETURNED_TO_VALUES!r}"
    )
