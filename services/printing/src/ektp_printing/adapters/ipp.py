"""A small IPP/1.1 client (RFC 8010/8011) over httpx: Print-Job, Get-Job-Attributes,
Get-Jobs, Hold/Release-Job and Cancel-Job.

Enough to hand a PDF to a CUPS queue held, release it once the print room says so, follow it
to its end and cancel it, without a C binding.
"""

from __future__ import annotations

import os
import pwd
import struct
from dataclasses import dataclass, field
from typing import Any

import httpx

PRINT_JOB = 0x0002
CANCEL_JOB = 0x0008
GET_JOB_ATTRIBUTES = 0x0009
GET_JOBS = 0x000A
RELEASE_JOB = 0x000D

# Status codes that mean "nothing left to cancel": the job is gone or already finished.
NOT_FOUND = 0x0406
NOT_POSSIBLE = 0x0404

OPERATION_GROUP = 0x01
JOB_GROUP = 0x02
END = 0x03

INTEGER = 0x21
BOOLEAN = 0x22
ENUM = 0x23
TEXT = 0x41
NAME = 0x42
KEYWORD = 0x44
URI = 0x45
CHARSET = 0x47
LANGUAGE = 0x48
MIME = 0x49

JOB_STATES = {
    3: "pending", 4: "pending-held", 5: "processing", 6: "processing-stopped",
    7: "canceled", 8: "aborted", 9: "completed",
}
FINAL_STATES = {"canceled", "aborted", "completed"}


class IppError(Exception):
    pass


def local_user() -> str:
    """The requesting-user-name to use: this process's own user. cupsd 2.4.2 (Debian 12)
    crashes on Cancel-Job from a requesting-user-name that is not a user of its host (seen
    here, with the `cancel -U` command too), so the name must be a real one."""
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return "lp"


