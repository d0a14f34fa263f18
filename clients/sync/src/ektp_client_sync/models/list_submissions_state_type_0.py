from typing import Literal

ListSubmissionsStateType0 = Literal[
    "CANCELLED",
    "DUPLICATE_RECORD",
    "FAILED",
    "PENDING",
    "PRINT_READY_RECORD",
    "SENT_FOR_ENROLLMENT",
]

LIST_SUBMISSIONS_STATE_TYPE_0_VALUES: set[ListSubmissionsStateType0] = {
    "CANCELLED",
    "DUPLICATE_RECORD",
    "FAILED",
    "PENDING",
    "PRINT_READY_RECORD",
    "SENT_FOR_ENROLLMENT",
}


def check_list_submissions_state_type_0(value: str) -> ListSubmissionsStateType0:
    if value in LIST_SUBMISSIONS_STATE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_SUBMISSIONS_STATE_TYPE_0_VALUES!r}"
    )
