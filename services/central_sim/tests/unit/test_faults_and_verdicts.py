"""The fault draw and the deduplication rule, without a server."""

from __future__ import annotations

import random

import pytest

from ektp_central_sim.domain.faults import FaultPlan
from ektp_central_sim.domain.verdicts import judge


def test_fault_shares_are_honoured():
    plan = FaultPlan(error_share=0.2, timeout_share=0.05)
    rng = random.Random(5)
    draws = [plan.draw(rng) for _ in range(20_000)]
    assert abs(draws.count("error") / 20_000 - 0.20) < 0.01
    assert abs(draws.count("timeout") / 20_000 - 0.05) < 0.01
    assert FaultPlan(down=True).draw(rng) == "down"
    assert FaultPlan().draw(rng) is None


def test_impossible_plans_are_refused():
    with pytest.raises(ValueError, match="exceed"):
        FaultPlan(error_share=0.7, timeout_share=0.4)
    with pytest.raises(ValueError, match="between 0 and 1"):
        FaultPlan(partial_batch_share=1.5)


def test_same_fingers_other_nik_is_duplicate_same_nik_is_not():
    assert judge("A", 10, "A").name == "PRINT_READY_RECORD"
    dup = judge("B", 10, "A")
    assert dup.name == "DUPLICATE_RECORD" and dup.duplicate_of == "A"
    assert judge("A", 0, None).name == "ENROLL_FAILURE"
