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


async def test_offices_on_one_cluster_cannot_touch_each_others_topics(infra):
    """Two offices' principals (the second's ``ektp-<service>.71-74``) and the province's
    reader, as ``make up OFFICES=71.10,71.74`` provisions them."""
    from ektp_shared import devinfra
    from ektp_shared.kafka_provision import SERVICE_TOPICS, ProvinceReader, provision
    from ektp_shared.office import topic_tag

    if not infra.kafka_admin_username:
        pytest.skip("the broker asks for no credentials (testcontainers)")
    base = f"acl{uuid.uuid4().hex[:6]}."
    first, second = base + topic_tag("71.10"), base + topic_tag("71.74")
    reader = ProvinceReader("ektp-dashboard.province-71", f"{base}province-71.dashboard",
                            (first, second))
    access: dict[str, dict[str, KafkaAccess]] = {}
    for prefix, tag in ((first, ""), (second, "71-74.")):
        principals = [s.principal_of(tag) for s in SERVICE_TOPICS] + [reader.principal]
        passwords = {p: devinfra.kafka_secret(p) for p in principals}
        await provision(infra.kafka, prefix=prefix, passwords=passwords, office_tag=tag,
                        province_reader=reader)
        access[prefix] = {s.service: infra.kafka.as_user(s.principal_of(tag),
                                                         passwords[s.principal_of(tag)])
                          for s in SERVICE_TOPICS}
    province = infra.kafka.as_user(reader.principal, devinfra.kafka_secret(reader.principal))

    # Each office's sync publishes its own centre's answers, never the other office's.
    await send_one(access[second]["sync"], topic_name("central", second))
    await send_one(access[first]["sync"], topic_name("central", first))
    with pytest.raises(TopicAuthorizationFailedError):
        await send_one(access[second]["sync"], topic_name("central", first))
    with pytest.raises(TopicAuthorizationFailedError):
        await send_one(access[first]["sync"], topic_name("central", second))

    async def read(kafka: KafkaAccess, group: str, topics: list[str]) -> int:
        consumer = AIOKafkaConsumer(*topics, **kafka.client_options(), group_id=group,
                                    auto_offset_reset="earliest", request_timeout_ms=10000)
        await consumer.start()
        try:
            seen = 0
            for _ in range(5):
                batches = await consumer.getmany(timeout_ms=2000)
                seen += sum(len(b) for b in batches.values())
                if seen >= len(topics):
                    break
            return seen
        finally:
            await consumer.stop()

    # An office's enrollment reads its centre's answers, not the other office's.
    with pytest.raises(TopicAuthorizationFailedError):
        await read(access[second]["enrollment"], f"{second}enrollment",
                   [topic_name("central", first)])
    # The province reads both offices' topics in its own group, and writes nothing.
    both = [topic_name("central", first), topic_name("central", second)]
    assert await read(province, reader.group, both) == 2
    with pytest.raises(TopicAuthorizationFailedError):
        await send_one(province, topic_name("central", first))
