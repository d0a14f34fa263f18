from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PasswordChanged")


@_attrs_define
class PasswordChanged:
    """
    Attributes:
        sessions_ended (int): Sign-ins of the account that ended (this one too: sign in again with the new password)
        username (str):
    """

    sessions_ended: int
    username: str

    def to_dict(self) -> dict[str, Any]:
        sessions_ended = self.sessions_ended

        username = self.username

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sessions_ended": sessions_ended,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sessions_ended = d.pop("sessions_ended")

        username = d.pop("username")

        password_changed = cls(
            sessions_ended=sessions_ended,
            username=username,
        )

        return password_changed
