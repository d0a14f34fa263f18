"""Calls to the centre through the circuit breaker, retried with tenacity.

A transient failure is retried with exponential backoff and full jitter, a few times
within one call; every failure counts towards the breaker, and once the breaker opens the
retries stop and the caller is told the centre is unavailable. A call that carries many
items (a batch of recordings, a verdict query) sends as many as the link carries now
(``SizedCall``, ``domain.batch_size``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_attempt,
    stop_any,
    wait_random_exponential,
)
from tenacity.stop import stop_base

from ..domain.batch_size import BatchSize
from ..domain.breaker import CircuitBreaker
from .centre import CentreRejected, CentreUnavailable

T = TypeVar("T")
Item = TypeVar("Item")


class CircuitOpen(CentreUnavailable):
    """The breaker is open: the centre is not even tried."""


class _BreakerOpens(stop_base):
    """Stop retrying once the breaker has opened: the centre is down, not flaky."""

    def __init__(self, breaker: CircuitBreaker) -> None:
        self.breaker = breaker

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self.breaker.state == "OPEN"


class CentreLink:
    def __init__(
        self, breaker: CircuitBreaker, *, attempts: int, base_seconds: float, max_seconds: float,
    ) -> None:
        self.breaker = breaker
        self.attempts = attempts
        self.base_seconds = base_seconds
        self.max_seconds = max_seconds

    async def call(self, operation: Callable[[], Awaitable[T]]) -> T:
        retrying = AsyncRetrying(
            retry=retry_if_exception_type(CentreUnavailable),
            stop=stop_any(stop_after_attempt(self.attempts), _BreakerOpens(self.breaker)),
            wait=wait_random_exponential(multiplier=self.base_seconds, max=self.max_seconds),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                if not self.breaker.allow():
                    raise CircuitOpen("pusat data dianggap putus (circuit breaker OPEN)")
                try:
                    result = await operation()
                except CentreUnavailable as exc:
                    self.breaker.record_failure(str(exc))
                    raise
                except CentreRejected:
                    # The centre answered (and said no): the link itself works.
                    self.breaker.record_success()
                    raise
                except BaseException:
                    self.breaker.release_probe()
                    raise
                self.breaker.record_success()
                return result
        raise AssertionError("unreachable: tenacity reraises the last error")


class SizedCall(Generic[Item, T]):
    """One call of ``send`` (for ``CentreLink.call``) with as many of ``items`` as the link
    carries now: each attempt takes ``size.now`` of them, a call cut off mid-transfer makes
    the size smaller, one that arrives makes it larger again. ``part`` is what the last
    attempt sent: the answer, a refusal or an error belongs to those items; the rest wait
    for the next call."""

    def __init__(self, size: BatchSize, items: list[Item],
                 send: Callable[[list[Item]], Awaitable[T]]) -> None:
        self.size = size
        self.items = items
        self.send = send
        self.part = items

    async def __call__(self) -> T:
        self.part = self.items[:self.size.now]
        try:
            answer = await self.send(self.part)
        except CentreUnavailable as exc:
            if exc.cut_off:
                self.size.cut_off()
            raise
        self.size.arrived()
        return answer
