from typing import Literal

StatusChangedStatus = Literal["BROKEN", "IN_REPAIR", "OFFLINE", "ONLINE"]

STATUS_CHANGED_STATUS_VALUES: set[StatusChangedStatus] = {
    "BROKEN",
    "IN_REPAIR",
    "OFFLINE",
    "ONLINE",
}


def check_status_changed_status(value: str) -> StatusChangedStatus:
    if value in STATUS_CHANGED_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STATUS_CHANGED_STATUS_VALUES!r}")
