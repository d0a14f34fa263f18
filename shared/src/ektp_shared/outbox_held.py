"""Outbox rows Kafka refuses for good: telling them from outages, and the operator's hold list.

A refusal is *permanent* when sending the same record again can never succeed (too large,
corrupt, an invalid topic, no right to write the topic); anything else (broker down,
timeouts, a leader moving) is transient and the relay simply tries again. A permanently
refused row is held with its reason; later rows of the same topic and key wait behind it
until an operator releases it (it is tried again) or drops it (it is kept, never sent).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from aiokafka import errors as kafka_errors

from . import audit
from .auth import Principal
from .db import Connection
from .logging import mask_nik

# Who writes or releases a row wakes the relay (LISTEN on its lease connection).
NOTIFY_CHANNEL = "ektp_outbox"

# Refused for this record, however often it is sent (aiokafka names; RecordTooLarge is the
# broker's RECORD_TOO_LARGE seen by newer clients, MessageSizeTooLarge also comes from
# the producer's own max_request_size check before anything is sent).
PERMANENT_REFUSALS: tuple[type[BaseException], ...] = (
    kafka_errors.MessageSizeTooLargeError,
    kafka_errors.RecordTooLargeError,
    kafka_errors.RecordListTooLargeError,
    kafka_errors.CorruptRecordException,
    kafka_errors.InvalidTopicError,
    kafka_errors.TopicAuthorizationFailedError,
    kafka_errors.InvalidTimestampError,
    kafka_errors.UnsupportedForMessageFormatError,
)

# Kafka's rule for topic names; a name outside it is refused for ever (the client itself
# would only time out waiting for metadata, which looks like an outage).
_TOPIC_NAME = re.compile(r"[A-Za-z0-9._-]{1,249}")


def is_permanent(exc: BaseException) -> bool:
    return isinstance(exc, PERMANENT_REFUSALS)


def describe(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return mask_nik(text)[:500]


def refusal_before_send(topic: str) -> str | None:
    """A reason to hold a row without sending it, or None."""
    if not _TOPIC_NAME.fullmatch(topic) or topic in (".", ".."):
        return f"InvalidTopicError: {topic[:80]!r} is not a valid Kafka topic name"
    return None


# The relay sends only these rows, in id order: waiting, and no held row of the same topic
# and key before them (so a held row keeps the order of its key).
ELIGIBLE_ROWS = """
SELECT o.id, o.topic, o.key, o.headers, o.payload FROM outbox o
WHERE o.published_at IS NULL AND o.held_at IS NULL AND o.dropped_at IS NULL
  AND NOT EXISTS (
      SELECT 1 FROM outbox h
      WHERE h.held_at IS NOT NULL AND h.dropped_at IS NULL
        AND h.topic = o.topic AND h.key = o.key AND h.id < o.id)
