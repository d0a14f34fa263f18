"""``python -m ektp_sbi_sim``: run the simulated device (settings from EKTP_SBI_*)."""

from __future__ import annotations

import uvicorn

from .config import Settings
from .entrypoints.api import build_app

settings = Settings()
# h11, not httptools: llhttp refuses methods it does not know (MOSIPDISC, RCAPTURE...).
uvicorn.run(build_app(settings), host=settings.host, port=settings.port, http="h11",
            log_level="warning")
