from typing import Literal

VerdictOutStatus = Literal[
    "DUPLICATE_RECORD", "ENROLL_FAILURE", "PENDING", "PRINT_READY_RECORD", "UNKNOWN"
]

VERDICT_OUT_STATUS_VALUES: set[VerdictOutStatus] = {
    "DUPLICATE_RECORD",
    "ENROLL_FAILURE",
    "PENDING",
    "PRINT_READY_RECORD",
    "UNKNOWN",
}


def check_verdict_out_status(value: str) -> VerdictOutStatus:
    if value in VERDICT_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VERDICT_OUT_STATUS_VALUES!r}")
