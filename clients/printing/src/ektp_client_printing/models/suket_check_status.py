from typing import Literal

SuketCheckStatus = Literal["EXPIRED", "VALID"]

SUKET_CHECK_STATUS_VALUES: set[SuketCheckStatus] = {
    "EXPIRED",
    "VALID",
}


def check_suket_check_status(value: str) -> SuketCheckStatus:
    if value in SUKET_CHECK_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUKET_CHECK_STATUS_VALUES!r}")
