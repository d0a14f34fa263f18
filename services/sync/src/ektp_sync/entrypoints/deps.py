"""Route dependencies of the sync service: roles, the workers, the handlers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ektp_shared.auth import Principal, require_role

from ..bootstrap import SyncWorkers

Supervisor = Annotated[Principal, Depends(require_role("supervisor"))]
# Submissions carry NIKs: office roles that follow residents may read them.
Reader = Annotated[Principal, Depends(require_role("operator", "viewer"))]
AnyOfficeRole = Annotated[
    Principal, Depends(require_role("operator", "viewer", "printer", "storekeeper"))
]


def get_workers(request: Request) -> SyncWorkers:
    workers: SyncWorkers = request.app.state.sync
    return workers


Workers = Annotated[SyncWorkers, Depends(get_workers)]
