from typing import Literal

EnrollmentSummarySource = Literal["KANTOR", "KIT"]

ENROLLMENT_SUMMARY_SOURCE_VALUES: set[EnrollmentSummarySource] = {
    "KANTOR",
    "KIT",
}


def check_enrollment_summary_source(value: str) -> EnrollmentSummarySource:
    if value in ENROLLMENT_SUMMARY_SOURCE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ENROLLMENT_SUMMARY_SOURCE_VALUES!r}"
    )
