from typing import Literal

ItemResultStatus = Literal["ACCEPTED", "ALREADY_RECEIVED", "REFUSED", "REJECTED"]

ITEM_RESULT_STATUS_VALUES: set[ItemResultStatus] = {
    "ACCEPTED",
    "ALREADY_RECEIVED",
    "REFUSED",
    "REJECTED",
}


def check_item_result_status(value: str) -> ItemResultStatus:
    if value in ITEM_RESULT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_RESULT_STATUS_VALUES!r}")
