from typing import Literal

SuketPublicCheckStatus = Literal["EXPIRED", "REVOKED", "VALID"]

SUKET_PUBLIC_CHECK_STATUS_VALUES: set[SuketPublicCheckStatus] = {
    "EXPIRED",
    "REVOKED",
    "VALID",
}


def check_suket_public_check_status(value: str) -> SuketPublicCheckStatus:
    if value in SUKET_PUBLIC_CHECK_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SUKET_PUBLIC_CHECK_STATUS_VALUES!r}"
    )
