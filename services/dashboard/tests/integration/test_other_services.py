"""Sync health, the store's own stock count and the print room come from the other services
over HTTP: passed the caller's token, cached briefly, and shown as unavailable when down."""

from __future__ import annotations

import asyncio

import pytest
from dashboard_server import serving
from fastapi import FastAPI, Request

# The default office's token issuer (ektp_shared.office).
ISSUER = "dukcapil.bolaangmongondowtimurkab.go.id"

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


def stand_in() -> tuple[FastAPI, list[str]]:
    """Answers shaped as the sync, inventory and printing services answer them."""
    app = FastAPI()
    seen: list[str] = []

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/sync/status")
    async def sync_status(request: Request) -> dict[str, object]:
        seen.append(request.headers.get("authorization", ""))
        return {"backlog": {"PENDING": 12, "SENT_FOR_ENROLLMENT": 30},
                "oldest_unsent_age_seconds": 5400.0, "oldest_awaiting_verdict_age_seconds": 60.0,
                "last_successful_contact": "2026-11-02T01:00:00+00:00",
                "circuit": {"state": "open", "outage_since": "2026-11-02T01:05:00+00:00"}}

    @app.get("/stock")
    async def stock() -> dict[str, object]:
        return {"received": 10, "by_state": {"IN_STORE": 8, "ISSUED": 2},
                "invariant_holds": True}

    @app.get("/print-room")
    async def print_room() -> dict[str, object]:
        return {"jobs": {"QUEUED": 3}}

    return app, seen


async def test_sync_health_and_live_stock_are_shown_and_cached_briefly(make_dashboard):
    app, seen = stand_in()
    with serving(app) as url:
        dash = await make_dashboard(sync_url=url, inventory_url=url, printing_url=url,
                                    remote_cache_seconds=30)
        body = await dash.progress(role="viewer")
        assert body["sync"]["available"] is True
        assert body["sync"]["backlog"] == {"PENDING": 12, "SENT_FOR_ENROLLMENT": 30}
        assert body["sync"]["circuit"]["outage_since"] == "2026-11-02T01:05:00+00:00"
        assert body["stock_live"]["by_state"]["IN_STORE"] == 8
        assert body["print_room"]["jobs"] == {"QUEUED": 3}
        assert seen and seen[0].startswith("Bearer ")  # the caller's own token went along
        await asyncio.gather(*(dash.progress() for _ in range(5)))
        assert len(seen) == 1  # cached: a wall of open pages costs the sync service one call


async def test_a_service_that_stops_answering_shows_as_unavailable_not_as_an_error(
    make_dashboard,
):
    app, _ = stand_in()
    with serving(app) as url:
        dash = await make_dashboard(sync_url=url, inventory_url=url, printing_url=url,
                                    remote_cache_seconds=0.2)
        assert (await dash.progress())["sync"]["available"] is True
    await asyncio.sleep(0.3)
    body = await dash.progress()
    assert body["sync"] == {"available": False, "error": "tidak terhubung: ConnectError"}
    assert body["kabupaten"]["target"] == 0


async def test_a_viewer_never_gets_an_operators_cached_answer(make_dashboard, jwt_keys):
    """The print room shows an operator whole NIKs and a viewer masked ones: the dashboard's
    cache keeps the two apart, so a viewer right after an operator still sees masked NIKs."""
    from ektp_shared.auth import TokenVerifier
    from ektp_shared.logging import mask_nik

    verifier = TokenVerifier.from_file(jwt_keys[1], issuer=ISSUER, audience="ektp")
    nik = "7110014501900001"
    app, seen = stand_in()

    @app.get("/print-room", include_in_schema=False)
    async def print_room_by_role(request: Request) -> dict[str, object]:
        role = verifier.verify(request.headers["authorization"].split()[1]).role
        seen.append(role)
        return {"queue": [{"nik": nik if role != "viewer" else mask_nik(nik)}]}

    app.router.routes.insert(0, app.router.routes.pop())  # before the plain stand-in
    with serving(app) as url:
        dash = await make_dashboard(sync_url=url, inventory_url=url, printing_url=url,
                                    remote_cache_seconds=30)
        operator = await dash.progress(role="operator")
        assert operator["print_room"]["queue"][0]["nik"] == nik
        viewer = await dash.progress(role="viewer")
        assert viewer["print_room"]["queue"][0]["nik"] == mask_nik(nik)
        assert nik not in str(viewer)
        # Still cached per role: a second viewer page costs the print room nothing.
        await dash.progress(role="viewer")
        assert seen.count("viewer") == 1
