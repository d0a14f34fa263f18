"""Who may call what, and what a route needs, as Annotated aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ektp_shared.auth import Principal, require_role
from ektp_shared.deps import IdempotencyKey, PoolDep

from ..config import Settings

# Moving blanks is the storekeeper's job; approving adjustments is the supervisor's
# (require_role always lets supervisor and admin through, and with no role named, only them).
Storekeeper = Annotated[Principal, Depends(require_role("storekeeper"))]
Supervisor = Annotated[Principal, Depends(require_role())]
Reader = Annotated[Principal, Depends(require_role("storekeeper", "printer", "viewer"))]


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings)]

__all__ = ["IdempotencyKey", "PoolDep", "Reader", "SettingsDep", "Storekeeper", "Supervisor"]
