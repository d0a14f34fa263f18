"""The size limits agree end to end (ektp_shared.limits, DESIGN.md section 6): the largest
event fits what the producer sends, what each topic and the broker take (as devinfra and
compose configure it) and what the consumers fetch; a recording's largest request body fits
its route's cap. The events themselves at their maxima: services/enrollment
tests/integration/test_size_limits.py and services/sync tests/unit/test_submission.py."""

from __future__ import annotations

import asyncio
from pathlib import Path
from string import Template
from typing import Any

import yaml

from ektp_shared import consumer as consumer_module
from ektp_shared import limits
from ektp_shared.kafka import KafkaAccess, make_producer
from ektp_shared.kafka_provision import TopicSettings
from ektp_shared.limits import (
    BROKER_MESSAGE_MAX_BYTES,
    CONSUMER_FETCH_MAX_BYTES,
    CONSUMER_MAX_PARTITION_FETCH_BYTES,
    MAX_EVENT_BYTES,
    PRODUCER_MAX_REQUEST_BYTES,
    TOPIC_MAX_MESSAGE_BYTES,
)

ROOT = Path(__file__).parents[1]
# A record batch of one record: 61 bytes of batch header, about 20 of record framing.
RECORD_FRAMING = 128


def broker_properties() -> dict[str, str]:
    """infra/kafka/server.properties as devinfra renders it (only ports and paths vary)."""
    template = (ROOT / "infra" / "kafka" / "server.properties.template").read_text()
    text = Template(template).substitute(
        kafka_port=9092, controller_port=9093, log_dirs="/tmp/kafka", admin_password="x",
        node_id=1, quorum="controller.quorum.bootstrap.servers=127.0.0.1:9093",
        replication_factor=1, min_insync_replicas=1)
    pairs = (line.split("=", 1) for line in text.splitlines()
             if "=" in line and not line.lstrip().startswith("#"))
    return {k.strip(): v.strip() for k, v in pairs}


def test_the_largest_event_fits_every_kafka_limit_on_the_way():
    assert MAX_EVENT_BYTES + RECORD_FRAMING <= PRODUCER_MAX_REQUEST_BYTES
    assert PRODUCER_MAX_REQUEST_BYTES <= TOPIC_MAX_MESSAGE_BYTES <= BROKER_MESSAGE_MAX_BYTES
    assert CONSUMER_MAX_PARTITION_FETCH_BYTES >= TOPIC_MAX_MESSAGE_BYTES
    assert CONSUMER_FETCH_MAX_BYTES >= CONSUMER_MAX_PARTITION_FETCH_BYTES


def test_the_producer_and_the_topics_the_office_creates_use_the_limits():
    async def build() -> Any:
        return make_producer(KafkaAccess("127.0.0.1:9"), "size-check")  # never started

    assert asyncio.run(build())._max_request_size == PRODUCER_MAX_REQUEST_BYTES
    assert int(TopicSettings().configs()["max.message.bytes"]) == TOPIC_MAX_MESSAGE_BYTES


def test_the_broker_devinfra_runs_and_the_one_compose_runs_take_the_largest_message():
    props = broker_properties()
    assert int(props["message.max.bytes"]) == BROKER_MESSAGE_MAX_BYTES
    assert int(props["replica.fetch.max.bytes"]) >= BROKER_MESSAGE_MAX_BYTES
    # Compose's broker renders the same template (its entrypoint), so it takes the same.
    kafka = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["kafka"]
    assert "./infra/kafka:/opt/ektp/kafka:ro" in kafka["volumes"]
    entrypoint = (ROOT / "infra" / "kafka" / "compose-entrypoint.sh").read_text()
    assert "server.properties.template" in entrypoint
    assert not any("MAX_BYTES" in k for k in kafka.get("environment", {}))


def test_the_consumers_of_every_service_fetch_the_largest_message(monkeypatch):
    """ConsumerRunner (every service's consumer) builds its Kafka consumer with the limits."""
    seen: dict[str, Any] = {}
    runner: consumer_module.ConsumerRunner

    class Recorder:
        def __init__(self, **kwargs: Any) -> None:
            seen.update(kwargs)
            runner.stop()  # one round is enough

        async def start(self) -> None:
            raise OSError("not connecting in a unit test")

        async def stop(self) -> None:
            return None

    monkeypatch.setattr(consumer_module, "AIOKafkaConsumer", Recorder)
    runner = consumer_module.ConsumerRunner(
        None, KafkaAccess("127.0.0.1:9"), group_id="size-check", topics=["t"], handlers={})  # type: ignore[arg-type]
    asyncio.run(asyncio.wait_for(runner.run(), timeout=10))
    assert seen["max_partition_fetch_bytes"] == CONSUMER_MAX_PARTITION_FETCH_BYTES
    assert seen["fetch_max_bytes"] == CONSUMER_FETCH_MAX_BYTES


def test_a_recording_with_every_image_at_its_maximum_fits_its_routes_cap():
    images = (limits.PHOTO_BYTES[1] + limits.SIGNATURE_BYTES[1]
              + 10 * limits.FINGERPRINT_BYTES[1] + 2 * limits.IRIS_BYTES[1])
    # The images base64 once in the request, plus the resident's data (under 8 KB).
    assert limits.body_limit("POST", "/enrollments") >= images * 4 // 3 + 8 * 1024
