"""The enrollment service's settings (environment prefix ``EKTP_``)."""

from __future__ import annotations

from pathlib import Path

from ektp_shared.config import CENTRE_PUBLIC_KEY, ServiceSettings, key_file


class Settings(ServiceSettings):
    service_name: str = "enrollment"
    http_port: int = 8001
    database_url: str = "postgresql://ektp:ektp@127.0.0.1:5432/ektp_enrollment"

    # The national data centre's public key: recordings' biometrics are sealed with it so
    # that only the centre can open them.
    centre_public_key_file: Path = key_file(CENTRE_PUBLIC_KEY)
    # Off by default: when on, a recording waits for a supervisor (MENUNGGU_VERIFIKASI)
    # before it is published for the centre.
    supervisor_review: bool = False
    # The upload caps (roster CSV, kit file) are in ektp_shared.limits, beside the others.
