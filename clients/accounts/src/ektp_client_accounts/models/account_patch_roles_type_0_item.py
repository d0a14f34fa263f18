from typing import Literal

AccountPatchRolesType0Item = Literal[
    "admin", "operator", "printer", "storekeeper", "supervisor", "viewer"
]

ACCOUNT_PATCH_ROLES_TYPE_0_ITEM_VALUES: set[AccountPatchRolesType0Item] = {
    "admin",
    "operator",
    "printer",
    "storekeeper",
    "supervisor",
    "viewer",
}


def check_account_patch_roles_type_0_item(value: str) -> AccountPatchRolesType0Item:
    if value in ACCOUNT_PATCH_ROLES_TYPE_0_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACCOUNT_PATCH_ROLES_TYPE_0_ITEM_VALUES!r}"
    )
