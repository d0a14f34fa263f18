"""GET /residents/{nik}: "where is my card?" answered with the whole road and its durations;
GET /stuck: who has waited too long, and where."""

from __future__ import annotations

import pytest
from dashboard_samples import (
    ago,
    card_issued,
    card_printed,
    nik,
    print_ready,
    recorded,
    roster,
    submitted,
)

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_a_clerk_sees_the_timeline_from_roster_to_handover_and_the_lookup_is_audited(
    dashboard,
):
    n = nik(7)
    await dashboard.send("central", [roster(n, at=ago(200))])
    await dashboard.send("enrollment", [recorded(n, at=ago(150))])
    await dashboard.send("central", [submitted(n, at=ago(149)), print_ready(n, at=ago(100))])
    await dashboard.send("printing", [card_printed(n, "BLK00001", at=ago(30)),
                                      card_issued(n, "BLK00001", at=ago(2))])
    await dashboard.applied(6)

    r = await dashboard.client.get(f"/residents/{n}",
                                   headers={**dashboard.auth("operator", "rina"),
                                            "X-Request-ID": "loket-42"})
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["status"] == "CARD_ISSUED" and d["status_label"] == "KTP diserahkan"
    assert (d["desa"], d["kecamatan"]) == ("Tutuyan", "Tutuyan") and d["on_roster"]
    assert [s["kind"] for s in d["steps"]] == [
        "central.roster_entry", "enrollment.recorded", "central.submitted",
        "central.print_ready", "printing.card_printed", "printing.card_issued",
    ]
    # Each line says the state that step puts the resident in, whatever order the topics
    # were read in.
    assert [s["status"] for s in d["steps"]] == [
        "BELUM_REKAM", "SUDAH_REKAM", "SENT_FOR_ENROLLMENT", "PRINT_READY_RECORD",
        "CARD_PRINTED", "CARD_ISSUED",
    ]
    took = [round(s["took_seconds"] / 3600) for s in d["steps"]]
    assert took[:5] == [50, 1, 49, 70, 28]
    assert d["steps"][3]["took"] == "2 hari 22 jam"
    assert d["stuck"] is False
    # No photo or signature in the read model: only what the timeline needs.
    assert "photo" not in r.text and "card" not in d["steps"][3]["detail"]

    row = await dashboard.db.fetchrow(
        "SELECT actor, role, action, target, request_id, detail FROM audit_log")
    assert dict(row) == {"actor": "rina", "role": "operator", "action": "resident.lookup",
                         "target": n, "request_id": "loket-42", "detail": {"found": True}}


async def test_a_resident_waiting_for_the_centre_for_days_is_stuck(dashboard):
    waiting, fresh, done = nik(11), nik(12), nik(13)
    await dashboard.send("central", [
        roster(waiting, at=ago(300)), submitted(waiting, at=ago(100)),
        submitted(fresh, at=ago(1)),
        submitted(done, at=ago(200)), print_ready(done, at=ago(199)),
    ])
    await dashboard.send("printing", [card_printed(done, "BLK9", at=ago(190)),
                                      card_issued(done, "BLK9", at=ago(180))])
    await dashboard.applied(7)

    r = await dashboard.client.get(f"/residents/{waiting}", headers=dashboard.auth("printer"))
    assert r.json()["stuck"] is True and r.json()["status"] == "SENT_FOR_ENROLLMENT"
    assert r.json()["in_status"].startswith("4 hari")

    r = await dashboard.client.get("/stuck", headers=dashboard.auth("operator"))
    assert r.status_code == 200
    body = r.json()
    assert body["older_than_hours"] == 72 and body["total"] == 1
    assert [x["nik"] for x in body["items"]] == [waiting]
    assert body["items"][0]["status"] == "SENT_FOR_ENROLLMENT"
    assert body["by_status"] == {"SENT_FOR_ENROLLMENT": 1}
    # A tighter threshold, a filter by status:
    r = await dashboard.client.get("/stuck", headers=dashboard.auth("operator"),
                                   params={"older_than_hours": 0.5})
    assert {x["nik"] for x in r.json()["items"]} == {waiting, fresh}
    r = await dashboard.client.get("/stuck", headers=dashboard.auth("operator"),
                                   params={"older_than_hours": 0.5, "status": "CARD_PRINTED"})
    assert r.json()["items"] == [] and r.json()["total"] == 0
    assert await dashboard.db.fetchval(
        "SELECT count(*) FROM audit_log WHERE action = 'resident.stuck_list'") == 3


async def test_only_clerks_may_look_up_a_resident(dashboard):
    n = nik(20)
    for role in ("viewer", "storekeeper"):
        r = await dashboard.client.get(f"/residents/{n}", headers=dashboard.auth(role))
        assert r.status_code == 403, role
    r = await dashboard.client.get("/stuck", headers=dashboard.auth("viewer"))
    assert r.status_code == 403
    r = await dashboard.client.get(f"/residents/{n}")
    assert r.status_code == 401
    assert await dashboard.db.fetchval("SELECT count(*) FROM audit_log") == 0


async def test_a_wrong_nik_is_explained_and_an_unknown_one_is_404_and_still_audited(dashboard):
    h = dashboard.auth("operator")
    r = await dashboard.client.get("/residents/71100112", headers=h)
    assert r.status_code == 422 and r.json()["field"] == "nik"
    assert "16 digit" in r.json()["detail"]
    r = await dashboard.client.get("/residents/7110013213900001", headers=h)
    assert r.status_code == 422 and "bulan lahir 13" in r.json()["detail"]
    r = await dashboard.client.get("/residents/71100A0101900001", headers=h)
    assert r.status_code == 422
    unknown = nik(30)
    r = await dashboard.client.get(f"/residents/{unknown}", headers=h)
    assert r.status_code == 404 and r.headers["content-type"].startswith(
        "application/problem+json")
    assert "belum ada di dasbor" in r.json()["detail"]
    assert await dashboard.db.fetchval(
        "SELECT detail FROM audit_log WHERE target = $1", unknown) == {"found": False}
    for bad in ({"status": "SELESAI"}, {"limit": "0"}, {"older_than_hours": "-1"},
                {"older_than_hours": "abc"}):
        r = await dashboard.client.get("/stuck", headers=h, params=bad)
        assert r.status_code == 422, bad
        assert r.json()["errors"][0]["field"] in bad
