from typing import Literal

ReturnInReturnedTo = Literal["ministry", "store"]

RETURN_IN_RETURNED_TO_VALUES: set[ReturnInReturnedTo] = {
    "ministry",
    "store",
}


def check_return_in_returned_to(value: str) -> ReturnInReturnedTo:
    if value in RETURN_IN_RETURNED_TO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RETURN_IN_RETURNED_TO_VALUES!r}")
