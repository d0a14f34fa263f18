"""A small IPP/1.1 client (RFC 8010/8011) over httpx: Print-Job and Get-Job-Attributes.

Enough to hand a PDF to a CUPS queue and follow the job to its end, without a C binding.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Any

import httpx

PRINT_JOB = 0x0002
GET_JOB_ATTRIBUTES = 0x0009

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


@dataclass
class IppResponse:
    status: int
    attributes: dict[str, list[Any]] = field(default_factory=dict)

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


def encode_request(
    operation: int, request_id: int, attributes: list[tuple[int, str, bytes | str | int]]
) -> bytes:
    body = struct.pack(">BBHI", 1, 1, operation, request_id) + bytes([OPERATION_GROUP])
    body += _attr(CHARSET, "attributes-charset", "utf-8")
    body += _attr(LANGUAGE, "attributes-natural-language", "en")
    for tag, name, value in attributes:
        body += _attr(tag, name, value)
    return body + bytes([END])


def decode_response(data: bytes) -> IppResponse:
    if len(data) < 8:
        raise IppError("IPP response too short")
    _, _, status, _ = struct.unpack(">BBHI", data[:8])
    resp = IppResponse(status=status)
    pos, name = 8, ""
    try:
        while pos < len(data):
            tag = data[pos]
            pos += 1
            if tag == END:
                break
            if tag < 0x10:  # a new attribute group
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
    except (struct.error, IndexError) as exc:
        raise IppError(f"IPP response malformed: {exc}") from exc
    return resp


class IppClient:
    def __init__(self, base_url: str, *, timeout: float = 30.0, user: str = "ektp-printing"):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.user = user
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

    async def print_job(self, queue: str, document: bytes, title: str) -> int:
        body = encode_request(PRINT_JOB, self._next_id(), [
            (URI, "printer-uri", self.printer_uri(queue)),
            (NAME, "requesting-user-name", self.user),
            (NAME, "job-name", title),
            (MIME, "document-format", "application/pdf"),
        ])
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
