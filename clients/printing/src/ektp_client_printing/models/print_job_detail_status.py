from typing import Literal

PrintJobDetailStatus = Literal[
    "ISSUED", "NEEDS_CHECK", "PRINTED", "PRINTING", "QUEUED", "SPOILED", "WAITING_FOR_BLANK"
]

PRINT_JOB_DETAIL_STATUS_VALUES: set[PrintJobDetailStatus] = {
    "ISSUED",
    "NEEDS_CHECK",
    "PRINTED",
    "PRINTING",
    "QUEUED",
    "SPOILED",
    "WAITING_FOR_BLANK",
}


def check_print_job_detail_status(value: str) -> PrintJobDetailStatus:
    if value in PRINT_JOB_DETAIL_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRINT_JOB_DETAIL_STATUS_VALUES!r}"
    )
