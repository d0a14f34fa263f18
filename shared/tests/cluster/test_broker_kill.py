"""A 3-broker cluster (EKTP_KAFKA_BROKERS=3) loses nothing and writes nothing twice when one
broker is kill -9'd while the office produces with acks=all and consumes (issue 14 item 2).

The cluster is this test's own (its own state dir and ports), started by devinfra as
`make infra-up` would; the topic is the office's, provisioned as `make topics` does
(replication 3, min.insync.replicas 2); writes go through the office's producer
(ektp_shared.kafka.make_producer: idempotent, acks=all) with the admin's SCRAM credentials.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from ektp_shared import devinfra
from ektp_shared.kafka import KafkaAccess, make_producer
from ektp_shared.kafka_provision import topic_name

pytestmark = [pytest.mark.cluster, pytest.mark.timeout(600)]

PREFIX = "c3-"
TOPIC = topic_name("enrollment", PREFIX)
PER_PHASE = 300


def _free_block() -> int:
    """A client port whose cluster block (port .. port+5) is free, in this helper's range."""
    for base in range(33100, 33900, 10):
        if not any(devinfra._port_in_use(p) for p in range(base, base + 6)):
            return base
    raise RuntimeError("no free block of 6 ports")


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[KafkaAccess]:
    base = _free_block()
    env = {"EKTP_STATE_DIR": str(tmp_path / "run"), "EKTP_KAFKA_PORT": str(base),
           "EKTP_KAFKA_CONTROLLER_PORT": str(base + 1), "EKTP_KAFKA_BROKERS": "3"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        bootstrap = devinfra.start_kafka()
        devinfra.provision_local_kafka(PREFIX)
        yield KafkaAccess(bootstrap, devinfra.KAFKA_ADMIN, devinfra.kafka_admin_password())
    finally:
        devinfra.stop_kafka()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


async def _partitions(kafka: KafkaAccess, topic: str = TOPIC) -> list[dict[str, Any]]:
    admin = AIOKafkaAdminClient(**kafka.client_options())
    await admin.start()
    try:
        (described,) = await admin.describe_topics([topic])
        return sorted(described["partitions"], key=lambda p: p["partition"])
    finally:
        await admin.close()


async def _topic_config(kafka: KafkaAccess, topic: str) -> dict[str, str]:
    admin = AIOKafkaAdminClient(**kafka.client_options())
    await admin.start()
    try:
        (response,) = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, topic)])
        (resource,) = response.resources
        return {entry[0]: entry[1] for entry in resource[4]}
    finally:
        await admin.close()


async def _produce(kafka: KafkaAccess, keys: list[str]) -> None:
    """Every send must be acknowledged by the in-sync replicas (acks=all); none is retried
    by hand, so a lost acknowledgement fails the test instead of hiding as a duplicate."""
    producer = make_producer(kafka, "cluster-test")
    await producer.start()
    try:
        futures = [await producer.send(TOPIC, key=k.encode(), value=k.encode()) for k in keys]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


async def _consume(kafka: KafkaAccess, seen: Counter[str], stop: asyncio.Event) -> None:
    """The office's way: a consumer group, offsets committed after each batch."""
    consumer = AIOKafkaConsumer(TOPIC, **kafka.client_options(), group_id=f"{PREFIX}readers",
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    try:
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=500)
            for records in batches.values():
                for record in records:
                    seen[record.key.decode()] += 1
            if batches:
                with contextlib.suppress(Exception):  # a coordinator moving: commit next time
                    await consumer.commit()
    finally:
        await consumer.stop()


async def _read_log(kafka: KafkaAccess, partitions: int) -> Counter[str]:
    """Every record on the topic, read from the start of each partition to its end."""
    consumer = AIOKafkaConsumer(**kafka.client_options(), enable_auto_commit=False)
    await consumer.start()
    try:
        parts = [TopicPartition(TOPIC, p) for p in range(partitions)]
        consumer.assign(parts)
        await consumer.seek_to_beginning(*parts)
        ends = await consumer.end_offsets(parts)
        found: Counter[str] = Counter()
        while [tp for tp in parts if await consumer.position(tp) < ends[tp]]:
            for records in (await consumer.getmany(timeout_ms=1000)).values():
                for record in records:
                    found[record.key.decode()] += 1
        return found
    finally:
        await consumer.stop()


