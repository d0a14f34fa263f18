"""The circuit breaker, with a hand-turned clock."""

from __future__ import annotations

from ektp_sync.domain.breaker import CircuitBreaker


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def breaker(clock: Clock) -> CircuitBreaker:
    return CircuitBreaker(failure_threshold=3, reset_seconds=30, monotonic=clock, wall=clock)


def test_opens_after_three_failures_in_a_row_and_remembers_when_the_outage_began():
    clock = Clock()
    b = breaker(clock)
    b.record_failure("refused")
    clock.now += 5
    b.record_failure("refused")
    assert b.state == "CLOSED" and b.allow()
    b.record_failure("refused")
    assert b.state == "OPEN" and not b.allow()
    assert b.outage_since == 1000.0
    assert b.seconds_until_probe() == 30


def test_a_success_in_between_resets_the_count():
    b = breaker(Clock())
    b.record_failure()
    b.record_failure()
    b.record_success()
    b.record_failure()
    assert b.state == "CLOSED" and b.outage_since is not None


def test_after_the_wait_one_probe_goes_through_and_its_success_closes():
    clock = Clock()
    b = breaker(clock)
    for _ in range(3):
        b.record_failure()
    clock.now += 31
    assert b.allow() and b.state == "HALF_OPEN"
    assert not b.allow(), "only one probe at a time"
    b.record_success()
    assert b.state == "CLOSED" and b.outage_since is None and b.last_success_at == clock.now
    assert b.allow()


def test_a_failed_probe_opens_again_for_another_full_wait():
    clock = Clock()
    b = breaker(clock)
    for _ in range(3):
        b.record_failure()
    clock.now += 31
    assert b.allow()
    b.record_failure()
    assert b.state == "OPEN" and b.seconds_until_probe() == 30
    assert b.outage_since == 1000.0, "the outage is still the same one"


def test_a_cancelled_probe_frees_the_slot():
    clock = Clock()
    b = breaker(clock)
    for _ in range(3):
        b.record_failure()
    clock.now += 31
    assert b.allow()
    b.release_probe()
    assert b.allow()
