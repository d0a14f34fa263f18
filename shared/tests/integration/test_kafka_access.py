"""Kafka is not open to anyone: a client needs a principal's password, and a principal may
use only the topics of DESIGN section 3 (its own, the ones it reads and their DLQs)."""

from __future__ import annotations

import uuid

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import (
    ClusterAuthorizationFailedError,
    GroupAuthorizationFailedError,
    KafkaError,
    TopicAuthorizationFailedError,
)

from ektp_shared.kafka import KafkaAccess, dlq_topic, make_producer
from ektp_shared.kafka_provision import topic_name

pytestmark = pytest.mark.integration


async def send_one(kafka: KafkaAccess, topic: str) -> None:
    producer = make_producer(kafka, "access-test")
    await producer.start()
    try:
        await producer.send_and_wait(topic, value=b"{}", key=b"7110010101900001")
    finally:
        await producer.stop()


@pytest.fixture
async def office(service_kafka) -> tuple[str, dict[str, KafkaAccess]]:
    prefix = f"acl{uuid.uuid4().hex[:6]}."
    return prefix, await service_kafka(prefix)


async def test_a_client_without_credentials_is_refused(infra):
    anonymous = AIOKafkaProducer(bootstrap_servers=infra.kafka_bootstrap,
                                 request_timeout_ms=5000)
    with pytest.raises(KafkaError):
        await anonymous.start()
    await anonymous.stop()


async def test_a_wrong_password_is_refused(office):
    _prefix, access = office
    impostor = access["enrollment"].as_user("ektp-enrollment", "not-its-password")
    producer = make_producer(impostor, "impostor")
    with pytest.raises(KafkaError):
        await producer.start()
    await producer.stop()


async def test_a_service_writes_its_own_topic_and_the_dlqs_of_what_it_reads(office):
    prefix, access = office
    enrollment = access["enrollment"]
    await send_one(enrollment, topic_name("enrollment", prefix))
    await send_one(enrollment, dlq_topic(topic_name("central", prefix)))
    printing = access["printing"]
    await send_one(printing, topic_name("printing", prefix))
    await send_one(printing, dlq_topic(topic_name("inventory", prefix)))


async def test_a_service_cannot_write_another_services_topic(office):
    prefix, access = office
    # Enrollment reads the centre's verdicts; only sync may publish them.
    with pytest.raises(TopicAuthorizationFailedError):
        await send_one(access["enrollment"], topic_name("central", prefix))
    with pytest.raises(TopicAuthorizationFailedError):
        await send_one(access["dashboard"], topic_name("printing", prefix))
    # A DLQ of a topic it does not read is not its either.
    with pytest.raises(TopicAuthorizationFailedError):
        await send_one(access["inventory"], dlq_topic(topic_name("enrollment", prefix)))
    # The simulated centre has no right at all: not even an idempotent producer starts.
    with pytest.raises((ClusterAuthorizationFailedError, TopicAuthorizationFailedError)):
        await send_one(access["central-sim"], topic_name("central", prefix))


async def test_a_service_reads_only_its_topics_in_its_own_group(office):
    prefix, access = office

    async def join(kafka: KafkaAccess, group: str, topic: str) -> None:
        consumer = AIOKafkaConsumer(topic, **kafka.client_options(), group_id=group,
                                    auto_offset_reset="earliest", request_timeout_ms=10000)
        await consumer.start()
        try:
            await consumer.getmany(timeout_ms=3000)
        finally:
            await consumer.stop()

    await join(access["inventory"], f"{prefix}inventory", topic_name("printing", prefix))
    with pytest.raises((GroupAuthorizationFailedError, TopicAuthorizationFailedError)):
        await join(access["inventory"], f"{prefix}printing", topic_name("printing", prefix))
    with pytest.raises(TopicAuthorizationFailedError):
        await join(access["inventory"], f"{prefix}inventory", topic_name("enrollment", prefix))


async def test_nothing_creates_a_topic_by_using_it(infra):
    missing = f"nobody-made-me-{uuid.uuid4().hex[:6]}"
    producer = AIOKafkaProducer(**infra.kafka.client_options(), request_timeout_ms=3000)
    await producer.start()
    try:
        with pytest.raises(KafkaError):
            await producer.send_and_wait(missing, value=b"{}")
    finally:
        await producer.stop()
    admin = AIOKafkaAdminClient(**infra.kafka.client_options())
    await admin.start()
    try:
        assert missing not in await admin.list_topics()
    finally:
        await admin.close()
