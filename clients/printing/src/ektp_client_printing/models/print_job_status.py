from typing import Literal

PrintJobStatus = Literal[
    "ISSUED", "NEEDS_CHECK", "PRINTED", "PRINTING", "QUEUED", "SPOILED", "WAITING_FOR_BLANK"
]

PRINT_JOB_STATUS_VALUES: set[PrintJobStatus] = {
    "ISSUED",
    "NEEDS_CHECK",
    "PRINTED",
    "PRINTING",
    "QUEUED",
    "SPOILED",
    "WAITING_FOR_BLANK",
}


def check_print_job_status(value: str) -> PrintJobStatus:
    if value in PRINT_JOB_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRINT_JOB_STATUS_VALUES!r}")
