from typing import Literal

AccountOutRolesItem = Literal["admin", "operator", "printer", "storekeeper", "supervisor", "viewer"]

ACCOUNT_OUT_ROLES_ITEM_VALUES: set[AccountOutRolesItem] = {
    "admin",
    "operator",
    "printer",
    "storekeeper",
    "supervisor",
    "viewer",
}


def check_account_out_roles_item(value: str) -> AccountOutRolesItem:
    if value in ACCOUNT_OUT_ROLES_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACCOUNT_OUT_ROLES_ITEM_VALUES!r}"
    )
