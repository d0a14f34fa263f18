from typing import Literal

ListConflictsStatusType0 = Literal["DECIDED", "OPEN"]

LIST_CONFLICTS_STATUS_TYPE_0_VALUES: set[ListConflictsStatusType0] = {
    "DECIDED",
    "OPEN",
}


def check_list_conflicts_status_type_0(value: str) -> ListConflictsStatusType0:
    if value in LIST_CONFLICTS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_CONFLICTS_STATUS_TYPE_0_VALUES!r}"
    )
