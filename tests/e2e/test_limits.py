"""The office's limits against the services as real processes (DESIGN.md section 6):

- a 300 MB body to any route is cut off without being buffered: no token, 401 before a
  byte is read; with a token, 413 once the route's cap is passed; the process's peak
  memory stays flat;
- an event Kafka can never take, forced into the enrollment outbox, is set aside with its
  reason: /metrics counts it, /readyz says degraded, the next 100 recordings still reach
  the centre, and `ektp outbox drop` (audited) clears it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import select
import socket
import sys
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
import pytest
from e2e_stack import Stack
from typer.testing import CliRunner

from ektp_shared.cli import app as ektp
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import EnrollmentRecorded
from ektp_shared.limits import (
    DEFAULT_BODY_BYTES,
    MIB,
    PRODUCER_MAX_REQUEST_BYTES,
    RECORDING_BODY_BYTES,
    ROSTER_CSV_BYTES,
    SERIAL_LIST_BODY_BYTES,
)
from ektp_shared.testing.wait import eventually

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "services" / "enrollment" / "tests"))
from enrollment_testdata import biometrics, recording

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

HUGE = 300 * MIB
# Peak memory may grow by a route's cap (a body within the cap is the route's to read), not
# by the body: the largest cap below is 16 MiB, and a roster CSV of that size parsed into
# rows takes about three times it (51 MiB seen in enrollment); far below the 300 MB offered.
FLAT = 64 * MIB
# What the sockets' buffers hold before the service has to read or answer: a service that
# took more than that before answering was reading the body.
UNREAD = 32 * MIB

# (service, route, role, content type, its cap)
ROUTES = [
    ("enrollment", "/enrollments", "operator", "application/json", RECORDING_BODY_BYTES),
    ("enrollment", "/roster/import", "operator", "text/csv", ROSTER_CSV_BYTES),
    ("inventory", "/receipts", "storekeeper", "application/json", SERIAL_LIST_BODY_BYTES),
    ("printing", "/printers", "supervisor", "application/json", DEFAULT_BODY_BYTES),
    ("sync", "/submissions/rek-x/cancel", "supervisor", "application/json", DEFAULT_BODY_BYTES),
]
# A route that takes no body answers without reading one (the connection is then closed).
NO_BODY = ("sync", "/sync/roster/pull", "supervisor")


def peak_memory(pid: int) -> int:
    """The process's peak resident memory (VmHWM), in bytes: a body held for a moment and
    freed again still shows here."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no VmHWM for {pid}")


class LostAnswer(Exception):
    """The server answered and closed, and the reset of the unread body reached us first."""


def offer_body(url: str, path: str, headers: dict[str, str], *, chunked: bool,
               give_up_after: int, total: int = HUGE) -> tuple[int, dict[str, Any]]:
    """As :func:`_offer_once`, again (up to 5 times) if the answer was lost to the reset
    (the kernel drops what we had not read yet when the server closes on an unread body)."""
    for _ in range(4):
        try:
            return _offer_once(url, path, headers, chunked=chunked,
                               give_up_after=give_up_after, total=total)
        except LostAnswer:
            continue
    return _offer_once(url, path, headers, chunked=chunked, give_up_after=give_up_after,
                       total=total)


def _offer_once(url: str, path: str, headers: dict[str, str], *, chunked: bool,
                give_up_after: int, total: int = HUGE) -> tuple[int, dict[str, Any]]:
    """POST ``total`` bytes (chunked, or with that Content-Length), reading the answer
    while sending: returns the status and the problem. Fails once the service has taken
    ``give_up_after`` bytes without answering (it is reading the body, not refusing it)."""
    where = urlsplit(url)
    sock = socket.create_connection((where.hostname, where.port), timeout=30)
    head = [f"POST {path} HTTP/1.1", f"Host: {where.netloc}",
            "Transfer-Encoding: chunked" if chunked else f"Content-Length: {total}",
            *(f"{k}: {v}" for k, v in headers.items())]
    sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
    piece = b"7" * 65536
    frame = (f"{len(piece):x}\r\n".encode() + piece + b"\r\n") if chunked else piece
    sock.setblocking(False)
    sent, pending, answer = 0, memoryview(b""), b""
    try:
        while True:
            writable = [sock] if sent < total or pending else []
            readable, can_write, _ = select.select([sock], writable, [], 30)
            if not readable and not can_write:
                raise AssertionError(f"{path}: no answer after {sent} byte sent")
            if readable:
                data = sock.recv(65536)
                if not data:
                    break
                answer += data
                if _complete(answer):
                    break
                continue
            if not pending:
                assert sent <= give_up_after, f"{path}: {sent} byte taken and no answer yet"
                last = sent + len(piece) >= total
                pending = memoryview(frame + (b"0\r\n\r\n" if chunked and last else b""))
                sent += len(piece)
            try:
                pending = pending[sock.send(pending):]
            except BlockingIOError:
                continue
    except (BrokenPipeError, ConnectionResetError):
        # the server closed the connection: its answer, if any, is in ``answer``
        if not answer:
            raise LostAnswer(path) from None
    finally:
        sock.close()
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 "), f"{path}: {answer[:200]!r}"
    body = rest.partition(b"\r\n\r\n")[2]
    return int(status_line.split()[1]), json.loads(body)


def _complete(answer: bytes) -> bool:
    head, sep, body = answer.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return False


