"""The simulated centre as the sync service meets it: packets, verdicts, roster, faults."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from ektp_central_sim.testing import niks, recording

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


def packet(event) -> dict:
    return {"enrollment_id": event.enrollment_id, "nik": event.nik,
            "demographics": event.demographics.model_dump(mode="json"),
            "sealed_packet": event.sealed_packet}


async def test_a_packet_sent_twice_is_taken_once_and_becomes_print_ready(centre, centre_keys):
    nik = niks(1)[0]
    event = recording(nik, "rek-1", centre_keys[1])
    first = await centre.post("/v1/enrollments", json=packet(event))
    again = await centre.post("/v1/enrollments", json=packet(event))
    assert first.json()["status"] == "ACCEPTED"
    assert again.json()["status"] == "ALREADY_RECEIVED"
    counters = (await centre.get("/control/counters")).json()
    assert (counters["received"], counters["accepted"], counters["repeats"]) == (2, 1, 1)

    verdict = (await centre.post("/v1/verdicts/query",
                                 json={"enrollment_ids": ["rek-1", "nope"]})).json()["verdicts"]
    assert verdict[0]["status"] == "PRINT_READY_RECORD"
    card = verdict[0]["card"]
    assert card["nik"] == nik and card["photo_jpeg_b64"] and card["signature_png_b64"]
    assert verdict[1]["status"] == "UNKNOWN"


async def test_a_concurrent_repeat_counts_as_a_repeat_not_a_rejection(
    centre, centre_keys, sim_settings
):
    # Another call's transaction holds the same enrollment, not yet committed: this call
    # finds nothing to repeat, then waits on the row and finds it taken.
    nik = niks(1, start=71)[0]
    event = recording(nik, "rek-c", centre_keys[1])
    other = await asyncpg.connect(sim_settings.database_url)
    try:
        tx = other.transaction()
        await tx.start()
        await other.execute(
            """INSERT INTO sim_submissions (enrollment_id, nik, verdict_due_at, verdict)
               VALUES ('rek-c', $1, now(), 'PRINT_READY_RECORD')""", nik)
        call = asyncio.create_task(centre.post("/v1/enrollments", json=packet(event)))
        await asyncio.sleep(1.0)
        assert not call.done()  # waiting on the other call's row
        await tx.commit()
        answer = await asyncio.wait_for(call, timeout=10)
    finally:
        await other.close()
    assert answer.json()["status"] == "ALREADY_RECEIVED"
    counters = (await centre.get("/control/counters")).json()
    assert (counters["received"], counters["accepted"], counters["repeats"],
            counters["rejected"]) == (1, 0, 1, 0), counters


async def test_same_fingers_under_another_nik_is_a_duplicate_naming_the_first(
    centre, centre_keys
):
    first_nik, second_nik = niks(2, start=10)
    batch = [packet(recording(first_nik, "rek-a", centre_keys[1])),
             packet(recording(second_nik, "rek-b", centre_keys[1], fingers_of=first_nik))]
    results = (await centre.post("/v1/enrollments/batch", json={"packets": batch})).json()
    assert [r["status"] for r in results["results"]] == ["ACCEPTED", "ACCEPTED"]
    verdicts = (await centre.post("/v1/verdicts/query",
                                  json={"enrollment_ids": ["rek-a", "rek-b"]})).json()["verdicts"]
    assert verdicts[0]["status"] == "PRINT_READY_RECORD"
    assert verdicts[1]["status"] == "DUPLICATE_RECORD"
    assert verdicts[1]["duplicate_of"] == first_nik


async def test_verdict_waits_for_the_configured_delay(centre, centre_keys):
    await centre.put("/control/verdict-delay", json={"seconds": 3600})
    event = recording(niks(1, start=20)[0], "rek-late", centre_keys[1])
    await centre.post("/v1/enrollments", json=packet(event))
    verdict = (await centre.post("/v1/verdicts/query",
                                 json={"enrollment_ids": ["rek-late"]})).json()["verdicts"][0]
    assert verdict["status"] == "PENDING" and verdict["card"] is None


async def test_a_packet_sealed_for_another_key_is_rejected_for_good(centre, centre_keys, tmp_path):
    from ektp_shared.sealed_packet import generate_centre_keypair

    generate_centre_keypair(tmp_path / "k", tmp_path / "k.pub")
    event = recording(niks(1, start=30)[0], "rek-x", tmp_path / "k.pub")
    result = (await centre.post("/v1/enrollments", json=packet(event))).json()
    assert result["status"] == "REJECTED" and result["retryable"] is False
    assert "tidak dapat dibuka" in result["reason"]
    no_fingers = recording(niks(1, start=31)[0], "rek-y", centre_keys[1], no_fingers=True)
    await centre.post("/v1/enrollments", json=packet(no_fingers))
    verdict = (await centre.post("/v1/verdicts/query",
                                 json={"enrollment_ids": ["rek-y"]})).json()["verdicts"][0]
    assert verdict["status"] == "ENROLL_FAILURE" and verdict["reason"]


async def test_bad_requests_get_problem_details_naming_the_field(centre):
    r = await centre.post("/v1/enrollments/batch", json={"packets": [{"nik": "123"}]})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "nik" in r.json()["detail"]
    r = await centre.put("/control/faults", json={"error_share": 0.8, "timeout_share": 0.5})
    assert r.status_code == 422 and "exceed" in r.json()["detail"]
    r = await centre.get("/v1/roster", params={"cursor": "abc"})
    assert r.status_code == 422 and "cursor" in r.json()["detail"]


async def test_roster_pages_by_cursor_and_drops_the_moved_and_recorded(centre, centre_keys):
    made = (await centre.post("/control/population",
                              json={"size": 3000, "card_share": 0.5, "seed": 1})).json()
    assert made["inserted"] == 3000
    seen: list[dict] = []
    cursor = ""
    pages = 0
    while True:
        page = (await centre.get("/v1/roster",
                                 params={"cursor": cursor, "limit": 250})).json()
        seen += page["entries"]
        cursor = page["next_cursor"]
        pages += 1
        if not page["has_more"]:
            break
    assert pages > 2 and len({e["nik"] for e in seen}) == len(seen) > 300
    assert all(e["kode_desa"].startswith("71.10.") for e in seen)

    moved, recorded = seen[0]["nik"], seen[1]["nik"]
    update = {"update_id": "cek-1", "nik": moved, "status": "PINDAH", "note": "ke Manado"}
    assert (await centre.post("/v1/population-updates", json=update)).json()["applied"] is True
    assert (await centre.post("/v1/population-updates", json=update)).json()["applied"] is False
    await centre.post("/v1/enrollments", json=packet(recording(recorded, "rek-r",
                                                               centre_keys[1])))
    again = (await centre.get("/v1/roster", params={"limit": 2000})).json()["entries"]
    niks_now = {e["nik"] for e in again}
    assert moved not in niks_now and recorded not in niks_now
    assert (await centre.get("/control/counters")).json()["population_updates"] == 1


async def test_fault_plan_error_share_and_reset(centre, centre_keys):
    await centre.put("/control/faults", json={"error_share": 1.0})
    r = await centre.post("/v1/verdicts/query", json={"enrollment_ids": ["a"]})
    assert r.status_code == 503
    await centre.put("/control/faults", json={"partial_batch_share": 1.0})
    event = recording(niks(1, start=40)[0], "rek-p", centre_keys[1])
    result = (await centre.post("/v1/enrollments", json=packet(event))).json()
    assert result["status"] == "REFUSED" and result["retryable"] is True
    await centre.post("/control/reset", json={"counters": False})
    assert (await centre.get("/control/faults")).json()["error_share"] == 0.0
    counters = (await centre.get("/control/counters")).json()
    assert counters["fault_error"] == 1 and counters["refused_partial"] == 1
    assert counters["stored"] == 0


async def test_with_an_api_key_configured_calls_without_it_are_refused(sim_settings):
    import httpx
    from pydantic import SecretStr

    from ektp_central_sim.entrypoints.api import build_app

    app = build_app(sim_settings.model_copy(update={"api_key": SecretStr("kunci-pusat")}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://centre") as client:
            r = await client.get("/control/counters")
            assert r.status_code == 401 and "X-API-Key" in r.json()["detail"]
            r = await client.get("/control/counters", headers={"X-API-Key": "salah"})
            assert r.status_code == 401
            r = await client.get("/control/counters", headers={"X-API-Key": "kunci-pusat"})
            assert r.status_code == 200
            assert (await client.get("/healthz")).status_code == 200


# Found by `make fuzz` (tests/fuzz/fuzz_apis.py): each of these answered 500 or timed out.
async def test_text_postgres_cannot_store_is_refused_naming_the_field_and_nothing_kept(
    centre, sim_settings
):
    nik = niks(1, start=90)[0]
    update = {"update_id": "pu-\u0000", "nik": nik, "status": "MENINGGAL", "note": ""}
    r = await centre.post("/v1/population-updates", json=update)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in r.json()["errors"]] == ["update_id"]
    # an unpaired surrogate (valid JSON, not storable UTF-8) in a list, and a NUL in a query
    r = await centre.post("/v1/verdicts/query", content=b'{"enrollment_ids": ["ok", "x\\ud800"]}',
                          headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "enrollment_ids[1]"
    r = await centre.get("/v1/roster", params={"kabupaten": "71.10\u0000"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "kabupaten"

    counters = (await centre.get("/control/counters")).json()
    assert counters.get("population_updates", 0) == 0 and counters.get("verdict_queries", 0) == 0
    conn = await asyncpg.connect(sim_settings.database_url)
    try:
        assert await conn.fetchval("SELECT count(*) FROM sim_population_updates") == 0
    finally:
        await conn.close()


async def test_numbers_beyond_what_the_centre_holds_are_refused_not_a_500(centre, sim_settings):
    r = await centre.get("/control/received", params={"after_seq": 2**70})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "after_seq"
    # a population bigger than the simulator makes in a few seconds is refused up front
    r = await centre.post("/control/population", json={"size": 1_193_206, "seed": 1})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "size"
    conn = await asyncpg.connect(sim_settings.database_url)
    try:
        assert await conn.fetchval("SELECT count(*) FROM sim_population") == 0
    finally:
        await conn.close()


async def test_any_kabupaten_side_by_side_with_its_own_roster(centre):
    # Kota Kotamobagu beside the default office: each roster pages only its own residents.
    made = (await centre.post("/control/population", json={
        "kabupaten": "71.74", "size": 1200, "card_share": 0.5})).json()
    assert (made["kabupaten"], made["inserted"]) == ("71.74", 1200)
    await centre.post("/control/population", json={"size": 600, "card_share": 0.5, "seed": 2})
    seen: list[dict] = []
    cursor = ""
    while True:
        page = (await centre.get("/v1/roster", params={
            "kabupaten": "71.74", "cursor": cursor, "limit": 100})).json()
        seen += page["entries"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert len(seen) > 300 and all(e["kode_desa"].startswith("71.74.") for e in seen)
    own = (await centre.get("/v1/roster", params={"limit": 2000})).json()["entries"]
    assert own and not any(e["kode_desa"].startswith("71.74.") for e in own)
    r = await centre.get("/v1/roster", params={"kabupaten": "71.99"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "kabupaten"
    # A kabupaten larger than the simulator makes at once needs a size given.
    r = await centre.post("/control/population", json={"kabupaten": "32.01"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "size"
