"""Kafka client construction shared by the relay, the consumers and the tests."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from .limits import PRODUCER_MAX_REQUEST_BYTES, TOPIC_MAX_MESSAGE_BYTES

log = logging.getLogger(__name__)

DEFAULT_PARTITIONS = 3
# Set on every topic the office creates, so the limit holds whatever the broker's default
# (ektp_shared.limits: the largest event fits, and the producer cannot exceed it).
TOPIC_CONFIG = {"max.message.bytes": str(TOPIC_MAX_MESSAGE_BYTES)}


def dlq_topic(topic: str) -> str:
    return f"{topic}.dlq"


def make_producer(bootstrap: str, client_id: str) -> AIOKafkaProducer:
    """An idempotent producer with acks=all: a retried send is never written twice."""
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
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


async def ensure_topics(
    bootstrap: str, topics: Iterable[str], partitions: int = DEFAULT_PARTITIONS
) -> None:
    """Create the topics that do not exist yet (harmless when they do)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [t for t in dict.fromkeys(topics) if t not in existing]
        if not wanted:
            return
        try:
            await admin.create_topics(
                [NewTopic(name=t, num_partitions=partitions, replication_factor=1,
                          topic_configs=dict(TOPIC_CONFIG)) for t in wanted]
            )
        except TopicAlreadyExistsError:
            pass
    finally:
        await admin.close()


async def ensure_topics_when_possible(
    bootstrap: str, topics: Iterable[str], stop: asyncio.Event
) -> None:
    """Background variant for services: Kafka may be down at start; keep trying."""
    topics = list(topics)
    delay = 1.0
    while not stop.is_set():
        try:
            await ensure_topics(bootstrap, topics)
            return
        except (TimeoutError, KafkaError, OSError) as exc:
            log.warning("cannot create topics yet: %s", exc)
        try:
            await asyncio.wait_for(stop.wait(), timeout=delay)
        except TimeoutError:
            delay = min(delay * 2, 30)
