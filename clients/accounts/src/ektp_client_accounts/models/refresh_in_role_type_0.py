from typing import Literal

RefreshInRoleType0 = Literal["admin", "operator", "printer", "storekeeper", "supervisor", "viewer"]

REFRESH_IN_ROLE_TYPE_0_VALUES: set[RefreshInRoleType0] = {
    "admin",
    "operator",
    "printer",
    "storekeeper",
    "supervisor",
    "viewer",
}


def check_refresh_in_role_type_0(value: str) -> RefreshInRoleType0:
    if value in REFRESH_IN_ROLE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REFRESH_IN_ROLE_TYPE_0_VALUES!r}"
    )
