"""GET /residents/{nik}: "where is my card?" answered with the whole road and its durations;
GET /stuck: who has waited too long, and where."""

from __future__ import annotations

import pytest
from dashboard_samples import (
    ago,
    blank_spoiled,
    card_issued,
    card_printed,
    job_queued,
    nik,
    print_ready,
    recorded,
    roster,
    submitted,
)

from ektp_dashboard.adapters import repository as repo

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


async def test_the_print_queue_shows_as_its_own_step_and_a_late_one_changes_nothing(dashboard):
    queued, printed_first, reprinted = nik(40), nik(41), nik(42)
    await dashboard.send("central", [
        roster(n, at=ago(100)) for n in (queued, printed_first, reprinted)] + [
        print_ready(n, at=ago(50)) for n in (queued, printed_first, reprinted)])
    await dashboard.applied(6)
    await dashboard.send("printing", [
        job_queued(queued, at=ago(49)),
        # The card was printed (event keyed by the blank) before the job's announcement
        # (keyed by the NIK) was read: the late announcement must not pull it back.
        card_printed(printed_first, "BLK00041", at=ago(20)),
    ])
    await dashboard.applied(8)
    await dashboard.send("printing", [
        job_queued(printed_first, at=ago(49)),
        job_queued(reprinted, "J-1", at=ago(48)), blank_spoiled(reprinted, "BLK00042", at=ago(11)),
        job_queued(reprinted, "J-2", reprint_of="J-1", at=ago(10)),
        card_printed(reprinted, "BLK00043", at=ago(5)),
    ])
    await dashboard.applied(13)

    h = dashboard.auth("operator")
    d = (await dashboard.client.get(f"/residents/{queued}", headers=h)).json()
    assert (d["status"], d["status_label"]) == ("SENT_FOR_CARD_PRINTING", "Di ruang cetak")
    assert [(s["kind"], s["status"]) for s in d["steps"]] == [
        ("central.roster_entry", "BELUM_REKAM"), ("central.print_ready", "PRINT_READY_RECORD"),
        ("printing.job_queued", "SENT_FOR_CARD_PRINTING")]
    assert d["steps"][-1]["label"] == "Masuk antrean cetak"
    assert round(d["steps"][1]["took_seconds"]) == 3600  # an hour from PRR to the queue
    assert round(d["in_status_seconds"] / 3600) == 49

    d = (await dashboard.client.get(f"/residents/{printed_first}", headers=h)).json()
    assert d["status"] == "CARD_PRINTED"
    assert [(s["kind"], s["status"]) for s in d["steps"]][1:] == [
        ("central.print_ready", "PRINT_READY_RECORD"),
        ("printing.job_queued", "SENT_FOR_CARD_PRINTING"),
        ("printing.card_printed", "CARD_PRINTED")]

    d = (await dashboard.client.get(f"/residents/{reprinted}", headers=h)).json()
    assert d["status"] == "CARD_PRINTED"
    kinds = [s["kind"] for s in d["steps"]]
    assert kinds[2:] == ["printing.job_queued", "printing.blank_spoiled", "printing.job_queued",
                         "printing.card_printed"]
    assert [s["detail"]["reprint_of"] for s in d["steps"][2::2]] == [None, "J-1"]

    body = await dashboard.progress()
    k = body["kabupaten"]
    assert k["by_status"]["SENT_FOR_CARD_PRINTING"] == 1
    assert k["by_status"]["CARD_PRINTED"] == 2 and k["by_status"]["PRINT_READY_RECORD"] == 0
    assert (k["print_ready"], k["printed"], k["lacking"]) == (3, 2, 3)
    # The forecast still counts the queued resident as awaiting print.
    assert body["forecast"]["inputs"]["awaiting_print"] == 1
    async with dashboard.db.acquire() as conn:
        assert sorted(await repo.region_rows(conn)) == sorted(
            await repo.counters_from_residents(conn))


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
