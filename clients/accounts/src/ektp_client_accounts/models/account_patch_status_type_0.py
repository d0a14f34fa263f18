from typing import Literal

AccountPatchStatusType0 = Literal["ACTIVE", "DISABLED"]

ACCOUNT_PATCH_STATUS_TYPE_0_VALUES: set[AccountPatchStatusType0] = {
    "ACTIVE",
    "DISABLED",
}


def check_account_patch_status_type_0(value: str) -> AccountPatchStatusType0:
    if value in ACCOUNT_PATCH_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACCOUNT_PATCH_STATUS_TYPE_0_VALUES!r}"
    )
