"""The web app's settings (env prefix ``EKTP_``)."""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import Field, field_validator

from ektp_shared.config import ServiceSettings
from ektp_shared.limits import FACE_QUALITY_MIN, FINGER_QUALITY_MIN, IRIS_QUALITY_MIN


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
    # The capture device service (MOSIP SBI) on the recording clerk's own PC, as the browser
    # reaches it, e.g. http://127.0.0.1:4501; empty: no device, fingerprints from files.
    # The page's Content-Security-Policy lets it connect there and nowhere else.
    sbi_url: str = ""
    # What the page asks of a capture; the same settings (and defaults) as enrollment's,
    # which refuses below them whatever the page says.
    finger_quality_min: float = Field(FINGER_QUALITY_MIN, ge=0, le=100)
    iris_quality_min: float = Field(IRIS_QUALITY_MIN, ge=0, le=100)
    face_quality_min: float = Field(FACE_QUALITY_MIN, ge=0, le=100)
    # The village mode's sync (issue #16): records per request to the web app, at most
    # enrollment's 50; smaller only to watch a sync cut between batches.
    village_batch_size: int = Field(50, ge=1, le=50)

    @field_validator("sbi_url")
    @classmethod
    def _an_origin(cls, value: str) -> str:
        # It goes into the CSP header: only a plain http(s)://host:port origin.
        value = value.strip().rstrip("/")
        if not value:
            return ""
        parts = urlsplit(value)
        if (parts.scheme not in ("http", "https") or not parts.hostname or parts.path
                or parts.query or parts.fragment or parts.username
                or any(c in value for c in " ;,'\"")):
            raise ValueError("EKTP_SBI_URL must be an origin such as http://127.0.0.1:4501")
        return value