ORDER BY o.id LIMIT $1
"""

WAITING_COUNT = """SELECT count(*) FROM outbox
                   WHERE published_at IS NULL AND dropped_at IS NULL"""


@dataclass(frozen=True)
class HeldSummary:
    count: int
    oldest_id: int
    oldest_held_at: dt.datetime
    topic: str
    key: str
    reason: str
    waiting_behind: int

    def reason_text(self) -> str:
        return (
            f"outbox: {self.count} event(s) held, refused by Kafka for good; oldest #"
            f"{self.oldest_id} since {self.oldest_held_at:%Y-%m-%d %H:%M:%S %Z} on "
            f"{self.topic} key {mask_nik(self.key)}: {self.reason}; {self.waiting_behind} "
            "later event(s) of held keys wait behind them (`ektp outbox list`, then "
            "release or drop)"
        )


async def held_summary(conn: Connection) -> HeldSummary | None:
    row = await conn.fetchrow(
        """SELECT id, topic, key, held_at, hold_reason,
                  (SELECT count(*) FROM outbox WHERE held_at IS NOT NULL
                                                 AND dropped_at IS NULL) AS n
           FROM outbox WHERE held_at IS NOT NULL AND dropped_at IS NULL ORDER BY id LIMIT 1"""
    )
    if row is None:
        return None
    behind = await conn.fetchval(
        """SELECT count(*) FROM outbox o
           WHERE o.published_at IS NULL AND o.held_at IS NULL AND o.dropped_at IS NULL
             AND EXISTS (SELECT 1 FROM outbox h
                         WHERE h.held_at IS NOT NULL AND h.dropped_at IS NULL
                           AND h.topic = o.topic AND h.key = o.key AND h.id < o.id)"""
    )
    return HeldSummary(
        count=int(row["n"]), oldest_id=int(row["id"]), oldest_held_at=row["held_at"],
        topic=row["topic"], key=row["key"], reason=row["hold_reason"] or "",
        waiting_behind=int(behind),
    )


async def list_held(conn: Connection, *, include_dropped: bool = False) -> list[dict[str, Any]]:
    """Held rows (and dropped ones if asked), with how many later rows wait behind each."""
    rows = await conn.fetch(
        """SELECT o.id, o.ce_id, o.ce_type, o.topic, o.key, o.created_at, o.held_at,
                  o.hold_reason, o.dropped_at, o.dropped_by, o.drop_reason,
                  octet_length(o.payload) AS payload_bytes,
                  (SELECT count(*) FROM outbox w
                    WHERE w.topic = o.topic AND w.key = o.key AND w.id > o.id
                      AND w.published_at IS NULL AND w.dropped_at IS NULL) AS waiting_behind
           FROM outbox o
           WHERE o.held_at IS NOT NULL AND ($1 OR o.dropped_at IS NULL)
           ORDER BY o.id""",
        include_dropped,
    )
    return [dict(r) for r in rows]


class NotHeld(LookupError):
    """The row does not exist or is not held (already released, dropped or published)."""


async def _take_held(conn: Connection, outbox_id: int) -> dict[str, Any]:
    row = await conn.fetchrow(
        """SELECT id, ce_id, ce_type, topic, key, hold_reason FROM outbox
           WHERE id = $1 AND held_at IS NOT NULL AND dropped_at IS NULL
             AND published_at IS NULL
           FOR UPDATE""",
        outbox_id,
    )
    if row is None:
        raise NotHeld(f"outbox row {outbox_id} is not held")
    return dict(row)


def _audit_detail(row: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"outbox_id": row["id"], "ce_id": row["ce_id"], "ce_type": row["ce_type"],
            "topic": row["topic"], "hold_reason": row["hold_reason"], **extra}


async def release(conn: Connection, outbox_id: int, operator: Principal, note: str) -> None:
    """Make a held row eligible again (the relay tries it next, before its key's later rows).

    Call inside a transaction: the change and its audit row commit together.
    """
    row = await _take_held(conn, outbox_id)
    await conn.execute(
        "UPDATE outbox SET held_at = NULL, hold_reason = NULL WHERE id = $1", outbox_id
    )
    await audit.record(conn, operator, "outbox.release", row["key"],
                       _audit_detail(row, note=note))
    await conn.execute("SELECT pg_notify($1, '')", NOTIFY_CHANNEL)


async def drop(conn: Connection, outbox_id: int, operator: Principal, reason: str) -> None:
    """Give up on a held row: it is kept with the reason and never sent; its key moves on."""
    if not reason.strip():
        raise ValueError("a drop needs the operator's reason")
    row = await _take_held(conn, outbox_id)
    await conn.execute(
        """UPDATE outbox SET dropped_at = now(), dropped_by = $2, drop_reason = $3
           WHERE id = $1""",
        outbox_id, operator.user, reason,
    )
    await audit.record(conn, operator, "outbox.drop", row["key"],
                       _audit_detail(row, reason=reason))
    await conn.execute("SELECT pg_notify($1, '')", NOTIFY_CHANNEL)
