from typing import Literal

QueuedJobStatus = Literal[
    "ISSUED", "NEEDS_CHECK", "PRINTED", "PRINTING", "QUEUED", "SPOILED", "WAITING_FOR_BLANK"
]

QUEUED_JOB_STATUS_VALUES: set[QueuedJobStatus] = {
    "ISSUED",
    "NEEDS_CHECK",
    "PRINTED",
    "PRINTING",
    "QUEUED",
    "SPOILED",
    "WAITING_FOR_BLANK",
}


def check_queued_job_status(value: str) -> QueuedJobStatus:
    if value in QUEUED_JOB_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUEUED_JOB_STATUS_VALUES!r}")
