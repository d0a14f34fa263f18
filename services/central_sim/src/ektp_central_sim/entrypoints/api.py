"""HTTP API of the national data centre simulator (port 8009).

A stand-in for the real centre, for development, demos and tests only. ``/v1`` is what
the sync service talks to; ``/control`` lets a test or a demo inject faults, read the
counters and generate a population.
"""

from __future__ import annotations

import asyncio
import random
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Query
from pydantic import BaseModel, Field

from ektp_shared.app import create_app
from ektp_shared.deps import PoolDep
from ektp_shared.openapi import problems
from ektp_shared.problems import Problem
from ektp_shared.sealed_packet import load_private_key
from ektp_shared.wilayah import kabupaten_codes, normalise_kabupaten_code

from .. import handlers
from ..adapters import repository as repo
from ..bootstrap import build_runtime
from ..config import Settings
from ..domain.faults import FaultPlan
from ..domain.population import default_seed, generate, population_size
from . import schemas
from .deps import CentreDep, CentreState, SettingsDep, require_api_key
from .faults import FaultInjection

# 401: when the simulator is given an API key; 503: the fault plan's "error" share
UNAVAILABLE: dict[int | str, dict[str, Any]] = {503: {
    **problems(401)[401],
    "description": "The centre is unavailable (a problem document; the fault plan's error "
                   "share)"}}
v1 = APIRouter(prefix="/v1", tags=["centre"], dependencies=[Depends(require_api_key)],
               responses={**problems(401), **UNAVAILABLE})
control = APIRouter(prefix="/control", tags=["control (simulator only)"],
                    dependencies=[Depends(require_api_key)], responses=problems(401))


class BatchIn(BaseModel):
    packets: list[handlers.PacketIn] = Field(min_length=1)


class BatchOut(BaseModel):
    results: list[handlers.ItemResult]


@v1.post("/enrollments", summary="Submit one sealed enrollment packet (idempotent)")
async def submit_one(
    packet: handlers.PacketIn, centre: CentreDep, pool: PoolDep
) -> handlers.ItemResult:
    results = await handlers.submit(
        pool, [packet], private_key=centre.private_key, plan=centre.faults, rng=centre.rng,
        verdict_delay=centre.verdict_delay,
    )
    return results[0]


@v1.post("/enrollments/batch", summary="Submit sealed packets; one result per packet")
async def submit_batch(
    batch: BatchIn, centre: CentreDep, settings: SettingsDep, pool: PoolDep
) -> BatchOut:
    if len(batch.packets) > settings.max_batch:
        raise Problem(422, "Batch too large",
                      f"packets: at most {settings.max_batch} per batch, not {len(batch.packets)}",
                      type="validation-error")
    ids = [p.enrollment_id for p in batch.packets]
    if len(set(ids)) != len(ids):
        raise Problem(422, "Duplicate enrollment id in batch",
                      "packets: each enrollment_id may appear once per batch",
                      type="validation-error")
    results = await handlers.submit(
        pool, batch.packets, private_key=centre.private_key, plan=centre.faults,
        rng=centre.rng, verdict_delay=centre.verdict_delay,
    )
    return BatchOut(results=results)


class VerdictQuery(BaseModel):
    enrollment_ids: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        min_length=1, max_length=1000
    )


class VerdictsOut(BaseModel):
    verdicts: list[handlers.VerdictOut]


@v1.post("/verdicts/query", summary="Verdicts of submitted enrollments (PENDING until due)")
async def verdicts(query: VerdictQuery, pool: PoolDep) -> VerdictsOut:
    return VerdictsOut(verdicts=await handlers.query_verdicts(pool, query.enrollment_ids))


class RosterEntryOut(BaseModel):
    nik: str
    nama: str
    kode_desa: str
    tanggal_lahir: str
    jenis_kelamin: str


class RosterPage(BaseModel):
    entries: list[RosterEntryOut]
    next_cursor: str
    has_more: bool


