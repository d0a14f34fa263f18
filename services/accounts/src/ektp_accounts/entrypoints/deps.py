"""Who may call what, and what a route needs, as Annotated aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ektp_shared.auth import Principal, current_principal, require_role
from ektp_shared.deps import PoolDep

from ..adapters.passwords import Passwords
from ..config import Settings
from ..handlers import Keys

# Managing accounts is the supervisor's (and admin's) job: with no role named,
# require_role lets only them through. Anyone signed in may read and change their own.
Supervisor = Annotated[Principal, Depends(require_role())]
SignedIn = Annotated[Principal, Depends(current_principal)]


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_keys(request: Request) -> Keys:
    keys: Keys = request.app.state.signing_keys
    return keys


def get_passwords(request: Request) -> Passwords:
    passwords: Passwords = request.app.state.passwords
    return passwords


SettingsDep = Annotated[Settings, Depends(get_settings)]
KeysDep = Annotated[Keys, Depends(get_keys)]
PasswordsDep = Annotated[Passwords, Depends(get_passwords)]

__all__ = ["KeysDep", "PasswordsDep", "PoolDep", "SettingsDep", "SignedIn", "Supervisor"]
