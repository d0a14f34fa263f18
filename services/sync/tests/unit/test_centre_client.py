"""The centre client and its retrying link, against httpx.MockTransport (no network)."""

from __future__ import annotations

import json

import httpx
import pytest

from ektp_sync.adapters.centre import (
    CentreClient,
    CentreRejected,
    CentreUnavailable,
    build_http_client,
)
from ektp_sync.adapters.link import CentreLink, CircuitOpen
from ektp_sync.config import Settings
from ektp_sync.domain.breaker import CircuitBreaker

pytestmark = pytest.mark.asyncio(loop_scope="session")

PACKET = {"enrollment_id": "rek-1", "nik": "7110010101900001", "demographics": {},
          "sealed_packet": "x"}


def settings(**over) -> Settings:
    base = {"central_url": "http://centre.test", "central_api_key": "rahasia",
            "central_api_key_header": "X-Pusat-Key"}
    return Settings(**{**base, **over})


def client_for(handler, **over) -> CentreClient:
    return CentreClient(build_http_client(settings(**over), httpx.MockTransport(handler)))


def link(failures: int = 3, attempts: int = 3) -> CentreLink:
    return CentreLink(CircuitBreaker(failures, 60), attempts=attempts, base_seconds=0.001,
                      max_seconds=0.005)


def accepted(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    return httpx.Response(200, json={"results": [
        {"enrollment_id": p["enrollment_id"], "status": "ACCEPTED"} for p in body["packets"]]})


async def test_sends_the_api_key_and_reads_each_result():
    seen = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen["key"] = request.headers.get("X-Pusat-Key")
        seen["path"] = request.url.path
        return accepted(request)

    results = await client_for(handler).submit([PACKET])
    assert seen == {"key": "rahasia", "path": "/v1/enrollments/batch"}
    assert results[0].status == "ACCEPTED"


@pytest.mark.parametrize("status", [500, 502, 503, 429, 401])
async def test_server_trouble_is_transient(status):
    client = client_for(lambda r: httpx.Response(status, json={"detail": "gangguan"}))
    with pytest.raises(CentreUnavailable, match=str(status)):
        await client.submit([PACKET])


async def test_a_refused_connection_and_a_timeout_are_transient():
    def refused(request):
        raise httpx.ConnectError("connection refused")

    def slow(request):
        raise httpx.ReadTimeout("timed out")

    with pytest.raises(CentreUnavailable, match="terhubung"):
        await client_for(refused).submit([PACKET])
    with pytest.raises(CentreUnavailable, match="tepat waktu"):
        await client_for(slow).verdicts(["rek-1"])


async def test_a_422_is_a_rejection_and_an_unreadable_answer_is_transient():
    with pytest.raises(CentreRejected) as info:
        await client_for(lambda r: httpx.Response(422, json={"detail": "nik salah"})).submit(
            [PACKET])
    assert info.value.status == 422 and "nik salah" in info.value.detail
    with pytest.raises(CentreUnavailable, match="dibaca"):
        await client_for(lambda r: httpx.Response(200, text="<html>")).submit([PACKET])
    with pytest.raises(CentreUnavailable, match="tidak cocok"):
        await client_for(lambda r: httpx.Response(200, json={"results": []})).submit([PACKET])


async def test_link_retries_transient_failures_then_succeeds():
    calls = []

    def handler(request):
        calls.append(1)
        return httpx.Response(503) if len(calls) < 3 else accepted(request)

    client, lk = client_for(handler), link(failures=5, attempts=3)
    results = await lk.call(lambda: client.submit([PACKET]))
    assert len(calls) == 3 and results[0].status == "ACCEPTED"
    assert lk.breaker.state == "CLOSED" and lk.breaker.last_success_at is not None


async def test_link_gives_up_after_its_attempts_and_the_breaker_opens():
    calls = []

    def handler(request):
        calls.append(1)
        raise httpx.ConnectError("refused")

    client, lk = client_for(handler), link(failures=4, attempts=3)
    with pytest.raises(CentreUnavailable):
        await lk.call(lambda: client.submit([PACKET]))
    assert len(calls) == 3 and lk.breaker.state == "CLOSED"
    # The fourth failure in a row opens the breaker: no more retries within the call.
    with pytest.raises(CentreUnavailable):
        await lk.call(lambda: client.submit([PACKET]))
    assert len(calls) == 4 and lk.breaker.state == "OPEN"
    # While open, the centre is not even tried.
    with pytest.raises(CircuitOpen):
        await lk.call(lambda: client.submit([PACKET]))
    assert len(calls) == 4


async def test_a_rejection_is_not_retried_and_does_not_count_as_an_outage():
    calls = []

    def handler(request):
        calls.append(1)
        return httpx.Response(422, json={"detail": "x"})

    client, lk = client_for(handler), link()
    with pytest.raises(CentreRejected):
        await lk.call(lambda: client.submit([PACKET]))
    assert len(calls) == 1 and lk.breaker.consecutive_failures == 0


async def test_tls_and_timeouts_come_from_the_settings(tmp_path):
    http = build_http_client(settings(central_timeout=7.5, central_connect_timeout=1.5,
                                      central_tls_verify=False))
    assert http.timeout.read == 7.5 and http.timeout.connect == 1.5
    await http.aclose()
