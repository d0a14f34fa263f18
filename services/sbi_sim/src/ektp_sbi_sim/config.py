"""The simulated device's settings (env prefix ``EKTP_SBI_``). No database, no Kafka."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EKTP_SBI_")

    host: str = "127.0.0.1"
    # SBI services listen on one of 4501-4600; the host application scans that range.
    port: int = Field(4501, ge=4501, le=4600)
    # The quality every capture gets, and per finger (R_INDEX...) or iris (R_IRIS) a different
    # one, so a test can make one finger come out low: EKTP_SBI_QUALITY='{"R_INDEX": 20}'.
    default_quality: float = Field(85, ge=0, le=100)
    quality: dict[str, float] = Field(default_factory=dict)
    face_quality: float = Field(90, ge=0, le=100)
    # Fingers the device cannot read (e.g. an amputated one): absent from the capture.
    missing: list[str] = Field(default_factory=list)
    # The pages allowed to call the device (CORS); "*" answers any origin.
    allowed_origins: list[str] = Field(default_factory=lambda: ["*"])
