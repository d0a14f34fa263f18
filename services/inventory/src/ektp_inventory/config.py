"""The inventory service's settings (env prefix ``EKTP_``)."""

from __future__ import annotations

from pydantic import Field

from ektp_shared.config import ServiceSettings
from ektp_shared.office import current as current_office


class Settings(ServiceSettings):
    service_name: str = "inventory"
    http_port: int = 8004
    database_url: str = "postgresql://ektp:ektp@127.0.0.1:5432/ektp_inventory"

    # An issue never sends more than this to the print room at once (manual or automatic).
    max_per_issue: int = 500
    # stock_low when fewer blanks than this are in store, or when the backlog exceeds stock.
    low_stock_threshold: int = 500
    # ... and again only when in store or the shortfall moved by this much.
    stock_low_step: int = 100
    stock_check_seconds: float = 300.0
    # The stock watch runs in one instance at a time (lease stock-watch): a successor takes
    # over this many seconds after its holder died.
    stock_lease_seconds: float = Field(default=5.0, gt=0.2, le=300)
    # The print rate for the projection: cards printed over the last N days.
    rate_window_days: int = 14
    # At most this many serials in one request (a ministry shipment is a few thousand).
    max_serials_per_request: int = 100_000
    # Serials per published event, so a large receipt never exceeds Kafka's message size.
    event_chunk_size: int = 2_000
    # Days of the reconciliation report are office days (WIB/WITA/WIT by its provinsi); its
    # letterhead and place are the office's (EKTP_KABUPATEN, EKTP_ISSUE_PLACE).
    office_timezone: str = Field(default_factory=lambda: current_office().timezone)
    office_name: str = Field(default_factory=lambda: current_office().dinas)
    office_place: str = Field(default_factory=lambda: current_office().issue_place.title())