async def test_a_300_mb_body_to_any_route_is_cut_off_without_being_buffered(stack: Stack):
    peaks = {name: peak_memory(p.proc.pid) for name, p in stack.processes.items() if p.proc}
    for service, path, role, ctype, cap in ROUTES:
        url = stack.urls[service]
        base = {"Content-Type": ctype}
        token = {"Authorization": f"Bearer {stack.tokens[role]}"}
        for label, headers, chunked in (
            ("no token, streamed", base, True),
            ("a forged token, declared", {**base, "Authorization": "Bearer bukan.token.sah"},
             False),
        ):
            status, problem = await asyncio.to_thread(
                offer_body, url, path, headers, chunked=chunked, give_up_after=UNREAD)
            assert status == 401, f"{service} {path} ({label}): {status} {problem}"
            assert problem["type"].endswith("/unauthorized")
        status, problem = await asyncio.to_thread(
            offer_body, url, path, {**base, **token}, chunked=False, give_up_after=UNREAD)
        assert status == 413, f"{service} {path} (declared): {status} {problem}"
        assert problem["limit_bytes"] == cap
        status, problem = await asyncio.to_thread(
            offer_body, url, path, {**base, **token}, chunked=True, give_up_after=cap + UNREAD)
        assert status == 413, f"{service} {path} (streamed): {status} {problem}"
        assert problem["limit_bytes"] == cap and str(cap) in problem["detail"]
    service, path, role = NO_BODY
    status, _ = await asyncio.to_thread(
        offer_body, stack.urls[service], path,
        {"Content-Type": "application/json",
         "Authorization": f"Bearer {stack.tokens[role]}"}, chunked=True, give_up_after=UNREAD)
    assert status == 202
    for name, before in peaks.items():
        grown = peak_memory(stack.processes[name].proc.pid) - before  # type: ignore[union-attr]
        assert grown < FLAT, f"{name}: peak memory grew by {grown / MIB:.0f} MiB"
    # The services still answer (a refused body does not wedge a connection or a worker).
    for service in {s for s, *_ in ROUTES}:
        r = await stack.http.get(stack.urls[service] + "/readyz")
        assert r.status_code == 200, f"{service}: {r.text}"


runner = CliRunner()


async def ektp_outbox(*args: str) -> tuple[int, str]:
    result = await asyncio.to_thread(runner.invoke, ektp, ["outbox", *args])
    return result.exit_code, result.output


async def test_an_oversize_event_is_set_aside_and_the_next_100_recordings_reach_the_centre(
    stack: Stack,
):
    dsn = stack.databases["enrollment"]
    enrollment = stack.urls["enrollment"]
    db = await asyncpg.connect(dsn)
    try:
        # Past every API check: an event larger than the producer may ever send.
        poison_nik = "7110015505900999"
        event = CloudEvent(
            id=str(uuid.uuid4()), type=EnrollmentRecorded.ce_type(), source="enrollment",
            time=dt.datetime.now(dt.UTC), subject=poison_nik, key=poison_nik,
            data={"enrollment_id": str(uuid.uuid4()), "nik": poison_nik,
                  "sealed_packet": "A" * (PRODUCER_MAX_REQUEST_BYTES + MIB)})
        poison_id = await db.fetchval(
            """INSERT INTO outbox (topic, key, ce_id, ce_type, headers, payload)
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING id""",
            f"{stack.prefix}ektp.enrollment.events", event.key, event.id, event.type,
            json.dumps([[name, value.decode()] for name, value in event.headers()]),
            event.value())

        async def held() -> bool:
            return await db.fetchval("SELECT hold_reason FROM outbox WHERE id = $1",
                                     poison_id) is not None

        await eventually(held, timeout=60, what="the oversize event held")
        reason = await db.fetchval("SELECT hold_reason FROM outbox WHERE id = $1", poison_id)
        assert "MessageSizeTooLarge" in reason

        async def says_degraded() -> bool:
            return (await stack.http.get(enrollment + "/readyz")).json()["status"] == "degraded"

        await eventually(says_degraded, timeout=30, what="/readyz degraded")
        metrics = (await stack.http.get(enrollment + "/metrics")).text
        assert "ektp_outbox_held 1.0" in metrics
        assert "ektp_outbox_refused_total 1.0" in metrics

        # The next 100 recordings still reach the centre.
        recorded = set()
        for n in range(100):
            body = recording(serial=100 + n, seed=100 + n, biometrics=biometrics(100 + n))
            answer = await stack.call("POST", "enrollment", "/enrollments", role="operator",
                                      json=body)
            recorded.add(answer["enrollment_id"])

        async def all_at_the_centre() -> bool:
            received = await stack.call("GET", "central-sim", "/control/received",
                                        params={"limit": 10000})
            return recorded <= {r["enrollment_id"] for r in received}

        await eventually(all_at_the_centre, timeout=120, what="100 recordings at the centre")
        ready = await stack.http.get(enrollment + "/readyz")
        assert ready.status_code == 200 and ready.json()["status"] == "degraded"
        degraded = " ".join(ready.json()["degraded"])
        assert "1 event(s) held" in degraded and "MessageSizeTooLarge" in degraded
        assert poison_nik not in degraded  # a NIK: masked

        code, out = await ektp_outbox("drop", str(poison_id), "--reason",
                                      "paket terlalu besar, direkam ulang",
                                      "--database-url", dsn, "--user", "pak.hendra")
        assert code == 0, out

        async def says_ready() -> bool:
            return (await stack.http.get(enrollment + "/readyz")).json()["status"] == "ready"

        await eventually(says_ready, timeout=30, what="/readyz ready after the drop")
        audit = await db.fetchrow("SELECT actor, target, detail FROM audit_log "
                                  "WHERE action = 'outbox.drop'")
        assert (audit["actor"], audit["target"]) == ("pak.hendra", poison_nik)
        detail = audit["detail"]
        assert (json.loads(detail) if isinstance(detail, str) else detail)["outbox_id"] == poison_id
        assert "ektp_outbox_held 0.0" in (await stack.http.get(enrollment + "/metrics")).text
    finally:
        await db.close()
