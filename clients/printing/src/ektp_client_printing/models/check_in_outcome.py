from typing import Literal

CheckInOutcome = Literal["PRINTED", "SPOILED"]

CHECK_IN_OUTCOME_VALUES: set[CheckInOutcome] = {
    "PRINTED",
    "SPOILED",
}


def check_check_in_outcome(value: str) -> CheckInOutcome:
    if value in CHECK_IN_OUTCOME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHECK_IN_OUTCOME_VALUES!r}")
