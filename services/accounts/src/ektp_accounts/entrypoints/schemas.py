"""Request bodies (constraints here give a 422 naming the field) and answers."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ektp_shared.auth import Role
from ektp_shared.openapi import Answer

from ..domain.accounts import PASSWORD_MAX_LENGTH, USERNAME_PATTERN, AccountStatus, StaffAccount

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def _one_line(value: str) -> str:
    # A name goes into page headers and the audit trail: one line, no control characters.
    if _CONTROL.search(value):
        raise ValueError("one line only: no line break, tab or control character")
    return value.strip()


OneLine = Annotated[str, AfterValidator(_one_line)]
# Passwords are taken as typed (no stripping); the length bounds the argon2 work.
Password = Annotated[str, Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)]
Username = Annotated[str, Field(min_length=1, max_length=64, examples=["budi"])]
RefreshToken = Annotated[str, Field(min_length=1, max_length=200,
                                    description="The refresh credential of the sign-in")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SignInIn(Strict):
    username: Username
    password: Password
    role: Role | None = Field(None, description="The role to work in (needed when the "
                              "account holds several); the token carries only this one")


class RefreshIn(Strict):
    refresh_token: RefreshToken
    role: Role | None = Field(None, description="Switch to another role the account holds")


class SignOutIn(Strict):
    refresh_token: RefreshToken


class PasswordChangeIn(Strict):
    current_password: Password
    new_password: Password


class AccountIn(Strict):
    username: Annotated[str, Field(pattern=USERNAME_PATTERN, examples=["siti.r"])]
    name: OneLine = Field(min_length=1, max_length=100, examples=["Siti Rahmawati"])
    roles: list[Role] = Field(min_length=1, max_length=6)
    password: Password = Field(description="A first password; its holder must change it at "
                               "the first sign-in")


class AccountPatch(Strict):
    name: OneLine | None = Field(None, min_length=1, max_length=100)
    roles: list[Role] | None = Field(None, min_length=1, max_length=6)
    status: AccountStatus | None = Field(None, description="DISABLED ends every sign-in now; "
                                         "tokens already out expire within minutes")


class Me(Answer):
    username: str
    name: str
    roles: list[Role]
    role: Role = Field(description="The role of this token")
    must_change_password: bool


class SessionOut(Answer):
    access_token: str = Field(description="EdDSA JWT every service accepts (claims: sub, "
                              "role, iss, aud, iat, nbf, exp, jti)")
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 (the scheme, not a secret)
    expires_in: int = Field(description="Seconds the access token lives")
    refresh_token: str = Field(description="Opaque; rotated by every refresh")
    refresh_expires_at: dt.datetime = Field(description="When this sign-in ends at the latest")
    role: Role
    user: Me


class SignedOut(Answer):
    signed_out: Literal[True] = True


class PasswordChanged(Answer):
    username: str
    sessions_ended: int = Field(description="Sign-ins of the account that ended (this one "
                                "too: sign in again with the new password)")


class AccountOut(Answer):
    username: str
    name: str
    roles: list[Role]
    status: AccountStatus
    locked: bool
    failed_attempts: int
    must_change_password: bool
    last_sign_in_at: dt.datetime | None
    created_at: dt.datetime | None
    updated_at: dt.datetime | None

    @classmethod
    def of(cls, a: StaffAccount) -> AccountOut:
        return cls.model_validate({**a.__dict__, "locked": a.locked})


class AccountList(Answer):
    accounts: list[AccountOut]


class PasswordResetOut(Answer):
    username: str
    temporary_password: str = Field(description="Shown once: hand it to the account's holder, "
                                    "who must change it at the next sign-in")
    must_change_password: bool
