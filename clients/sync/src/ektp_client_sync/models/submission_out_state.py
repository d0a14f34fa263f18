from typing import Literal

SubmissionOutState = Literal[
    "CANCELLED",
    "DUPLICATE_RECORD",
    "FAILED",
    "PENDING",
    "PRINT_READY_RECORD",
    "SENT_FOR_ENROLLMENT",
]

SUBMISSION_OUT_STATE_VALUES: set[SubmissionOutState] = {
    "CANCELLED",
    "DUPLICATE_RECORD",
    "FAILED",
    "PENDING",
    "PRINT_READY_RECORD",
    "SENT_FOR_ENROLLMENT",
}


def check_submission_out_state(value: str) -> SubmissionOutState:
    if value in SUBMISSION_OUT_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBMISSION_OUT_STATE_VALUES!r}")
