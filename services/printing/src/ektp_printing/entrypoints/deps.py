"""FastAPI dependency aliases of the printing API."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from ektp_shared.auth import Principal, require_role
from ektp_shared.deps import AnyUser, IdempotencyKey, PoolDep
from ektp_shared.problems import Problem

from ..handlers import Deps


def get_deps(request: Request) -> Deps:
    deps: Deps = request.app.state.deps
    return deps


def valid_nik(nik: Annotated[str, Path(description="16-digit NIK")]) -> str:
    if len(nik) != 16 or not nik.isdigit():
        raise Problem(422, "Invalid request", f"nik: {nik!r} is not a NIK (16 digits).",
                      type="validation-error", errors=[{"field": "nik",
                                                        "message": "must be 16 digits"}])
    return nik


HandlersDep = Annotated[Deps, Depends(get_deps)]
# The print room's own staff (supervisor and admin always pass).
PrintRoom = Annotated[Principal, Depends(require_role("printer"))]
# Reading the print room: its staff and read-only viewers.
PrintRoomReader = Annotated[Principal, Depends(require_role("printer", "viewer"))]
# Registering printers is an office decision.
Supervisor = Annotated[Principal, Depends(require_role("supervisor"))]
# The front desk issues a Suket too.
SuketIssuer = Annotated[Principal, Depends(require_role("printer", "operator"))]
Nik = Annotated[str, Depends(valid_nik)]

__all__ = ["AnyUser", "HandlersDep", "IdempotencyKey", "Nik", "PoolDep", "PrintRoom",
           "PrintRoomReader", "SuketIssuer", "Supervisor"]
