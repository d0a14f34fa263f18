"""The web app's settings (env prefix ``EKTP_``)."""

from __future__ import annotations

from pydantic import Field

from ektp_shared.config import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "web"
    http_port: int = 8080
    database_url: str = "postgresql://ektp:ektp@127.0.0.1:5432/ektp_web"
    # The web app publishes and consumes no events: no relay, no consumer.
    relay_enabled: bool = False
    consumer_enabled: bool = False
    # The services behind the screens (every call goes through their generated clients).
    accounts_url: str = "http://127.0.0.1:8005"
    enrollment_url: str = "http://127.0.0.1:8001"
    inventory_url: str = "http://127.0.0.1:8004"
    printing_url: str = "http://127.0.0.1:8003"
    sync_url: str = "http://127.0.0.1:8002"
    dashboard_url: str = "http://127.0.0.1:8000"
    service_timeout_seconds: float = Field(10.0, gt=0)
    # A session left alone this long ends (the sign-in at accounts may live longer).
    idle_minutes: float = Field(30.0, gt=0, le=24 * 60)
    # Refresh the access token this long before it expires.
    refresh_margin_seconds: float = Field(30.0, ge=0)
    # Off only for plain-HTTP development; the office serves the app over TLS.
    cookie_secure: bool = False
