"""What the sync routes answer besides submissions; docs/openapi/sync.json is made from
these (SubmissionOut and SubmissionPage are beside their routes in api.py)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import ConfigDict, Field

from ektp_shared.openapi import Answer

from ..domain.breaker import CircuitState
from ..domain.submission import SubmissionState


class RosterCursor(Answer):
    kabupaten: str
    cursor: str
    entries_total: int
    last_pulled_at: dt.datetime | None


class Circuit(Answer):
    state: CircuitState
    consecutive_failures: int
    outage_since: dt.datetime | None
    next_probe_in_seconds: float
    last_error: str | None


class SyncStatus(Answer):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "backlog": {"PENDING": 120, "SENT_FOR_ENROLLMENT": 3400, "PRINT_READY_RECORD": 81000,
                    "FAILED": 12},
        "oldest_unsent_age_seconds": 5400.0, "oldest_awaiting_verdict_age_seconds": 86400.0,
        "reports_unsent": 0,
        "roster": [{"kabupaten": "71.74", "cursor": "8000", "entries_total": 8000,
                    "last_pulled_at": "2026-12-01T22:00:00Z"}],
        "last_successful_contact": "2026-12-02T01:00:00Z",
        "circuit": {"state": "OPEN", "consecutive_failures": 6,
                    "outage_since": "2026-12-02T01:05:00Z", "next_probe_in_seconds": 42.0,
                    "last_error": "ConnectTimeout"},
        "centre_url": "http://127.0.0.1:8009",
    }]})

    backlog: dict[SubmissionState, int] = Field(description="submissions by state")
    oldest_unsent_age_seconds: float | None
    oldest_awaiting_verdict_age_seconds: float | None
    reports_unsent: int = Field(description="population reports (PINDAH/MENINGGAL) not sent")
    roster: list[RosterCursor]
    last_successful_contact: dt.datetime | None
    circuit: Circuit
    centre_url: str


class PullRequested(Answer):
    status: Literal["requested"]
