from __future__ import annotations

import datetime as dt

from ektp_shared.config import ServiceSettings
from ektp_shared.devinfra import InfraEndpoints
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import EnrollmentFieldChecked


def sample_settings(infra: InfraEndpoints, dsn: str, prefix: str) -> ServiceSettings:
    return ServiceSettings(
        service_name="sample", database_url=dsn, kafka_bootstrap=infra.kafka_bootstrap,
        topic_prefix=prefix, log_json=False,
    )


def sample_env(settings: ServiceSettings) -> dict[str, str]:
    return {
        "EKTP_SERVICE_NAME": settings.service_name,
        "EKTP_DATABASE_URL": settings.database_url,
        "EKTP_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "EKTP_TOPIC_PREFIX": settings.topic_prefix,
    }


def field_check(nik: str, seq: int, note: str | None = None) -> CloudEvent:
    return CloudEvent.wrap(
        EnrollmentFieldChecked(
            nik=nik, outcome="DITEMUKAN", officer="petugas", note=note or str(seq),
            checked_at=dt.datetime.now(dt.UTC),
        ),
        "test",
    )

