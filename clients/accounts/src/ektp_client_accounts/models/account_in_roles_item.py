from typing import Literal

AccountInRolesItem = Literal["admin", "operator", "printer", "storekeeper", "supervisor", "viewer"]

ACCOUNT_IN_ROLES_ITEM_VALUES: set[AccountInRolesItem] = {
    "admin",
    "operator",
    "printer",
    "storekeeper",
    "supervisor",
    "viewer",
}


def check_account_in_roles_item(value: str) -> AccountInRolesItem:
    if value in ACCOUNT_IN_ROLES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ACCOUNT_IN_ROLES_ITEM_VALUES!r}")