@v1.get("/roster", summary="Wajib KTP residents without an e-KTP, paged by cursor")
async def roster(
    pool: PoolDep,
    settings: SettingsDep,
    kabupaten: Annotated[str | None, Query(
        pattern=r"^\d{2}\.\d{2}$", description="Kemendagri code; default the simulator's "
        "own (EKTP_KABUPATEN)")] = None,
    cursor: Annotated[str, Query(pattern=r"^\d{0,18}$")] = "",
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> RosterPage:
    kabupaten = _known_kabupaten("kabupaten", kabupaten or settings.kabupaten)
    after = int(cursor or 0)
    rows = await repo.roster_page(pool, kabupaten, after, limit)
    await repo.bump(pool, {"roster_pages": 1})
    entries = [RosterEntryOut(nik=r["nik"], nama=r["nama"], kode_desa=r["kode_desa"],
                              tanggal_lahir=r["tanggal_lahir"].isoformat(),
                              jenis_kelamin=r["jenis_kelamin"]) for r in rows]
    last = rows[-1]["seq"] if rows else after
    return RosterPage(entries=entries, next_cursor=str(last), has_more=len(rows) == limit)


class PopulationUpdateIn(BaseModel):
    update_id: str = Field(min_length=1, max_length=200)
    nik: str = Field(pattern=r"^\d{16}$")
    status: Literal["PINDAH", "MENINGGAL"]
    note: str = Field(default="", max_length=1000)


class PopulationUpdateOut(BaseModel):
    update_id: str
    applied: bool
    known_nik: bool


@v1.post("/population-updates", summary="A resident moved away or died (idempotent)")
async def population_update(update: PopulationUpdateIn, pool: PoolDep) -> PopulationUpdateOut:
    async with pool.acquire() as conn, conn.transaction():
        fresh, known = await repo.record_population_update(
            conn, update.update_id, update.nik, update.status, update.note
        )
        await repo.bump(conn, {"population_updates": 1 if fresh else 0})
    return PopulationUpdateOut(update_id=update.update_id, applied=fresh, known_nik=known)


# --- control (simulator only) -------------------------------------------------------------


class FaultsIn(BaseModel):
    down: bool = False
    latency_seconds: float = Field(default=0.0, ge=0, le=600)
    error_share: float = Field(default=0.0, ge=0, le=1)
    timeout_share: float = Field(default=0.0, ge=0, le=1)
    timeout_seconds: float = Field(default=30.0, ge=0, le=3600)
    partial_batch_share: float = Field(default=0.0, ge=0, le=1)
    seed: int | None = None


@control.get("/faults", summary="The faults the centre shows now")
async def get_faults(centre: CentreDep) -> schemas.FaultsNow:
    return schemas.FaultsNow.model_validate(
        {**centre.faults.as_dict(), "verdict_delay_seconds": centre.verdict_delay})


@control.put("/faults", summary="Replace the fault plan")
async def put_faults(body: FaultsIn, centre: CentreDep) -> schemas.Faults:
    try:
        plan = FaultPlan(**body.model_dump(exclude={"seed"}))
    except ValueError as exc:
        raise Problem(422, "Invalid fault plan", str(exc), type="validation-error") from exc
    centre.faults = plan
    if body.seed is not None:
        centre.rng = random.Random(body.seed)
    return schemas.Faults.model_validate(plan.as_dict())


class VerdictDelayIn(BaseModel):
    seconds: float = Field(ge=0, le=60 * 60 * 24 * 60)


@control.put("/verdict-delay", summary="Seconds from receipt to verdict (seconds to days)")
async def put_verdict_delay(body: VerdictDelayIn, centre: CentreDep) -> schemas.VerdictDelay:
    centre.verdict_delay = body.seconds
    return schemas.VerdictDelay(verdict_delay_seconds=body.seconds)


class ResetIn(BaseModel):
    counters: bool = False


@control.post("/reset", summary="Clear every fault (and, if asked, the counters)")
async def reset(centre: CentreDep, pool: PoolDep, body: ResetIn | None = None
                ) -> schemas.ResetDone:
    centre.faults = FaultPlan()
    if body is not None and body.counters:
        await repo.reset_counters(pool)
    return schemas.ResetDone.model_validate(
        {"faults": centre.faults.as_dict(), "counters_cleared": bool(body and body.counters)})


@control.get("/counters", summary="What the centre received and did",
             response_model=schemas.Counters)
async def get_counters(pool: PoolDep) -> dict[str, int]:
    return await repo.counters(pool)


class ReceivedOut(BaseModel):
    enrollment_id: str
    nik: str
    received_seq: int
    times_received: int
    verdict: str


@control.get("/received", summary="Enrollments in the order the centre first received them")
async def get_received(
    pool: PoolDep,
    after_seq: Annotated[int, Query(ge=0, le=2**62)] = 0,  # bigint: larger was a 500
    limit: Annotated[int, Query(ge=1, le=10000)] = 1000,
) -> list[ReceivedOut]:
    return [ReceivedOut(**dict(r)) for r in await repo.received(pool, after_seq, limit)]


# 91 000 residents take about 6 s to make here; 300 000 took over 10 s and 1 million tied
# the simulator up for minutes: a larger kabupaten is simulated by a size given.
MAX_POPULATION = 150_000


def _known_kabupaten(field: str, value: str) -> str:
    kode = normalise_kabupaten_code(value)
    if kode not in kabupaten_codes():
        message = f"{value} bukan kode kabupaten/kota Kemendagri (contoh: 71.74)"
        raise Problem(422, "Invalid request", f"{field}: {message}", type="validation-error",
                      errors=[{"field": field, "message": message}])
    return kode


class PopulationIn(BaseModel):
    kabupaten: str | None = Field(
        default=None, pattern=r"^\d{2}\.?\d{2}$",
        description="Kemendagri code; default the simulator's own (EKTP_KABUPATEN)")
    size: int | None = Field(
        default=None, ge=1, le=MAX_POPULATION,
        description="default: the kabupaten's residents (DKB semester II 2024)")
    card_share: float = Field(default=0.88, ge=0, le=1)
    seed: int | None = Field(default=None, description="default: the kabupaten's code")


@control.post("/population", summary="Generate a realistic population of a kabupaten/kota",
              response_model=schemas.PopulationMade)
async def make_population(body: PopulationIn, pool: PoolDep,
                          settings: SettingsDep) -> dict[str, Any]:
    kabupaten = _known_kabupaten("kabupaten", body.kabupaten or settings.kabupaten)
    size = body.size or population_size(kabupaten)
    if size is None or size > MAX_POPULATION:
        message = (f"kabupaten {kabupaten} berpenduduk {size or 'tak diketahui'}: sebutkan "
                   f"ukuran (paling banyak {MAX_POPULATION})")
        raise Problem(422, "Invalid request", f"size: {message}", type="validation-error",
                      errors=[{"field": "size", "message": message}])
    seed = default_seed(kabupaten) if body.seed is None else body.seed
    # CPU-bound for a second or more: off the event loop, so the centre keeps answering
    people = await asyncio.to_thread(
        generate, size, card_share=body.card_share, seed=seed, kabupaten=kabupaten)
    inserted = await repo.insert_population(pool, people)
    return {"kabupaten": kabupaten, "generated": len(people), "inserted": inserted,
            "punya_ektp": sum(p.punya_ektp for p in people)}


def build_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    runtime = build_runtime(settings)

    async def load_key(app: FastAPI) -> None:
        # The centre's private key opens the sealed packets; only the simulator holds it.
        app.state.centre = CentreState(
            private_key=load_private_key(settings.centre_private_key_file),
            verdict_delay=settings.verdict_delay_seconds,
        )

    app = create_app(
        title="e-KTP national data centre SIMULATOR (development and tests only)",
        description=__doc__ or "", runtime=runtime, routers=[v1, control],
        on_started=[load_key],
    )
    app.state.settings = settings
    app.add_middleware(FaultInjection)
    return app
