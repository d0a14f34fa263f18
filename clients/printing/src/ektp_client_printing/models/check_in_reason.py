from typing import Literal

CheckInReason = Literal["DAMAGED", "ENCODE_FAIL", "PRINT_FAIL", "UNKNOWN_AFTER_CRASH"]

CHECK_IN_REASON_VALUES: set[CheckInReason] = {
    "DAMAGED",
    "ENCODE_FAIL",
    "PRINT_FAIL",
    "UNKNOWN_AFTER_CRASH",
}


def check_check_in_reason(value: str) -> CheckInReason:
    if value in CHECK_IN_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHECK_IN_REASON_VALUES!r}")
