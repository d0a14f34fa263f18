from __future__ import annotations

import pytest
import pytest_asyncio
from enrollment_office import enrollment_settings, start_office


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def office(request, infra, topic_prefix, create_database, centre_keys, jwt_keys):
    """One service per test module, with its own database and topics; a module asks for
    Kafka workers (relay, consumer) with ``WORKERS = True``."""
    workers = getattr(request.module, "WORKERS", False)
    extra = getattr(request.module, "SETTINGS", {})
    label = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")
    settings = enrollment_settings(
        infra, await create_database("enr"), f"{topic_prefix}{label}.", centre_keys, jwt_keys,
        **extra,
    )
    async for o in start_office(settings, workers=workers):
        yield o


@pytest.fixture
def operator(auth_header):
    return auth_header("operator", "rina")


@pytest.fixture
def supervisor(auth_header):
    return auth_header("supervisor", "pak.hendra")