def _kill(node: devinfra.KafkaNode) -> None:
    proc = devinfra._find_kafka(node)
    assert proc is not None, f"broker {node.node_id} is not running"
    os.kill(proc.pid, signal.SIGKILL)
    with contextlib.suppress(psutil.NoSuchProcess):
        proc.wait(10)
    # Confirmed, not only signalled: the process is gone and its port refuses connections.
    assert not psutil.pid_exists(proc.pid) or not devinfra._alive(proc)
    assert devinfra._find_kafka(node) is None
    assert not devinfra._port_in_use(node.port)


async def test_one_broker_killed_and_back_loses_nothing_and_writes_nothing_twice(
        cluster: KafkaAccess) -> None:
    kafka = cluster
    nodes = devinfra.kafka_nodes()
    assert len(nodes) == 3 and all(devinfra._find_kafka(n) for n in nodes)
    partitions = await _partitions(kafka)
    assert partitions and all(len(p["replicas"]) == 3 for p in partitions)
    assert (await _topic_config(kafka, TOPIC))["min.insync.replicas"] == "2"

    seen: Counter[str] = Counter()
    stop = asyncio.Event()
    reader = asyncio.create_task(_consume(kafka, seen, stop))
    keys = [f"k{i:04}" for i in range(3 * PER_PHASE)]
    started = time.monotonic()

    def mark(step: str) -> None:  # in the output of a failed run: where the time went
        print(f"{time.monotonic() - started:6.1f} s  {step}")

    try:
        await _produce(kafka, keys[:PER_PHASE])
        mark(f"{PER_PHASE} produced on 3 brokers")

        # Kill the leader of partition 0 (it leads something, whichever it is).
        leader = next(n for n in nodes if n.node_id == partitions[0]["leader"])
        _kill(leader)
        mark(f"broker {leader.node_id} kill -9'd: gone, port {leader.port} closed")
        await _produce(kafka, keys[PER_PHASE:2 * PER_PHASE])  # two of three in sync: acks=all
        mark(f"{PER_PHASE} produced on 2 brokers")

        await asyncio.to_thread(devinfra.start_kafka)  # starts only the missing node
        assert devinfra._find_kafka(leader) is not None
        mark(f"broker {leader.node_id} back")
        deadline = time.monotonic() + 120
        while not all(len(p["isr"]) == 3 for p in await _partitions(kafka)):
            assert time.monotonic() < deadline, "the returned broker never caught up"
            await asyncio.sleep(1)
        mark("every partition's ISR is 3 again")
        await _produce(kafka, keys[2 * PER_PHASE:])
        mark(f"{PER_PHASE} produced on 3 brokers")

        for _ in range(240):  # up to 2 minutes for the consumer to catch up
            if set(seen) == set(keys):
                break
            await asyncio.sleep(0.5)
        mark(f"the consumer group has {len(seen)} keys")
    finally:
        stop.set()
        await reader

    # The group's offsets (an internal topic) were replicated like the office's topics.
    assert all(len(p["replicas"]) == 3 for p in await _partitions(kafka, "__consumer_offsets"))
    assert (await _topic_config(kafka, "__consumer_offsets"))["min.insync.replicas"] == "2"
    assert sorted(seen) == keys, f"the consumer never got {sorted(set(keys) - set(seen))[:10]}"
    on_log = await _read_log(kafka, len(partitions))
    assert sorted(on_log) == keys, f"lost: {sorted(set(keys) - set(on_log))[:10]}"
    assert {k: n for k, n in on_log.items() if n != 1} == {}, "written twice"
