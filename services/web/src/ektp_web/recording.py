"""The recording counter's calls: enrollment (roster, recordings, field checks, kit files)
and sync (how far a recording has gone to the centre), each through its generated client
with the signed-in clerk's own token."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, BinaryIO, Literal, cast, get_args

from ektp_client_enrollment.models.recording_request_agama import RECORDING_REQUEST_AGAMA_VALUES
from ektp_client_enrollment.models.recording_request_golongan_darah import (
    RECORDING_REQUEST_GOLONGAN_DARAH_VALUES,
)
from ektp_client_enrollment.models.recording_request_jenis_kelamin import (
    RECORDING_REQUEST_JENIS_KELAMIN_VALUES,
)
from ektp_client_enrollment.models.recording_request_kewarganegaraan import (
    RECORDING_REQUEST_KEWARGANEGARAAN_VALUES,
)
from ektp_client_enrollment.models.recording_request_status_perkawinan import (
    RECORDING_REQUEST_STATUS_PERKAWINAN_VALUES,
)
from ektp_client_enrollment.types import UNSET, File
from ektp_shared.answers import Refused

from .adapters import services
from .adapters.sessions import WebSession
from .config import Settings

# The clients' operations are imported when a screen calls them, not when the app is built:
# their Literal types equal enrollment's own (same values, another order), and pydantic's
# schema cache would hand one's order to the other when both live in one process (the
# OpenAPI export builds every service's app in one process: tests/test_openapi.py).
if TYPE_CHECKING:
    from ektp_client_enrollment.models import (
        Checked,
        EnrollmentDetail,
        FieldChecked,
        KitImport,
        Recorded,
        RosterPage,
        RosterRow,
        Worklist,
    )
    from ektp_client_sync.models import SubmissionOut

FieldCheckOutcome = Literal["DITEMUKAN", "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN"]

# The choices of the recording request as its contract (the generated client) has them: the
# typed request cannot carry any other value, so the form checks them before it is built.
RECORDING_CHOICES: dict[str, set[str]] = {
    "jenis_kelamin": set(RECORDING_REQUEST_JENIS_KELAMIN_VALUES),
    "golongan_darah": set(RECORDING_REQUEST_GOLONGAN_DARAH_VALUES),
    "agama": set(RECORDING_REQUEST_AGAMA_VALUES),
    "status_perkawinan": set(RECORDING_REQUEST_STATUS_PERKAWINAN_VALUES),
    "kewarganegaraan": set(RECORDING_REQUEST_KEWARGANEGARAAN_VALUES),
}
OUTCOMES: tuple[FieldCheckOutcome, ...] = get_args(FieldCheckOutcome)


def _enrollment(settings: Settings, session: WebSession) -> services.EnrollmentClient:
    return services.enrollment(settings, session.access_token)


async def roster(settings: Settings, session: WebSession, *, nik: str | None, nama: str | None,
                 desa: str | None, page: int, per_page: int = 20) -> RosterPage:
    from ektp_client_enrollment.api.roster import list_roster

    return await services.answer("enrollment", list_roster.asyncio_detailed(
        client=_enrollment(settings, session), nik=nik or UNSET, nama=nama or UNSET,
        desa=desa or UNSET, page=page, per_page=per_page))


async def roster_entry(settings: Settings, session: WebSession, nik: str) -> RosterRow | None:
    found = await roster(settings, session, nik=nik, nama=None, desa=None, page=1, per_page=1)
    return found.items[0] if found.items else None


async def record(settings: Settings, session: WebSession, body: dict[str, Any],
                 idempotency_key: str | None) -> Recorded:
    """Post the recording to enrollment with the clerk's own token."""
    from ektp_client_enrollment.api.enrollments import create_enrollment
    from ektp_client_enrollment.models import RecordingRequest

    return await services.answer("enrollment", create_enrollment.asyncio_detailed(
        client=_enrollment(settings, session), body=RecordingRequest.from_dict(body),
        idempotency_key=idempotency_key or UNSET))


async def check(settings: Settings, session: WebSession, body: dict[str, Any]) -> Checked:
    """Every rule of the recording, nothing written: its warnings, before saving."""
    from ektp_client_enrollment.api.enrollments import check_enrollment
    from ektp_client_enrollment.models import RecordingRequest

    return await services.answer("enrollment", check_enrollment.asyncio_detailed(
        client=_enrollment(settings, session), body=RecordingRequest.from_dict(body)))


async def enrollment(settings: Settings, session: WebSession,
                     enrollment_id: str) -> EnrollmentDetail:
    from ektp_client_enrollment.api.enrollments import get_enrollment

    return await services.answer("enrollment", get_enrollment.asyncio_detailed(
        enrollment_id, client=_enrollment(settings, session)))


async def submission(settings: Settings, session: WebSession,
                     enrollment_id: str) -> SubmissionOut | None:
    """Sync's submission of this recording; ``None`` while sync has not taken it yet."""
    from ektp_client_sync.api.sync import get_submission

    try:
        return await services.answer("sync", get_submission.asyncio_detailed(
            enrollment_id, client=services.sync(settings, session.access_token)))
    except Refused as exc:
        if exc.status == 404:
            return None
        raise


async def worklist(settings: Settings, session: WebSession, desa: str, page: int) -> Worklist:
    from ektp_client_enrollment.api.field_checks import worklist as worklist_op

    return await services.answer("enrollment", worklist_op.asyncio_detailed(
        client=_enrollment(settings, session), desa=desa, page=page, per_page=100))


async def field_check(settings: Settings, session: WebSession, nik: str,
                      outcome: FieldCheckOutcome, note: str, key: str | None) -> FieldChecked:
    from ektp_client_enrollment.api.field_checks import create_field_check
    from ektp_client_enrollment.models import FieldCheck

    return await services.answer("enrollment", create_field_check.asyncio_detailed(
        client=_enrollment(settings, session),
        body=FieldCheck(nik=nik, outcome=outcome, note=note), idempotency_key=key or UNSET))


async def import_kit_file(settings: Settings, session: WebSession, raw: bytes, name: str,
                          key: str | None) -> KitImport:
    from ektp_client_enrollment.api.enrollments import import_kit

    return await services.answer("enrollment", import_kit.asyncio_detailed(
        client=_enrollment(settings, session),
        # The client sends the payload as the raw body: bytes, since an async client cannot
        # read a file object (io.BytesIO) as its content.
        body=File(payload=cast(BinaryIO, raw), file_name=name,
                  mime_type="application/x-ndjson"),
        idempotency_key=key or UNSET))
