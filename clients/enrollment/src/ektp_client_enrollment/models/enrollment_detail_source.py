from typing import Literal

EnrollmentDetailSource = Literal["KANTOR", "KIT"]

ENROLLMENT_DETAIL_SOURCE_VALUES: set[EnrollmentDetailSource] = {
    "KANTOR",
    "KIT",
}


def check_enrollment_detail_source(value: str) -> EnrollmentDetailSource:
    if value in ENROLLMENT_DETAIL_SOURCE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENROLLMENT_DETAIL_SOURCE_VALUES!r}"
    )
