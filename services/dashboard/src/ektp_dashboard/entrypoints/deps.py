"""Who may see what, as Annotated aliases (supervisor and admin always pass)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ektp_shared.auth import Principal, require_role
from ektp_shared.deps import PoolDep

from ..adapters.services import RemoteFigures
from ..config import Settings

# Aggregates carry no personal data: every office role may read them.
Viewer = Annotated[
    Principal, Depends(require_role("viewer", "operator", "printer", "storekeeper"))
]
# A resident's timeline and the stuck list name residents: only the clerks who answer them.
Clerk = Annotated[Principal, Depends(require_role("operator", "printer"))]


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_remote(request: Request) -> RemoteFigures:
    remote: RemoteFigures = request.app.state.remote
    return remote


SettingsDep = Annotated[Settings, Depends(get_settings)]
RemoteDep = Annotated[RemoteFigures, Depends(get_remote)]

__all__ = ["Clerk", "PoolDep", "RemoteDep", "SettingsDep", "Viewer"]