@dataclass
class IppResponse:
    status: int
    attributes: dict[str, list[Any]] = field(default_factory=dict)  # all groups merged
    # Each job group on its own (Get-Jobs answers one group per job).
    jobs: list[dict[str, list[Any]]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status < 0x0100  # successful-ok and its variants

    def first(self, name: str) -> Any:
        values = self.attributes.get(name)
        return values[0] if values else None


def _attr(tag: int, name: str, value: bytes | str | int) -> bytes:
    if isinstance(value, int):
        raw = struct.pack(">i", value)
    elif isinstance(value, str):
        raw = value.encode()
    else:
        raw = value
    encoded = name.encode()
    return struct.pack(">BH", tag, len(encoded)) + encoded + struct.pack(">H", len(raw)) + raw


Attribute = tuple[int, str, bytes | str | int]


def encode_request(
    operation: int, request_id: int, attributes: list[Attribute],
    job_attributes: list[Attribute] | None = None,
) -> bytes:
    body = struct.pack(">BBHI", 1, 1, operation, request_id) + bytes([OPERATION_GROUP])
    body += _attr(CHARSET, "attributes-charset", "utf-8")
    body += _attr(LANGUAGE, "attributes-natural-language", "en")
    for tag, name, value in attributes:
        body += _attr(tag, name, value)
    if job_attributes:
        body += bytes([JOB_GROUP])
        for tag, name, value in job_attributes:
            body += _attr(tag, name, value)
    return body + bytes([END])


def decode_response(data: bytes) -> IppResponse:
    if len(data) < 8:
        raise IppError("IPP response too short")
    _, _, status, _ = struct.unpack(">BBHI", data[:8])
    resp = IppResponse(status=status)
    pos, name = 8, ""
    group: dict[str, list[Any]] = {}
    try:
        while pos < len(data):
            tag = data[pos]
            pos += 1
            if tag == END:
                break
            if tag < 0x10:  # a new attribute group
                group = {}
                if tag == JOB_GROUP:
                    resp.jobs.append(group)
                continue
            (name_len,) = struct.unpack(">H", data[pos:pos + 2])
            pos += 2
            if name_len:
                name = data[pos:pos + name_len].decode()
                pos += name_len
            (value_len,) = struct.unpack(">H", data[pos:pos + 2])
            pos += 2
            raw = data[pos:pos + value_len]
            pos += value_len
            value: Any
            if tag in (INTEGER, ENUM) and value_len == 4:
                value = struct.unpack(">i", raw)[0]
            elif tag == BOOLEAN:
                value = bool(raw[0]) if raw else False
            elif 0x40 <= tag <= 0x4F:
                value = raw.decode(errors="replace")
            else:
                value = raw
            resp.attributes.setdefault(name, []).append(value)
            group.setdefault(name, []).append(value)
    except (struct.error, IndexError) as exc:
        raise IppError(f"IPP response malformed: {exc}") from exc
    return resp


class IppClient:
    def __init__(self, base_url: str, *, timeout: float = 30.0, user: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.user = user or local_user()
        self._request_id = 0

    def printer_uri(self, queue: str) -> str:
        host = httpx.URL(self.base_url).host
        port = httpx.URL(self.base_url).port or 631
        return f"ipp://{host}:{port}/printers/{queue}"

    async def _call(self, queue: str, body: bytes) -> IppResponse:
        async with httpx.AsyncClient(timeout=self.timeout) as client:
            try:
                reply = await client.post(
                    f"{self.base_url}/printers/{queue}", content=body,
                    headers={"Content-Type": "application/ipp"},
                )
            except httpx.HTTPError as exc:
                raise IppError(f"cannot reach CUPS at {self.base_url}: {exc}") from exc
        if reply.status_code != 200:
            raise IppError(f"CUPS answered HTTP {reply.status_code} for queue {queue}")
        return decode_response(reply.content)

    def _next_id(self) -> int:
        self._request_id += 1
        return self._request_id

    async def print_job(self, queue: str, document: bytes, title: str, *,
                        held: bool = False) -> int:
        """Submit a PDF; ``held`` keeps it in the queue until :meth:`release_job`."""
        body = encode_request(PRINT_JOB, self._next_id(), [
            (URI, "printer-uri", self.printer_uri(queue)),
            (NAME, "requesting-user-name", self.user),
            (NAME, "job-name", title),
            (MIME, "document-format", "application/pdf"),
        ], [(KEYWORD, "job-hold-until", "indefinite")] if held else None)
        resp = await self._call(queue, body + document)
        job_id = resp.first("job-id")
        if not resp.ok or not isinstance(job_id, int):
            message = resp.first("status-message") or f"status 0x{resp.status:04x}"
            raise IppError(f"CUPS queue {queue} refused the job: {message}")
        return job_id

    async def job_state(self, queue: str, job_id: int) -> tuple[str, list[str]]:
        body = encode_request(GET_JOB_ATTRIBUTES, self._next_id(), [
            (URI, "printer-uri", self.printer_uri(queue)),
            (INTEGER, "job-id", job_id),
            (NAME, "requesting-user-name", self.user),
            (KEYWORD, "requested-attributes", "job-state"),
            (KEYWORD, "", "job-state-reasons"),  # an empty name: a second value of the same
        ])
        resp = await self._call(queue, body)
        if not resp.ok:
            raise IppError(f"CUPS does not know job {job_id} on {queue} (0x{resp.status:04x})")
        state = JOB_STATES.get(resp.first("job-state"), "unknown")
        return state, [str(r) for r in resp.attributes.get("job-state-reasons", [])]

    async def release_job(self, queue: str, job_id: int) -> None:
        """Let a held job print. Refused (IppError) when it was cancelled meanwhile."""
        resp = await self._job_operation(RELEASE_JOB, queue, job_id)
        if not resp.ok:
            message = resp.first("status-message") or f"status 0x{resp.status:04x}"
            raise IppError(f"CUPS job {queue}-{job_id} cannot be released: {message}")

    async def cancel_job(self, queue: str, job_id: int) -> bool:
        """Cancel a job (IPP Cancel-Job). True when it was cancelled now, False when there was
        nothing left to cancel (already finished or unknown to cupsd); IppError otherwise."""
        resp = await self._job_operation(CANCEL_JOB, queue, job_id)
        if resp.ok:
            return True
        if resp.status in (NOT_FOUND, NOT_POSSIBLE):
            return False
        message = resp.first("status-message") or f"status 0x{resp.status:04x}"
        raise IppError(f"CUPS job {queue}-{job_id} cannot be cancelled: {message}")

    async def _job_operation(self, operation: int, queue: str, job_id: int) -> IppResponse:
        body = encode_request(operation, self._next_id(), [
            (URI, "printer-uri", self.printer_uri(queue)),
            (INTEGER, "job-id", job_id),
            (NAME, "requesting-user-name", self.user),
        ])
        return await self._call(queue, body)

    async def jobs(self, queue: str) -> list[dict[str, Any]]:
        """Every job cupsd remembers on the queue (which-jobs=all), one dict per job:
        job-id, job-name, job-state (a name) and time-at-processing (None if never started)."""
        body = encode_request(GET_JOBS, self._next_id(), [
            (URI, "printer-uri", self.printer_uri(queue)),
            (NAME, "requesting-user-name", self.user),
            (KEYWORD, "which-jobs", "all"),
            (KEYWORD, "requested-attributes", "job-id"),
            (KEYWORD, "", "job-name"),
            (KEYWORD, "", "job-state"),
            (KEYWORD, "", "time-at-processing"),
        ])
        resp = await self._call(queue, body)
        if not resp.ok:
            raise IppError(f"CUPS cannot list the jobs of {queue} (0x{resp.status:04x})")
        found = []
        for group in resp.jobs:
            started = (group.get("time-at-processing") or [None])[0]
            found.append({
                "job-id": (group.get("job-id") or [None])[0],
                "job-name": (group.get("job-name") or [""])[0],
                "job-state": JOB_STATES.get((group.get("job-state") or [0])[0], "unknown"),
                "time-at-processing": started if isinstance(started, int) and started else None,
            })
        return found
