from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.account_patch_roles_type_0_item import (
    AccountPatchRolesType0Item,
    check_account_patch_roles_type_0_item,
)
from ..models.account_patch_status_type_0 import (
    AccountPatchStatusType0,
    check_account_patch_status_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountPatch")


@_attrs_define
class AccountPatch:
    """
    Attributes:
        name (None | str | Unset):
        roles (list[AccountPatchRolesType0Item] | None | Unset):
        status (AccountPatchStatusType0 | None | Unset): DISABLED ends every sign-in now; tokens already out expire
            within minutes
    """

    name: None | str | Unset = UNSET
    roles: list[AccountPatchRolesType0Item] | None | Unset = UNSET
    status: AccountPatchStatusType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = []
            for roles_type_0_item_data in self.roles:
                roles_type_0_item: str = roles_type_0_item_data
                roles.append(roles_type_0_item)

        else:
            roles = self.roles

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if roles is not UNSET:
            field_dict["roles"] = roles
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_roles(data: object) -> list[AccountPatchRolesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = []
                _roles_type_0 = data
                for roles_type_0_item_data in _roles_type_0:
                    roles_type_0_item = check_account_patch_roles_type_0_item(
                        roles_type_0_item_data
                    )

                    roles_type_0.append(roles_type_0_item)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AccountPatchRolesType0Item] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_status(data: object) -> AccountPatchStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = check_account_patch_status_type_0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountPatchStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        account_patch = cls(
            name=name,
            roles=roles,
            status=status,
        )

        return account_patch
