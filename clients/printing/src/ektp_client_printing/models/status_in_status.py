from typing import Literal

StatusInStatus = Literal["BROKEN", "IN_REPAIR", "OFFLINE", "ONLINE"]

STATUS_IN_STATUS_VALUES: set[StatusInStatus] = {
    "BROKEN",
    "IN_REPAIR",
    "OFFLINE",
    "ONLINE",
}


def check_status_in_status(value: str) -> StatusInStatus:
    if value in STATUS_IN_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUS_IN_STATUS_VALUES!r}")
