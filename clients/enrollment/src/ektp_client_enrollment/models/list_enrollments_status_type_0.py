from typing import Literal

ListEnrollmentsStatusType0 = Literal[
    "DITOLAK_VERIFIKASI",
    "DUPLICATE_RECORD",
    "ENROLL_FAILURE",
    "MENUNGGU_VERIFIKASI",
    "PRINT_READY_RECORD",
    "SENT_FOR_ENROLLMENT",
    "SUDAH_REKAM",
]

LIST_ENROLLMENTS_STATUS_TYPE_0_VALUES: set[ListEnrollmentsStatusType0] = {
    "DITOLAK_VERIFIKASI",
    "DUPLICATE_RECORD",
    "ENROLL_FAILURE",
    "MENUNGGU_VERIFIKASI",
    "PRINT_READY_RECORD",
    "SENT_FOR_ENROLLMENT",
    "SUDAH_REKAM",
}


def check_list_enrollments_status_type_0(value: str) -> ListEnrollmentsStatusType0:
    if value in LIST_ENROLLMENTS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_ENROLLMENTS_STATUS_TYPE_0_VALUES!r}"
    )
