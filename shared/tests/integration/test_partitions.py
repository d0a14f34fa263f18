"""Topics have EKTP_KAFKA_PARTITIONS partitions (default 6): room for several instances of a
consuming service (issue 13). An existing topic keeps its own count, with a warning."""

from __future__ import annotations

import logging
import uuid

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from ektp_shared.config import DEFAULT_PARTITIONS, ServiceSettings
from ektp_shared.kafka_provision import TopicSettings, ensure_topics

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


def test_six_partitions_unless_told() -> None:
    assert DEFAULT_PARTITIONS == 6
    assert ServiceSettings().kafka_partitions == TopicSettings().partitions == 6


async def test_new_topics_get_the_setting_and_old_ones_keep_theirs(infra, caplog) -> None:
    admin = AIOKafkaAdminClient(**infra.kafka.client_options(), request_timeout_ms=15000)
    await admin.start()
    try:
        old, new = (f"parts{uuid.uuid4().hex[:6]}.{n}" for n in ("old", "new"))
        assert await ensure_topics(admin, [old], TopicSettings(partitions=3)) == [old]
        with caplog.at_level(logging.WARNING, "ektp_shared.kafka_provision"):
            assert await ensure_topics(admin, [old, new], TopicSettings()) == [new]
        counts = {t["topic"]: len(t["partitions"]) for t in await admin.describe_topics([old, new])}
        assert counts == {old: 3, new: 6}
        assert f"topic {old} has 3 partitions" in caplog.text
    finally:
        await admin.close()
