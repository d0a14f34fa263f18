"""CloudEvents 1.0 in Kafka binary mode (attributes in ``ce_*`` headers, ``data`` as value)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from .events import EventData, model_for

SPECVERSION = "1.0"
CONTENT_TYPE = "application/json"


class EnvelopeError(ValueError):
    """A Kafka message that is not a CloudEvent this system understands."""


@dataclass(frozen=True)
class CloudEvent:
    id: str
    type: str
    source: str
    time: dt.datetime
    subject: str | None
    key: str
    data: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def wrap(
        cls,
        data: EventData,
        source: str,
        *,
        event_id: str | None = None,
        time: dt.datetime | None = None,
    ) -> CloudEvent:
        key = data.key()
        return cls(
            id=event_id or str(uuid.uuid4()),
            type=data.ce_type(),
            source=source,
            time=time or dt.datetime.now(dt.UTC),
            subject=key,
            key=key,
            data=data.model_dump(mode="json"),
        )

    def payload(self) -> EventData:
        """The typed ``data``; raises EnvelopeError when it does not match its type."""
        model = model_for(self.type)
        try:
            return model.model_validate(self.data)
        except ValidationError as exc:
            raise EnvelopeError(f"{self.type}: data does not match the contract: {exc}") from exc

    def headers(self) -> list[tuple[str, bytes]]:
        headers = [
            ("ce_specversion", SPECVERSION.encode()),
            ("ce_id", self.id.encode()),
            ("ce_source", self.source.encode()),
            ("ce_type", self.type.encode()),
            ("ce_time", self.time.isoformat().encode()),
            ("content-type", CONTENT_TYPE.encode()),
        ]
        if self.subject is not None:
            headers.append(("ce_subject", self.subject.encode()))
        return headers

    def value(self) -> bytes:
        return json.dumps(self.data, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_kafka(
        cls, key: bytes | None, value: bytes | None, headers: list[tuple[str, bytes]] | tuple
    ) -> CloudEvent:
        h = {}
        for name, raw in headers or ():
            try:
                h[name] = raw.decode() if raw is not None else ""
            except UnicodeDecodeError as exc:
                raise EnvelopeError(f"header {name} is not UTF-8") from exc
        missing = [n for n in ("ce_specversion", "ce_id", "ce_source", "ce_type") if not h.get(n)]
        if missing:
            raise EnvelopeError(f"missing CloudEvents headers: {', '.join(missing)}")
        if h["ce_specversion"] != SPECVERSION:
            raise EnvelopeError(f"unsupported ce_specversion {h['ce_specversion']!r}")
        if value is None:
            raise EnvelopeError("message has no value")
        try:
            data = json.loads(value)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EnvelopeError(f"value is not JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise EnvelopeError("value is not a JSON object")
        try:
            time = dt.datetime.fromisoformat(h["ce_time"]) if h.get("ce_time") else dt.datetime.now(
                dt.UTC
            )
        except ValueError as exc:
            raise EnvelopeError(f"ce_time is not an ISO timestamp: {h['ce_time']!r}") from exc
        return cls(
            id=h["ce_id"],
            type=h["ce_type"],
            source=h["ce_source"],
            time=time,
            subject=h.get("ce_subject"),
            key=(key or b"").decode(errors="replace"),
            data=data,
        )
