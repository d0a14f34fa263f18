from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.refresh_in_role_type_0 import RefreshInRoleType0, check_refresh_in_role_type_0
from ..types import UNSET, Unset

T = TypeVar("T", bound="RefreshIn")


@_attrs_define
class RefreshIn:
    """
    Attributes:
        refresh_token (str): The refresh credential of the sign-in
        role (None | RefreshInRoleType0 | Unset): Switch to another role the account holds
    """

    refresh_token: str
    role: None | RefreshInRoleType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        refresh_token = self.refresh_token

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, str):
            role = self.role
        else:
            role = self.role

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "refresh_token": refresh_token,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        refresh_token = d.pop("refresh_token")

        def _parse_role(data: object) -> None | RefreshInRoleType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = check_refresh_in_role_type_0(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RefreshInRoleType0 | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        refresh_in = cls(
            refresh_token=refresh_token,
            role=role,
        )

        return refresh_in
