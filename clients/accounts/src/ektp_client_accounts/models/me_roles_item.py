from typing import Literal

MeRolesItem = Literal["admin", "operator", "printer", "storekeeper", "supervisor", "viewer"]

ME_ROLES_ITEM_VALUES: set[MeRolesItem] = {
    "admin",
    "operator",
    "printer",
    "storekeeper",
    "supervisor",
    "viewer",
}


def check_me_roles_item(value: str) -> MeRolesItem:
    if value in ME_ROLES_ITEM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ME_ROLES_ITEM_VALUES!r}")
