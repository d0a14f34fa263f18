from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sign_in_in_role_type_0 import SignInInRoleType0, check_sign_in_in_role_type_0
from ..types import UNSET, Unset

T = TypeVar("T", bound="SignInIn")


@_attrs_define
class SignInIn:
    """
    Attributes:
        password (str):
        username (str):
        role (None | SignInInRoleType0 | Unset): The role to work in (needed when the account holds several); the token
            carries only this one
    """

    password: str
    username: str
    role: None | SignInInRoleType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        password = self.password

        username = self.username

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
                "password": password,
                "username": username,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        password = d.pop("password")

        username = d.pop("username")

        def _parse_role(data: object) -> None | SignInInRoleType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = check_sign_in_in_role_type_0(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignInInRoleType0 | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        sign_in_in = cls(
            password=password,
            username=username,
            role=role,
        )

        return sign_in_in
