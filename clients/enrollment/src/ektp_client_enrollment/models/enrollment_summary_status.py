from typing import Literal

EnrollmentSummaryStatus = Literal[
    "DITOLAK_VERIFIKASI",
    "DUPLICATE_RECORD",
    "ENROLL_FAILURE",
    "MENUNGGU_VERIFIKASI",
    "PRINT_READY_RECORD",
    "SENT_FOR_ENROLLMENT",
    "SUDAH_REKAM",
]

ENROLLMENT_SUMMARY_STATUS_VALUES: set[EnrollmentSummaryStatus] = {
    "DITOLAK_VERIFIKASI",
    "DUPLICATE_RECORD",
    "ENROLL_FAILURE",
    "MENUNGGU_VERIFIKASI",
    "PRINT_READY_RECORD",
    "SENT_FOR_ENROLLMENT",
    "SUDAH_REKAM",
}


def check_enrollment_summary_status(value: str) -> EnrollmentSummaryStatus:
    if value in ENROLLMENT_SUMMARY_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENROLLMENT_SUMMARY_STATUS_VALUES!r}"
    )
