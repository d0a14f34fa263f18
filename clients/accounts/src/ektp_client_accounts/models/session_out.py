from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.session_out_role import SessionOutRole, check_session_out_role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.me import Me


T = TypeVar("T", bound="SessionOut")


@_attrs_define
class SessionOut:
    """
    Attributes:
        access_token (str): EdDSA JWT every service accepts (claims: sub, role, iss, aud, iat, nbf, exp, jti)
        expires_in (int): Seconds the access token lives
        refresh_expires_at (datetime.datetime): When this sign-in ends at the latest
        refresh_token (str): Opaque; rotated by every refresh
        role (SessionOutRole):
        user (Me):
        token_type (Literal['Bearer'] | Unset):  Default: 'Bearer'.
    """

    access_token: str
    expires_in: int
    refresh_expires_at: datetime.datetime
    refresh_token: str
    role: SessionOutRole
    user: Me
    token_type: Literal["Bearer"] | Unset = "Bearer"

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        refresh_expires_at = self.refresh_expires_at.isoformat()

        refresh_token = self.refresh_token

        role: str = self.role

        user = self.user.to_dict()

        token_type = self.token_type

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "access_token": access_token,
                "expires_in": expires_in,
                "refresh_expires_at": refresh_expires_at,
                "refresh_token": refresh_token,
                "role": role,
                "user": user,
            }
        )
        if token_type is not UNSET:
            field_dict["token_type"] = token_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.me import Me  # noqa: PLC0415

        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        refresh_expires_at = datetime.datetime.fromisoformat(d.pop("refresh_expires_at"))

        refresh_token = d.pop("refresh_token")

        role = check_session_out_role(d.pop("role"))

        user = Me.from_dict(d.pop("user"))

        token_type = cast(Literal["Bearer"] | Unset, d.pop("token_type", UNSET))
        if token_type != "Bearer" and not isinstance(token_type, Unset):
            raise ValueError(f"token_type must match const 'Bearer', got '{token_type}'")

        session_out = cls(
            access_token=access_token,
            expires_in=expires_in,
            refresh_expires_at=refresh_expires_at,
            refresh_token=refresh_token,
            role=role,
            user=user,
            token_type=token_type,
        )

        return session_out
