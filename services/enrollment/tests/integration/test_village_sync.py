"""The village sync: a tablet's records, each signed by its device key, sent in batches when a
network appears. Each is taken once however the sending is cut off or repeated; a refused
one leaves nothing; conflicts wait for the supervisor instead of overwriting."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json
import uuid

import pytest
from enrollment_testdata import DESA, recording
from nacl.signing import SigningKey

from ektp_enrollment.domain.kitfile import sign_kit_file
from ektp_enrollment.domain.village import canonical_bytes

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

NOW = dt.datetime(2026, 11, 30, 3, 0, tzinfo=dt.UTC)


class Tablet:
    """A device as the village mode keeps one: its key, its kit id, its signed records."""

    def __init__(self, kit_id: str, officer: str) -> None:
        self.kit_id, self.officer, self.key = kit_id, officer, SigningKey.generate()

    @property
    def public(self) -> str:
        return base64.b64encode(bytes(self.key.verify_key)).decode()

    def record(self, kind: str, data: dict, record_id: str | None = None) -> dict:
        rec = {"record_id": record_id or str(uuid.uuid4()), "kind": kind,
               "recorded_at": NOW.isoformat(), "operator": self.officer, "data": data}
        # what the browser does: JSON with sorted keys, signed by the device key
        rec["signature"] = base64.b64encode(self.key.sign(canonical_bytes(rec)).signature
                                            ).decode()
        return rec

    def check(self, nik: str, outcome: str, note: str = "") -> dict:
        return self.record("field_check", {"nik": nik, "outcome": outcome, "note": note})


async def registered(office, operator, tablet: Tablet) -> Tablet:
    r = await office.client.post("/kits", headers=operator, json={
        "kit_id": tablet.kit_id, "public_key": tablet.public, "label": tablet.officer})
    assert r.status_code == 201, r.text
    return tablet


async def roster_of(office, operator, serials: range) -> list[str]:
    niks = [recording(serial=s)["nik"] for s in serials]
    csv = "nik,nama,kode_desa\n" + "".join(f"{n},Warga {n[-4:]},{DESA}\n" for n in niks)
    r = await office.client.post("/roster/import", content=csv.encode(),
                                 headers={**operator, "Content-Type": "text/csv"})
    assert r.status_code == 200, r.text
    return niks


async def sync(office, operator, tablet: Tablet, records: list[dict]) -> dict:
    r = await office.client.post(f"/kits/{tablet.kit_id}/records", headers=operator,
                                 json={"records": records})
    assert r.status_code == 200, r.text
    return r.json()


async def count(office, sql: str, *args) -> int:
    return int(await office.pool.fetchval(sql, *args))


async def test_a_batch_is_taken_once_however_often_or_concurrently_it_is_sent(office, operator):
    tablet = await registered(office, operator, Tablet("TAB-NUANGAN-1", "dedi"))
    niks = await roster_of(office, operator, range(700, 710))
    checks = [tablet.check(n, "DITEMUKAN" if i % 2 else "PINDAH") for i, n in enumerate(niks)]
    recordings = [tablet.record("recording", recording(serial=s, seed=s)) for s in (700, 702)]
    batch = checks + recordings

    first = await sync(office, operator, tablet, batch[:5])  # cut off after 5: resent all
    assert first["counts"] == {"accepted": 5, "already_accepted": 0, "refused": 0, "held": 0}
    again, same = await asyncio.gather(sync(office, operator, tablet, batch),
                                       sync(office, operator, tablet, batch))
    statuses = [(a["status"], b["status"]) for a, b in zip(again["results"], same["results"],
                                                           strict=True)]
    assert statuses[:5] == [("already_accepted", "already_accepted")] * 5
    # the concurrent pair: each record taken by exactly one of them
    assert all(sorted(pair) == ["accepted", "already_accepted"] for pair in statuses[5:]), \
        statuses
    assert await count(office, "SELECT count(*) FROM field_checks WHERE source_ref LIKE $1",
                       "TAB-NUANGAN-1:%") == 10
    assert await count(office, "SELECT count(*) FROM enrollments WHERE source_ref LIKE $1",
                       "TAB-NUANGAN-1:%") == 2
    assert await count(office, "SELECT count(*) FROM outbox WHERE key = ANY($1::text[])",
                       niks) == 12  # one event per field check and per recording
    recorded = [r for r in again["results"] + same["results"]
                if r["kind"] == "recording" and r["status"] == "accepted"]
    assert len(recorded) == 2 and all(r["enrollment_id"] for r in recorded)
    pindah = await office.pool.fetchval("SELECT status FROM roster WHERE nik = $1", niks[4])
    assert pindah == "PINDAH"


async def test_a_record_changed_after_signing_or_from_another_device_is_refused(
    office, operator
):
    tablet = await registered(office, operator, Tablet("TAB-NUANGAN-2", "sari"))
    nik = (await roster_of(office, operator, range(720, 721)))[0]
    altered = tablet.check(nik, "DITEMUKAN")
    altered["data"]["outcome"] = "MENINGGAL"
    stranger = Tablet("TAB-NUANGAN-2", "sari").check(nik, "DITEMUKAN")
    unsigned = tablet.check(nik, "DITEMUKAN")
    del unsigned["signature"]
    answer = await sync(office, operator, tablet, [altered, stranger, unsigned])
    assert [r["status"] for r in answer["results"]] == ["refused"] * 3
    assert {r["errors"][0]["field"] for r in answer["results"]} == {"signature"}
    assert await count(office, "SELECT count(*) FROM field_checks WHERE nik = $1", nik) == 0

    unknown = await office.client.post("/kits/TAB-LAIN/records", headers=operator,
                                       json={"records": [unsigned]})
    assert unknown.status_code == 404 and unknown.json()["errors"][0]["field"] == "kit_id"
    too_many = await office.client.post(f"/kits/{tablet.kit_id}/records", headers=operator,
                                        json={"records": [unsigned] * 51})
    assert too_many.status_code == 422 and "records" in too_many.text
    for body in ({}, {"records": []}, {"records": "x"}, {"records": [1]}):
        r = await office.client.post(f"/kits/{tablet.kit_id}/records", headers=operator,
                                     json=body)
        assert r.status_code == 422, (body, r.text)


async def test_a_refused_recording_leaves_nothing_and_once_fixed_is_taken_once(
    office, operator
):
    tablet = await registered(office, operator, Tablet("TAB-NUANGAN-3", "dedi"))
    body = recording(serial=730, kode_desa="71.71.01.1001")  # Manado: another kabupaten
    record_id = str(uuid.uuid4())
    answer = await sync(office, operator, tablet, [tablet.record("recording", body, record_id)])
    refused = answer["results"][0]
    assert refused["status"] == "refused"
    assert refused["errors"][0]["field"] == "data.kode_desa"
    assert "bukan di" in refused["errors"][0]["message"]
    assert await count(office, "SELECT count(*) FROM kit_records WHERE record_id = $1",
                       record_id) == 0

    body["kode_desa"] = DESA  # the officer fixes it on the device and sends it again
    fixed = tablet.record("recording", body, record_id)
    for expected in ("accepted", "already_accepted"):
        answer = await sync(office, operator, tablet, [fixed])
        assert answer["results"][0]["status"] == expected, answer
    assert await count(office, "SELECT count(*) FROM enrollments WHERE nik = $1",
                       body["nik"]) == 1


async def test_two_officers_disagreeing_reach_the_supervisor_and_never_overwrite(
    office, operator, supervisor
):
    dedi = await registered(office, operator, Tablet("TAB-A", "dedi"))
    sari = await registered(office, operator, Tablet("TAB-B", "sari"))
    nik = (await roster_of(office, operator, range(740, 741)))[0]
    assert (await sync(office, operator, dedi, [dedi.check(nik, "MENINGGAL")])
            )["results"][0]["status"] == "accepted"
    held = (await sync(office, operator, sari, [sari.check(nik, "DITEMUKAN", "ada di kebun")])
            )["results"][0]
    assert held["status"] == "held" and held["conflict"]["kind"] == "OUTCOME_DIFFERS"
    assert await office.pool.fetchval("SELECT status FROM roster WHERE nik = $1",
                                      nik) == "MENINGGAL"  # not overwritten by the later one

    forbidden = await office.client.get("/field-checks/conflicts", headers=operator)
    assert forbidden.status_code == 403
    listed = (await office.client.get("/field-checks/conflicts?status=OPEN",
                                      headers=supervisor)).json()
    [conflict] = [c for c in listed["items"] if c["nik"] == nik]
    assert {(c["officer"], c["outcome"]) for c in conflict["details"]["checks"]} == {
        ("dedi@TAB-A", "MENINGGAL"), ("sari@TAB-B", "DITEMUKAN")}
    assert conflict["details"]["choices"] == ["DITEMUKAN", "MENINGGAL"]

    url = f"/field-checks/conflicts/{conflict['id']}/decision"
    for bad, field in (({"decision": "DITEMUKAN", "reason": "  "}, "reason"),
                       ({"decision": "HILANG", "reason": "x"}, "decision")):
        r = await office.client.post(url, headers=supervisor, json=bad)
        assert r.status_code == 422 and r.json()["errors"][0]["field"] == field, r.text
    assert (await office.client.post(url, headers=operator, json={
        "decision": "DITEMUKAN", "reason": "x"})).status_code == 403
    r = await office.client.post(url, headers=supervisor, json={
        "decision": "DITEMUKAN", "reason": "kepala desa membenarkan: masih hidup"})
    assert r.status_code == 200 and r.json()["status"] == "DECIDED", r.text
    assert await office.pool.fetchval("SELECT status FROM roster WHERE nik = $1",
                                      nik) == "BELUM_REKAM"
    assert (await office.client.post(url, headers=supervisor, json={
        "decision": "MENINGGAL", "reason": "y"})).status_code == 409
    assert await count(office, """SELECT count(*) FROM audit_log
                                  WHERE action = 'field_check.conflict.decide'""") == 1


async def test_a_recording_of_one_checked_dead_waits_for_the_supervisor(
    office, operator, supervisor
):
    tablet = await registered(office, operator, Tablet("TAB-C", "dedi"))
    body = recording(serial=750)
    await roster_of(office, operator, range(750, 751))
    await sync(office, operator, tablet, [tablet.check(body["nik"], "MENINGGAL")])
    rec = tablet.record("recording", body)
    answers = [(await sync(office, operator, tablet, [rec]))["results"][0] for _ in range(2)]
    assert [a["status"] for a in answers] == ["refused", "refused"]
    assert answers[0]["conflict"]["id"] == answers[1]["conflict"]["id"]  # listed once
    assert answers[0]["conflict"]["kind"] == "RECORDING_AFTER_MENINGGAL"
    listed = (await office.client.get("/field-checks/conflicts?status=OPEN",
                                      headers=supervisor)).json()["items"]
    [conflict] = [c for c in listed if c["kind"] == "RECORDING_AFTER_MENINGGAL"]
    assert conflict["details"]["choices"] == ["REKAM", "TOLAK"]
    r = await office.client.post(f"/field-checks/conflicts/{conflict['id']}/decision",
                                 headers=supervisor,
                                 json={"decision": "REKAM", "reason": "datang membawa KK"})
    assert r.status_code == 200, r.text
    accepted = (await sync(office, operator, tablet, [rec]))["results"][0]
    assert accepted["status"] == "accepted", accepted
    overrides = await office.pool.fetchval(
        "SELECT overrides FROM enrollments WHERE nik = $1", body["nik"])
    assert "datang membawa KK" in overrides["meninggal"]


async def test_a_check_closing_a_recorded_resident_is_held(office, operator, supervisor):
    tablet = await registered(office, operator, Tablet("TAB-D", "sari"))
    body = recording(serial=760)
    await roster_of(office, operator, range(760, 761))
    assert (await office.client.post("/enrollments", json=body, headers=operator)
            ).status_code == 201
    held = (await sync(office, operator, tablet, [tablet.check(body["nik"], "PINDAH")])
            )["results"][0]
    assert held["status"] == "held" and held["conflict"]["kind"] == "ALREADY_RECORDED"
    assert await office.pool.fetchval("SELECT status FROM roster WHERE nik = $1",
                                      body["nik"]) == "SUDAH_REKAM"


async def test_the_exported_kit_file_of_waiting_records_imports_once(office, operator):
    tablet = await registered(office, operator, Tablet("TAB-E", "dedi"))
    niks = await roster_of(office, operator, range(770, 773))
    records = [tablet.check(niks[0], "TIDAK_DITEMUKAN"),
               tablet.record("recording", recording(serial=771, seed=3)),
               tablet.record("recording", recording(serial=772, kode_desa="71.71.01.1001"))]
    synced = await sync(office, operator, tablet, records[:1])  # one went before the link fell
    assert synced["counts"]["accepted"] == 1
    raw = sign_kit_file(tablet.kit_id, records, tablet.key)
    r = await office.client.post("/enrollments/import", content=raw, headers=operator)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["counts"] == {"imported": 1, "already_imported": 1, "rejected": 1}
    assert report["already_imported"][0]["line"] == 2
    assert report["imported"][0] | {"line": 3, "kind": "recording"} == report["imported"][0]
    assert report["rejected"][0]["errors"][0]["field"] == "data.kode_desa"
    assert json.loads(raw.splitlines()[1])["kind"] == "field_check"
