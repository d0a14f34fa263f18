"""The dashboard's settings (env prefix ``EKTP_``)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator

from ektp_shared import wilayah
from ektp_shared.config import ServiceSettings
from ektp_shared.office import current as current_office


class Settings(ServiceSettings):
    service_name: str = "dashboard"
    http_port: int = 8000
    database_url: str = "postgresql://ektp:ektp@127.0.0.1:5432/ektp_dashboard"

    # The other services, for the figures only they hold (sync health, live stock, printers).
    enrollment_url: str = "http://127.0.0.1:8001"
    sync_url: str = "http://127.0.0.1:8002"
    printing_url: str = "http://127.0.0.1:8003"
    inventory_url: str = "http://127.0.0.1:8004"
    # A service that does not answer within this is shown as unavailable, the page goes on.
    remote_timeout_seconds: float = 2.0
    remote_cache_seconds: float = 5.0

    # A resident in one state for longer than this is "stuck" (GET /stuck, the timeline).
    stuck_after_hours: float = 72.0
    # Daily rates are the mean over this many days.
    rate_window_days: int = 7
    # The year-end target; unset means 31 December of the current year.
    deadline: dt.date | None = None
    # Day boundaries of the daily counters are the office's (WIB/WITA/WIT by its provinsi).
    office_timezone: str = Field(default_factory=lambda: current_office().timezone)
    # The page refreshes itself this often.
    page_refresh_seconds: int = 15

    # "office": the office's own dashboard (EKTP_KABUPATEN's topics). "province": the
    # provincial dashboard, which reads the topics of every office of province_offices
    # (<topic_base><kk-kk>.ektp.<producer>.events) into one read model per kabupaten.
    dashboard_mode: Literal["office", "province"] = "office"
    # The offices the province watches: Kemendagri codes, comma-separated ("71.10,71.74").
    # Empty: every kabupaten/kota of the province of EKTP_KABUPATEN.
    province_offices: str = ""

    @field_validator("province_offices")
    @classmethod
    def _known_offices(cls, value: str) -> str:
        known = wilayah.kabupaten_codes()
        codes = [wilayah.normalise_kabupaten_code(c) for c in value.split(",") if c.strip()]
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise ValueError(f"EKTP_PROVINCE_OFFICES: {', '.join(unknown)} is no "
                             "kabupaten/kota code of Kemendagri")
        if len({c[:2] for c in codes}) > 1:
            raise ValueError("EKTP_PROVINCE_OFFICES: the offices of one province only")
        return ",".join(dict.fromkeys(codes))

    @property
    def offices(self) -> list[str]:
        """The kabupaten/kota codes the provincial dashboard reads, in code order."""
        if self.province_offices:
            return sorted(self.province_offices.split(","))
        prov = current_office().provinsi.kode
        return sorted(k for k in wilayah.kabupaten_codes() if k.startswith(prov + "."))
