from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.me_role import MeRole, check_me_role
from ..models.me_roles_item import MeRolesItem, check_me_roles_item

T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        must_change_password (bool):
        name (str):
        role (MeRole): The role of this token
        roles (list[MeRolesItem]):
        username (str):
    """

    must_change_password: bool
    name: str
    role: MeRole
    roles: list[MeRolesItem]
    username: str

    def to_dict(self) -> dict[str, Any]:
        must_change_password = self.must_change_password

        name = self.name

        role: str = self.role

        roles = []
        for roles_item_data in self.roles:
            roles_item: str = roles_item_data
            roles.append(roles_item)

        username = self.username

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "must_change_password": must_change_password,
                "name": name,
                "role": role,
                "roles": roles,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        must_change_password = d.pop("must_change_password")

        name = d.pop("name")

        role = check_me_role(d.pop("role"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = check_me_roles_item(roles_item_data)

            roles.append(roles_item)

        username = d.pop("username")

        me = cls(
            must_change_password=must_change_password,
            name=name,
            role=role,
            roles=roles,
            username=username,
        )

        return me
