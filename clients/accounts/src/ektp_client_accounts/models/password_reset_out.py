from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PasswordResetOut")


@_attrs_define
class PasswordResetOut:
    """
    Attributes:
        must_change_password (bool):
        temporary_password (str): Shown once: hand it to the account's holder, who must change it at the next sign-in
        username (str):
    """

    must_change_password: bool
    temporary_password: str
    username: str

    def to_dict(self) -> dict[str, Any]:
        must_change_password = self.must_change_password

        temporary_password = self.temporary_password

        username = self.username

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "must_change_password": must_change_password,
                "temporary_password": temporary_password,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        must_change_password = d.pop("must_change_password")

        temporary_password = d.pop("temporary_password")

        username = d.pop("username")

        password_reset_out = cls(
            must_change_password=must_change_password,
            temporary_password=temporary_password,
            username=username,
        )

        return password_reset_out
