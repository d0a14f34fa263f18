"""A minimal service built from the shared plumbing only, for the plumbing's own tests.

It consumes ``enrollment.field_checked`` events and records one row per applied event in
``effects``; its HTTP API has one endpoint per role rule to test auth against.
"""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path
from typing import Annotated

import asyncpg
from fastapi import APIRouter, Depends

from ektp_shared import audit, idempotency
from ektp_shared.app import create_app
from ektp_shared.auth import Principal, require_role
from ektp_shared.config import ServiceSettings
from ektp_shared.deps import IdempotencyKey, PoolDep
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import EnrollmentFieldChecked, EventData
from ektp_shared.runtime import ConsumerSpec, ServiceRuntime

MIGRATIONS = Path(__file__).parent / "migrations"


async def apply_field_check(conn: asyncpg.Connection, event: CloudEvent, data: EventData) -> None:
    assert isinstance(data, EnrollmentFieldChecked)
    if data.note == "poison":
        raise ValueError("note says poison: this event can never be applied")
    seq = int(data.note) if data.note.isdigit() else 0
    await conn.execute(
        "INSERT INTO effects (ce_id, nik, seq) VALUES ($1, $2, $3)", event.id, data.nik, seq
    )


def crash_after_commit(event: CloudEvent) -> None:
    # Test seam: die after the database commit and before the Kafka offset commit.
    if os.environ.get("SAMPLE_CRASH_AFTER_COMMIT") == "1":
        os.kill(os.getpid(), signal.SIGKILL)


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    return ServiceRuntime(
        settings=settings,
        migrations_dir=MIGRATIONS,
        consumer_spec=ConsumerSpec(
            group_id=f"{settings.topic_prefix}sample",
            topics=[settings.topic("enrollment")],
            handlers={EnrollmentFieldChecked.ce_type(): apply_field_check},
        ),
        after_db_commit=crash_after_commit,
    )


router = APIRouter()
Storekeeper = Annotated[Principal, Depends(require_role("storekeeper"))]


@router.post("/notes", status_code=201)
async def add_note(principal: Storekeeper, pool: PoolDep) -> dict[str, str]:
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("INSERT INTO notes (text) VALUES ('x')")
        await audit.record(conn, principal, "note.add", "note")
    return {"by": principal.user}


@router.post("/notes/keyed", status_code=201)
async def add_note_once(
    principal: Storekeeper, pool: PoolDep, key: IdempotencyKey, body: dict[str, str]
) -> dict[str, object]:
    """Creates a note; with an Idempotency-Key a retry returns the first answer."""
    async with pool.acquire() as conn, conn.transaction():
        if key:
            prior = await idempotency.claim(
                conn, f"notes:{principal.user}", key, idempotency.request_fingerprint(body)
            )
            if prior is not None:
                return prior.body  # type: ignore[no-any-return]
        note_id = await conn.fetchval(
            "INSERT INTO notes (text) VALUES ($1) RETURNING id", body.get("text", "")
        )
        answer = {"id": note_id, "text": body.get("text", "")}
        if key:
            await idempotency.remember(conn, f"notes:{principal.user}", key, 201, answer)
    return answer


def build_app(settings: ServiceSettings, workers: bool = False):  # type: ignore[no-untyped-def]
    return create_app(title="sample", runtime=build_runtime(settings), routers=[router],
                      workers=workers)


if __name__ == "__main__":  # the worker process the SIGKILL test runs
    from ektp_shared.logging import configure_logging

    s = ServiceSettings(service_name="sample")
    configure_logging("sample", "INFO")
    asyncio.run(build_runtime(s).run_forever())
