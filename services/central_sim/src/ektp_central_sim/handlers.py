"""What the simulated centre does for each call: one transaction per call."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, Literal

import asyncpg
from nacl.public import PrivateKey
from pydantic import BaseModel, Field

from ektp_shared.events import CardData, Demographics
from ektp_shared.sealed_packet import SealError, open_sealed

from .adapters import repository as repo
from .domain.faults import FaultPlan
from .domain.verdicts import judge


class PacketIn(BaseModel):
    enrollment_id: str = Field(min_length=1, max_length=100)
    nik: str = Field(pattern=r"^\d{16}$")
    demographics: Demographics
    sealed_packet: str = Field(min_length=1)


ItemStatus = Literal["ACCEPTED", "ALREADY_RECEIVED", "REFUSED", "REJECTED"]


class ItemResult(BaseModel):
    enrollment_id: str
    status: ItemStatus
    retryable: bool = False
    reason: str | None = None


def _rejected(enrollment_id: str, reason: str) -> ItemResult:
    return ItemResult(enrollment_id=enrollment_id, status="REJECTED", retryable=False,
                      reason=reason)


async def submit(
    pool: asyncpg.Pool,
    packets: list[PacketIn],
    *,
    private_key: PrivateKey,
    plan: FaultPlan,
    rng: random.Random,
    verdict_delay: float,
) -> list[ItemResult]:
    """Take packets, idempotent on enrollment id; each answer says what became of one."""
    results: list[ItemResult] = []
    counts = {"received": len(packets), "accepted": 0, "repeats": 0, "rejected": 0,
              "refused_partial": 0}
    due = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=verdict_delay)
    async with pool.acquire() as conn, conn.transaction():
        for p in packets:
            if plan.refuse_item(rng):
                counts["refused_partial"] += 1
                results.append(ItemResult(enrollment_id=p.enrollment_id, status="REFUSED",
                                          retryable=True, reason="pusat sibuk, kirim ulang nanti"))
                continue
            if await repo.note_repeat(conn, p.enrollment_id):
                counts["repeats"] += 1
                results.append(ItemResult(enrollment_id=p.enrollment_id,
                                          status="ALREADY_RECEIVED"))
                continue
            result = await _take_new(conn, p, private_key, due)
            # ALREADY_RECEIVED here: a concurrent call took it first, a repeat like any other.
            counts[{"ACCEPTED": "accepted", "ALREADY_RECEIVED": "repeats"}.get(
                result.status, "rejected")] += 1
            results.append(result)
        await repo.bump(conn, counts)
    return results


async def _take_new(
    conn: Any, p: PacketIn, private_key: PrivateKey, due: dt.datetime
) -> ItemResult:
    if p.demographics.nik != p.nik:
        return _rejected(p.enrollment_id, "NIK pada data kependudukan berbeda dengan NIK paket")
    try:
        packet = open_sealed(p.sealed_packet, private_key)
    except (SealError, ValueError):
        return _rejected(p.enrollment_id,
                         "paket biometrik tidak dapat dibuka dengan kunci pusat data")
    if packet.enrollment_id != p.enrollment_id or packet.nik != p.nik:
        return _rejected(p.enrollment_id, "isi paket biometrik bukan milik perekaman ini")
    templates = sum(1 for t in packet.fingerprints.values() if t)
    digest = packet.fingerprint_digest() if templates else None
    owner = await repo.fingerprint_owner(conn, digest, p.nik) if digest else None
    verdict = judge(p.nik, templates, owner)
    card = {**p.demographics.model_dump(mode="json"), "photo_jpeg_b64": packet.photo_jpeg_b64,
            "signature_png_b64": packet.signature_png_b64}
    stored = await repo.store_submission(
        conn, enrollment_id=p.enrollment_id, nik=p.nik, digest=digest, card=card,
        verdict=verdict, due=due,
    )
    return ItemResult(enrollment_id=p.enrollment_id,
                      status="ACCEPTED" if stored else "ALREADY_RECEIVED")


class VerdictOut(BaseModel):
    enrollment_id: str
    status: Literal["UNKNOWN", "PENDING", "PRINT_READY_RECORD", "DUPLICATE_RECORD",
                    "ENROLL_FAILURE"]
    nik: str | None = None
    card: CardData | None = None
    duplicate_of: str | None = None
    reason: str | None = None


async def query_verdicts(pool: asyncpg.Pool, enrollment_ids: list[str]) -> list[VerdictOut]:
    found = await repo.verdicts(pool, enrollment_ids)
    await repo.bump(pool, {"verdict_queries": 1})
    out = []
    for eid in enrollment_ids:
        row = found.get(eid)
        if row is None:
            out.append(VerdictOut(enrollment_id=eid, status="UNKNOWN"))
        elif not row["due"]:
            out.append(VerdictOut(enrollment_id=eid, status="PENDING", nik=row["nik"]))
        else:
            out.append(VerdictOut(
                enrollment_id=eid, status=row["verdict"], nik=row["nik"],
                card=row["card"] if row["verdict"] == "PRINT_READY_RECORD" else None,
                duplicate_of=row["duplicate_of"], reason=row["reason"],
            ))
    return out
