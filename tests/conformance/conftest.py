"""One office stack for the conformance run and the access walk, started once per session."""

import sys
from pathlib import Path

import pytest_asyncio

sys.path.insert(0, str(Path(__file__).resolve().parent))

from office_stack import seeded_office


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def office(infra, topic_prefix, create_database, jwt_keys, centre_keys, print_room_keys,
                 make_token, tmp_path_factory, service_kafka):
    async with seeded_office(infra, topic_prefix, create_database, make_token,
                             tmp_path_factory.mktemp("office"), service_kafka) as running:
        yield running
