"""What the simulator's control routes answer; docs/openapi/central-sim.json is made from
these and from the models of the centre's API beside its routes."""

from __future__ import annotations

from pydantic import Field

from ektp_shared.openapi import Answer


class Faults(Answer):
    down: bool
    latency_seconds: float
    error_share: float
    timeout_share: float
    timeout_seconds: float
    partial_batch_share: float


class FaultsNow(Faults):
    verdict_delay_seconds: float


class VerdictDelay(Answer):
    verdict_delay_seconds: float


class ResetDone(Answer):
    faults: Faults
    counters_cleared: bool


class Counters(Answer):
    received: int
    accepted: int
    repeats: int
    rejected: int
    refused_partial: int
    fault_down: int
    fault_error: int
    fault_timeout: int
    verdict_queries: int
    roster_pages: int
    population_updates: int
    stored: int = Field(description="submissions the centre holds")


class PopulationMade(Answer):
    kabupaten: str = Field(description="Kemendagri code of the residents made")
    generated: int
    inserted: int = Field(description="new residents (a NIK already there is kept)")
    punya_ektp: int = Field(description="of the generated, how many already hold an e-KTP")
