from typing import Literal

KitRecordResultStatus = Literal["accepted", "already_accepted", "held", "refused"]

KIT_RECORD_RESULT_STATUS_VALUES: set[KitRecordResultStatus] = {
    "accepted",
    "already_accepted",
    "held",
    "refused",
}


def check_kit_record_result_status(value: str) -> KitRecordResultStatus:
    if value in KIT_RECORD_RESULT_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {KIT_RECORD_RESULT_STATUS_VALUES!r}"
    )
