"""The roster pulled by cursor becomes central.roster_entry events; field checks of moved
and deceased residents reach the centre."""

from __future__ import annotations

import datetime as dt

import asyncpg
import pytest

from ektp_shared.envelope import CloudEvent
from ektp_shared.events import CentralRosterEntry, EnrollmentFieldChecked
from ektp_shared.testing.kafka import create_topics, publish, read_events
from ektp_shared.testing.wait import eventually, outbox_sent

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def roster_at_centre(centre_api, cursor: str = "") -> list[str]:
    out = []
    while True:
        page = (await centre_api.get("/v1/roster", params={"cursor": cursor,
                                                            "limit": 2000})).json()
        out += [e["nik"] for e in page["entries"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return out


def field_check(nik: str, outcome: str) -> CloudEvent:
    return CloudEvent.wrap(EnrollmentFieldChecked(
        nik=nik, outcome=outcome, officer="petugas.lapangan", note="cek rumah",
        checked_at=dt.datetime.now(dt.UTC)), "enrollment")


async def test_roster_pulled_by_cursor_and_field_checks_reported(
    infra, centre_api, sync_settings, start_sync, auth_header
):
    await centre_api.post("/control/population", json={"size": 1500, "card_share": 0.5,
                                                        "seed": 11})
    wanted = await roster_at_centre(centre_api)
    assert len(wanted) > 200
    topic = sync_settings.topic("enrollment")
    await create_topics(infra.kafka, [topic, sync_settings.topic("central")])
    db = await asyncpg.connect(sync_settings.database_url)
    try:
        async with start_sync(roster_page_size=100) as (_, client):
            async def pulled(n: int):
                async def check() -> bool:
                    total = await db.fetchval("SELECT entries_total FROM roster_cursor")
                    return total == n
                return check

            await eventually(await pulled(len(wanted)), timeout=60, what="roster pulled")

            # New residents at the centre: the next pull publishes only those.
            await centre_api.post("/control/population", json={"size": 300, "card_share": 0.5,
                                                                "seed": 12})
            cursor = await db.fetchval("SELECT cursor FROM roster_cursor")
            newcomers = await roster_at_centre(centre_api, cursor)
            r = await client.post("/sync/roster/pull", headers=auth_header("supervisor"))
            assert r.status_code == 202
            await eventually(await pulled(len(wanted) + len(newcomers)), timeout=60,
                             what="second pull")

            moved, died, found = wanted[:3]
            await publish(infra.kafka, topic, [
                field_check(moved, "PINDAH"), field_check(died, "MENINGGAL"),
                field_check(found, "DITEMUKAN")])

            async def reported() -> bool:
                sent = await db.fetchval(
                    "SELECT count(*) FROM population_reports WHERE sent_at IS NOT NULL")
                return sent == 2

            await eventually(reported, timeout=60, what="two reports sent")
            status = (await client.get("/sync/status", headers=auth_header("viewer"))).json()
            assert status["reports_unsent"] == 0
            assert status["roster"][0]["entries_total"] == len(wanted) + len(newcomers)
            await outbox_sent(db, what="the roster entries sent")
    finally:
        await db.close()

    assert (await centre_api.get("/control/counters")).json()["population_updates"] == 2
    left = set(await roster_at_centre(centre_api))
    assert moved not in left and died not in left and found in left

    published = await read_events(infra.kafka, sync_settings.topic("central"),
                                  expect=len(wanted) + len(newcomers), timeout=60)
    entries = [e for e in published if e.type == CentralRosterEntry.ce_type()]
    assert sorted(e.data["nik"] for e in entries) == sorted(wanted + newcomers)
    assert all(e.key == e.data["nik"] and e.data["kode_desa"].startswith("71.10.")
               for e in entries)
