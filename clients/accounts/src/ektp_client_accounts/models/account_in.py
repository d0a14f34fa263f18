from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.account_in_roles_item import AccountInRolesItem, check_account_in_roles_item

T = TypeVar("T", bound="AccountIn")


@_attrs_define
class AccountIn:
    """
    Attributes:
        name (str):
        password (str): A first password; its holder must change it at the first sign-in
        roles (list[AccountInRolesItem]):
        username (str):
    """

    name: str
    password: str
    roles: list[AccountInRolesItem]
    username: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        password = self.password

        roles = []
        for roles_item_data in self.roles:
            roles_item: str = roles_item_data
            roles.append(roles_item)

        username = self.username

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "password": password,
                "roles": roles,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        password = d.pop("password")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = check_account_in_roles_item(roles_item_data)

            roles.append(roles_item)

        username = d.pop("username")

        account_in = cls(
            name=name,
            password=password,
            roles=roles,
            username=username,
        )

        return account_in
