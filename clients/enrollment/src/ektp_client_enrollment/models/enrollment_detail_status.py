from typing import Literal

EnrollmentDetailStatus = Literal[
    "DITOLAK_VERIFIKASI",
    "DUPLICATE_RECORD",
    "ENROLL_FAILURE",
    "MENUNGGU_VERIFIKASI",
    "PRINT_READY_RECORD",
    "SENT_FOR_ENROLLMENT",
    "SUDAH_REKAM",
]

ENROLLMENT_DETAIL_STATUS_VALUES: set[EnrollmentDetailStatus] = {
    "DITOLAK_VERIFIKASI",
    "DUPLICATE_RECORD",
    "ENROLL_FAILURE",
    "MENUNGGU_VERIFIKASI",
    "PRINT_READY_RECORD",
    "SENT_FOR_ENROLLMENT",
    "SUDAH_REKAM",
}


def check_enrollment_detail_status(value: str) -> EnrollmentDetailStatus:
    if value in ENROLLMENT_DETAIL_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENROLLMENT_DETAIL_STATUS_VALUES!r}"
    )
