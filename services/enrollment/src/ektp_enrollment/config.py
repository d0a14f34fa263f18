"""The enrollment service's settings (environment prefix ``EKTP_``)."""

from __future__ import annotations

from ektp_shared.config import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "enrollment"
    http_port: int = 8001
    database_url: str = "postgresql://ektp:ektp@127.0.0.1:5432/ektp_enrollment"

    # Off by default: when on, a recording waits for a supervisor (MENUNGGU_VERIFIKASI)
    # before it is published for the centre.
    supervisor_review: bool = False
    # The upload caps (roster CSV, kit file) are in ektp_shared.limits, beside the others.
