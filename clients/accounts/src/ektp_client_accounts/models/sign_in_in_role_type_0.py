from typing import Literal

SignInInRoleType0 = Literal["admin", "operator", "printer", "storekeeper", "supervisor", "viewer"]

SIGN_IN_IN_ROLE_TYPE_0_VALUES: set[SignInInRoleType0] = {
    "admin",
    "operator",
    "printer",
    "storekeeper",
    "supervisor",
    "viewer",
}


def check_sign_in_in_role_type_0(value: str) -> SignInInRoleType0:
    if value in SIGN_IN_IN_ROLE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SIGN_IN_IN_ROLE_TYPE_0_VALUES!r}"
    )
