"""The audit search names every action a service records in Indonesian: the table is checked
against the services' own ``audit.record(`` calls, so a new action without a name fails here
rather than showing a bare code to the supervisor."""

from __future__ import annotations

import re
from pathlib import Path

from ektp_web.domain.audit_actions import ACTIONS, action_name

ROOT = Path(__file__).resolve().parents[4]
# The action is record()'s third argument; the principal before it may be a call with commas.
CALL = re.compile(r"\brecord\(\s*\w+,\s*[\w.]+(?:\([^()]*\))?,\s*(f?)\"([^\"]+)\"")


def recorded_actions() -> set[str]:
    found: set[str] = set()
    sources = [*ROOT.glob("services/*/src/**/*.py"), *ROOT.glob("shared/src/**/*.py")]
    for path in sources:
        if "ektp_web" in path.parts:
            continue
        for f, code in CALL.findall(path.read_text(encoding="utf-8")):
            if not f:
                found.add(code)
    return found


def test_every_recorded_action_has_an_indonesian_name():
    recorded = recorded_actions()
    assert len(recorded) > 50  # the pattern still finds the calls
    assert sorted(recorded - ACTIONS.keys()) == []


def test_the_actions_with_a_state_at_the_end_are_named_for_each_state():
    from ektp_enrollment.domain import status
    from ektp_sync.domain.submission import STATES

    for verdict in (status.SENT_FOR_ENROLLMENT, status.PRINT_READY_RECORD,
                    status.DUPLICATE_RECORD, status.ENROLL_FAILURE):
        assert f"enrollment.verdict.{verdict}" in ACTIONS
    # What a centre's verdict leaves a submission in (FAILED has its own literal call).
    for state in ("PRINT_READY_RECORD", "DUPLICATE_RECORD"):
        assert state in STATES and f"submission.{state.lower()}" in ACTIONS
    for decided in ("approved", "rejected"):
        assert f"inventory.stock_count.{decided}" in ACTIONS


def test_names_are_plain_indonesian_and_unknown_codes_stay_as_they_are():
    assert action_name("enrollment.create") == "Merekam penduduk"
    assert action_name("submission.view") == "Melihat status kiriman"
    assert action_name("something.new") == "something.new"
    assert all("_" not in name and "." not in name for name in ACTIONS.values())
