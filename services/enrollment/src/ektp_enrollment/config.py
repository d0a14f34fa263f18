"""The enrollment service's settings (environment prefix ``EKTP_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ektp_shared.config import CENTRE_PUBLIC_KEY, ServiceSettings, key_file

from .domain.biometrics import QualityThresholds


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
    # The lowest quality score (0-100, as the capture device scores it) a finger, an iris or
    # the face may have: below it the recording is refused and the clerk captures again.
    finger_quality_min: float = Field(QualityThresholds.finger, ge=0, le=100)
    iris_quality_min: float = Field(QualityThresholds.iris, ge=0, le=100)
    face_quality_min: float = Field(QualityThresholds.face, ge=0, le=100)

    def quality_thresholds(self) -> QualityThresholds:
        return QualityThresholds(finger=self.finger_quality_min, iris=self.iris_quality_min,
                                 face=self.face_quality_min)
