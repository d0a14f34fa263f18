"""Kafka client construction shared by the relay, the consumers, the tools and the tests.

Every client speaks SASL/SCRAM as one principal (DESIGN section 3, "Who may use which
topic"): :class:`KafkaAccess` is where the broker is and who we are to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaProducer

from .limits import PRODUCER_MAX_REQUEST_BYTES

SASL_MECHANISM = "SCRAM-SHA-512"


def dlq_topic(topic: str) -> str:
    return f"{topic}.dlq"


@dataclass(frozen=True)
class KafkaAccess:
    """The bootstrap address and the principal's SCRAM credentials (none: PLAINTEXT, only
    for a broker that asks for none, e.g. a throwaway container)."""

    bootstrap: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    mechanism: str = SASL_MECHANISM

    def client_options(self) -> dict[str, Any]:
        """Keyword arguments for any aiokafka client (producer, consumer, admin)."""
        options: dict[str, Any] = {"bootstrap_servers": self.bootstrap}
        if self.username is not None:
            options.update(
                security_protocol="SASL_PLAINTEXT", sasl_mechanism=self.mechanism,
                sasl_plain_username=self.username, sasl_plain_password=self.password or "",
            )
        return options

    def as_user(self, username: str, password: str) -> KafkaAccess:
        return KafkaAccess(self.bootstrap, username, password, self.mechanism)


def make_producer(kafka: KafkaAccess, client_id: str) -> AIOKafkaProducer:
    """An idempotent producer with acks=all: a retried send is never written twice."""
    return AIOKafkaProducer(
        **kafka.client_options(),
        client_id=client_id,
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        max_batch_size=256 * 1024,
        # The largest event (limits.MAX_EVENT_BYTES) with room for its framing and headers.
        max_request_size=PRODUCER_MAX_REQUEST_BYTES,
        request_timeout_ms=15000,
        retry_backoff_ms=200,
    )
