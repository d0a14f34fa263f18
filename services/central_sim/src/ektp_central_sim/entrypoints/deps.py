"""Dependencies of the simulator's routes: the centre's API key, its state and settings."""

from __future__ import annotations

import hmac
import random
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from nacl.public import PrivateKey

from ektp_shared.problems import Problem

from ..config import Settings
from ..domain.faults import FaultPlan


@dataclass
class CentreState:
    """What the simulator keeps in memory: its key, the faults it is told to show."""

    private_key: PrivateKey
    faults: FaultPlan = field(default_factory=FaultPlan)
    rng: random.Random = field(default_factory=random.Random)
    verdict_delay: float = 5.0


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_centre(request: Request) -> CentreState:
    centre: CentreState = request.app.state.centre
    return centre


SettingsDep = Annotated[Settings, Depends(get_settings)]
CentreDep = Annotated[CentreState, Depends(get_centre)]


async def require_api_key(request: Request, settings: SettingsDep) -> None:
    if settings.api_key is None:
        return
    given = request.headers.get(settings.api_key_header, "")
    if not hmac.compare_digest(given.encode(), settings.api_key.get_secret_value().encode()):
        raise Problem(401, "Unauthorized",
                      f"The centre needs its API key in the {settings.api_key_header} header.",
                      type="unauthorized")
