from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.account_out_roles_item import AccountOutRolesItem, check_account_out_roles_item
from ..models.account_out_status import AccountOutStatus, check_account_out_status

T = TypeVar("T", bound="AccountOut")


@_attrs_define
class AccountOut:
    """
    Attributes:
        created_at (datetime.datetime | None):
        failed_attempts (int):
        last_sign_in_at (datetime.datetime | None):
        locked (bool):
        must_change_password (bool):
        name (str):
        roles (list[AccountOutRolesItem]):
        status (AccountOutStatus):
        updated_at (datetime.datetime | None):
        username (str):
    """

    created_at: datetime.datetime | None
    failed_attempts: int
    last_sign_in_at: datetime.datetime | None
    locked: bool
    must_change_password: bool
    name: str
    roles: list[AccountOutRolesItem]
    status: AccountOutStatus
    updated_at: datetime.datetime | None
    username: str

    def to_dict(self) -> dict[str, Any]:
        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        failed_attempts = self.failed_attempts

        last_sign_in_at: None | str
        if isinstance(self.last_sign_in_at, datetime.datetime):
            last_sign_in_at = self.last_sign_in_at.isoformat()
        else:
            last_sign_in_at = self.last_sign_in_at

        locked = self.locked

        must_change_password = self.must_change_password

        name = self.name

        roles = []
        for roles_item_data in self.roles:
            roles_item: str = roles_item_data
            roles.append(roles_item)

        status: str = self.status

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        username = self.username

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
                "failed_attempts": failed_attempts,
                "last_sign_in_at": last_sign_in_at,
                "locked": locked,
                "must_change_password": must_change_password,
                "name": name,
                "roles": roles,
                "status": status,
                "updated_at": updated_at,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))

        failed_attempts = d.pop("failed_attempts")

        def _parse_last_sign_in_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_sign_in_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_sign_in_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_sign_in_at = _parse_last_sign_in_at(d.pop("last_sign_in_at"))

        locked = d.pop("locked")

        must_change_password = d.pop("must_change_password")

        name = d.pop("name")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = check_account_out_roles_item(roles_item_data)

            roles.append(roles_item)

        status = check_account_out_status(d.pop("status"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        username = d.pop("username")

        account_out = cls(
            created_at=created_at,
            failed_attempts=failed_attempts,
            last_sign_in_at=last_sign_in_at,
            locked=locked,
            must_change_password=must_change_password,
            name=name,
            roles=roles,
            status=status,
            updated_at=updated_at,
            username=username,
        )

        return account_out
