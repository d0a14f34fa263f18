from typing import Literal

AccountOutStatus = Literal["ACTIVE", "DISABLED"]

ACCOUNT_OUT_STATUS_VALUES: set[AccountOutStatus] = {
    "ACTIVE",
    "DISABLED",
}


def check_account_out_status(value: str) -> AccountOutStatus:
    if value in ACCOUNT_OUT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACCOUNT_OUT_STATUS_VALUES!r}")
