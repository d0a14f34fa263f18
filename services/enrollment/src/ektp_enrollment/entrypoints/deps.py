"""FastAPI dependencies of the enrollment API: who may call, settings, the centre's key."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from nacl.public import PublicKey

from ektp_shared.auth import Principal, require_role
from ektp_shared.deps import AnyUser, IdempotencyKey, PoolDep

from ..config import Settings


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_centre_key(request: Request) -> PublicKey:
    key: PublicKey = request.app.state.centre_key
    return key


# Least privilege: recording and field checks for operators; reviews and kits for
# supervisors (supervisor and admin pass every check); read-only listings also for viewers.
Operator = Annotated[Principal, Depends(require_role("operator"))]
Supervisor = Annotated[Principal, Depends(require_role("supervisor"))]
Reader = Annotated[Principal, Depends(require_role("operator", "viewer"))]
SettingsDep = Annotated[Settings, Depends(get_settings)]
CentreKey = Annotated[PublicKey, Depends(get_centre_key)]

__all__ = [
    "AnyUser", "CentreKey", "IdempotencyKey", "Operator", "PoolDep", "Reader", "SettingsDep",
    "Supervisor",
]
