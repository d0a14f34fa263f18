"""The storekeeper's day over HTTP: receipts, issues, returns, destruction, stock counts,
and every refusal as a problem document that names what to fix."""

from __future__ import annotations

import json

import pytest

from ektp_shared.events import InventoryReceived

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

LETTER = {"letter_number": "470/123/DUKCAPIL", "letter_date": "2025-11-03"}


async def receive(api, auth_header, first: str, last: str, **extra):
    r = await api.post("/receipts", headers=auth_header("storekeeper"),
                       json={**LETTER, "ranges": [{"first": first, "last": last}], **extra})
    assert r.status_code == 201, r.text
    return r.json()


async def ledger_balances(pool) -> bool:
    received = await pool.fetchval("SELECT count(*) FROM movements WHERE kind = 'RECEIVED'")
    total = await pool.fetchval("SELECT count(*) FROM blanks")
    # each serial's last movement says its state
    drift = await pool.fetchval(
        """SELECT count(*) FROM blanks b JOIN LATERAL (
               SELECT to_state FROM movements m WHERE m.serial = b.serial
               ORDER BY id DESC LIMIT 1) last ON true
           WHERE last.to_state <> b.state""")
    return received == total and drift == 0


async def test_a_shipment_is_received_published_and_audited(api, auth_header):
    body = await receive(api, auth_header, "BLK000001", "BLK004500", quantity=4500,
                         batch_reference="KIRIMAN-1")
    assert body["quantity"] == 4500 and body["first_serial"] == "BLK000001"
    stock = (await api.get("/stock", headers=auth_header("viewer"))).json()
    assert stock["by_state"]["IN_STORE"] == 4500 and stock["received"] == 4500
    assert stock["invariant_holds"] and stock["by_location"]["store"] == 4500
    rows = await api.pool.fetch("SELECT ce_type, payload FROM outbox ORDER BY id")
    assert {r["ce_type"] for r in rows} == {InventoryReceived.ce_type()}
    published = [s for r in rows for s in json.loads(bytes(r["payload"]))["serials"]]
    assert len(rows) == 3 and len(published) == 4500 == len(set(published))  # 2000 per event
    audit = await api.pool.fetchrow("SELECT actor, action, target FROM audit_log")
    assert dict(audit) == {"actor": "tester", "action": "inventory.receive",
                           "target": "KIRIMAN-1"}
    assert await ledger_balances(api.pool)


async def test_known_serials_are_refused_with_409_listing_them(api, auth_header):
    await receive(api, auth_header, "BLK000001", "BLK000010")
    r = await api.post("/receipts", headers=auth_header("storekeeper"), json={
        **LETTER, "batch_reference": "B2", "ranges": [{"first": "BLK000008",
                                                       "last": "BLK000020"}]})
    assert r.status_code == 409
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["serials"] == ["BLK000008", "BLK000009", "BLK000010"]
    assert r.json()["count"] == 3
    assert await api.pool.fetchval("SELECT count(*) FROM blanks") == 10  # nothing half-written


async def test_the_same_idempotency_key_gives_the_first_answer(api, auth_header):
    headers = {**auth_header("storekeeper"), "Idempotency-Key": "rcv-1"}
    body = {**LETTER, "serials": ["04A1B2C3D4E5F6", "04A1B2C3D4E5F7"]}
    first = await api.post("/receipts", headers=headers, json=body)
    again = await api.post("/receipts", headers=headers, json=body)
    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    assert again.headers.get("idempotent-replayed") == "true"
    assert await api.pool.fetchval("SELECT count(*) FROM outbox") == 1
    other = await api.post("/receipts", headers=headers, json={**body, "serials": ["X0001"]})
    assert other.status_code == 422 and "different request" in other.json()["detail"]


async def test_a_file_of_chip_uids(api, auth_header):
    uids = "uid\n" + "\n".join(f"04a1b2c3d4{i:04x}" for i in range(50)) + "\n"
    r = await api.post("/receipts/upload", headers=auth_header("storekeeper"),
                       data={**LETTER, "quantity": "50"},
                       files={"file": ("uids.csv", uids.encode(), "text/csv")})
    assert r.status_code == 201, r.text
    assert (await api.get("/blanks/04A1B2C3D40031", headers=auth_header())).json()[
        "state"] == "IN_STORE"
    bad = await api.post("/receipts/upload", headers=auth_header("storekeeper"),
                         data=LETTER, files={"file": ("u.txt", b"04A1B2C3D4FFFF\n!!\n")})
    assert bad.status_code == 422 and "line 2" in bad.json()["detail"]


@pytest.mark.parametrize(("body", "field"), [
    ({**LETTER, "serials": []}, "serials"),
    ({**LETTER, "ranges": [{"first": "A0010", "last": "A0001"}]}, "serials"),
    ({"letter_number": "x", "letter_date": "2025-02-30", "serials": ["A0001"]}, "letter_date"),
    ({**LETTER, "serials": ["A0001", "A0002"], "quantity": 3}, "quantity"),
    ({**LETTER, "serials": ["A0001", "a0001"]}, "serials"),
])
async def test_bad_receipts_name_the_field(api, auth_header, body, field):
    r = await api.post("/receipts", headers=auth_header("storekeeper"), json=body)
    assert r.status_code == 422, r.text
    doc = r.json()
    assert doc.get("field") == field or any(e["field"] == field for e in doc.get("errors", []))


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/destructions", {"reference": "BAP-1\r\nSet-Cookie: x", "destroyed_on": "2025-11-03",
                       "serials": ["A0001"], "witnesses": [{"nama": "Rahmat"}, {"nama": "Sri"}]},
     "reference"),
    ("/destructions", {"destroyed_on": "2025-11-03", "serials": ["A0001"],
                       "witnesses": [{"nama": "Rahmat"}, {"nama": "Sri\nX"}]}, "witnesses.1.nama"),
    ("/receipts", {**LETTER, "letter_number": "470\n1", "serials": ["A0001"]}, "letter_number"),
    ("/issues", {"quantity": 1, "reference": "ISS\r1"}, "reference"),
])
async def test_a_line_break_in_a_one_line_field_is_a_422_naming_it(
    api, auth_header, path, body, field
):
    r = await api.post(path, headers=auth_header("storekeeper"), json=body)
    assert r.status_code == 422, r.text
    assert [e["field"] for e in r.json()["errors"]] == [field]
    upload = await api.post("/receipts/upload", headers=auth_header("storekeeper"),
                            data={**LETTER, "batch_reference": "B\n1"},
                            files={"file": ("u.txt", b"04A1B2C3D4FFFF\n")})
    assert upload.status_code == 422 and upload.json()["errors"][0]["field"] == "batch_reference"


async def test_only_the_store_moves_blanks(api, auth_header):
    r = await api.post("/receipts", headers=auth_header("viewer"),
                       json={**LETTER, "serials": ["A0001"]})
    assert r.status_code == 403
    r = await api.post("/receipts", json={**LETTER, "serials": ["A0001"]})
    assert r.status_code == 401


async def test_issue_and_return_move_serials_all_or_nothing(api, auth_header):
    sk = auth_header("storekeeper")
    await receive(api, auth_header, "BLK000001", "BLK000100")
    r = await api.post("/issues", headers=sk, json={"quantity": 30, "reference": "ISS-1"})
    assert r.status_code == 201 and r.json()["serials"][0] == "BLK000001"
    too_many = await api.post("/issues", headers=sk, json={"quantity": 501})
    assert too_many.status_code == 422 and too_many.json()["field"] == "quantity"
    # BLK000005 is already in the print room: the whole issue is refused
    r = await api.post("/issues", headers=sk, json={"serials": ["BLK000005", "BLK000050"]})
    assert r.status_code == 409 and r.json()["serials"][0]["state"] == "ISSUED"
    assert (await api.get("/blanks/BLK000050", headers=sk)).json()["state"] == "IN_STORE"
    back = await api.post("/returns", headers=sk, json={
        "returned_from": "print-room", "returned_to": "store",
        "ranges": [{"first": "BLK000021", "last": "BLK000030"}], "reason": "sisa"})
    assert back.status_code == 201
    ministry = await api.post("/returns", headers=sk, json={
        "returned_from": "store", "returned_to": "ministry", "serials": ["BLK000100"],
        "letter_number": "470/9/2025"})
    assert ministry.status_code == 201
    wrong = await api.post("/returns", headers=sk, json={
        "returned_from": "print-room", "returned_to": "ministry", "serials": ["BLK000001"]})
    assert wrong.status_code == 422
    stock = (await api.get("/stock", headers=sk)).json()["by_state"]
    assert stock == {"IN_STORE": 79, "ISSUED": 20, "USED": 0, "SPOILED": 0, "DESTROYED": 0,
                     "RETURNED": 1, "ADJUSTED": 0}
    history = (await api.get("/blanks/blk000025", headers=sk)).json()["history"]
    assert [h["kind"] for h in history] == ["RECEIVED", "ISSUED", "RETURNED_TO_STORE"]
    assert await api.pool.fetchval(
        "SELECT count(*) FROM audit_log WHERE action = 'inventory.blank.view'") == 2
    assert await ledger_balances(api.pool)


async def test_unknown_blank_is_404_and_garbage_is_422(api, auth_header):
    assert (await api.get("/blanks/NOPE0001", headers=auth_header())).status_code == 404
    assert (await api.get("/blanks/%20%21", headers=auth_header())).status_code == 422


async def test_stock_count_adjusts_only_after_a_supervisor_approves(api, auth_header):
    sk = auth_header("storekeeper")
    await receive(api, auth_header, "BLK000001", "BLK000010")
    counted = [f"BLK{i:06d}" for i in range(1, 9)] + ["ZZZ0001"]  # 9 and 10 not found
    r = await api.post("/stock-counts", headers=sk, json={"location": "store",
                                                          "serials": counted})
    assert r.status_code == 201
    count = r.json()
    assert count["status"] == "PENDING_APPROVAL"
    assert count["discrepancy"]["missing"] == ["BLK000009", "BLK000010"]
    assert count["discrepancy"]["unknown"] == ["ZZZ0001"]
    assert (await api.get("/stock", headers=sk)).json()["by_state"]["ADJUSTED"] == 0
    denied = await api.post(f"/stock-counts/{count['id']}/approve", headers=sk, json={})
    assert denied.status_code == 403
    ok = await api.post(f"/stock-counts/{count['id']}/approve",
                        headers=auth_header("supervisor", "kabid"), json={"note": "hilang"})
    assert ok.status_code == 200 and ok.json()["adjusted"] == ["BLK000009", "BLK000010"]
    stock = (await api.get("/stock", headers=sk)).json()
    assert stock["by_state"]["ADJUSTED"] == 2 and stock["invariant_holds"]
    again = await api.post(f"/stock-counts/{count['id']}/approve",
                           headers=auth_header("supervisor"), json={})
    assert again.status_code == 409
    # found again at the next count: back in store
    r = await api.post("/stock-counts", headers=sk, json={
        "location": "store", "ranges": [{"first": "BLK000001", "last": "BLK000010"}]})
    assert r.json()["discrepancy"]["found"] == ["BLK000009", "BLK000010"]
    await api.post(f"/stock-counts/{r.json()['id']}/approve", headers=auth_header(), json={})
    assert (await api.get("/stock", headers=sk)).json()["by_state"]["IN_STORE"] == 10
    by_quantity = await api.post("/stock-counts", headers=sk,
                                 json={"location": "store", "quantity": 9})
    assert by_quantity.json()["status"] == "RECORDED"
    assert by_quantity.json()["discrepancy"]["difference"] == -1
    assert await ledger_balances(api.pool)


async def test_a_stale_count_cannot_be_approved(api, auth_header):
    sk = auth_header("storekeeper")
    await receive(api, auth_header, "BLK000001", "BLK000005")
    r = await api.post("/stock-counts", headers=sk, json={"location": "store",
                                                          "serials": ["BLK000001"]})
    await api.post("/issues", headers=sk, json={"serials": ["BLK000002"]})
    stale = await api.post(f"/stock-counts/{r.json()['id']}/approve", headers=auth_header(),
                           json={})
    assert stale.status_code == 409 and "Count again" in stale.json()["detail"]
    assert (await api.get("/stock", headers=sk)).json()["by_state"]["ADJUSTED"] == 0


async def test_bad_query_and_paths_are_4xx(api, auth_header):
    h = auth_header()
    assert (await api.get("/reports/reconciliation?from=2025-13-01&to=2025-01-01",
                          headers=h)).status_code == 422
    assert (await api.get("/reports/reconciliation?from=2025-02-01&to=2025-01-01",
                          headers=h)).status_code == 422
    assert (await api.get("/reports/reconciliation?from=9999-12-30&to=9999-12-31",
                          headers=h)).status_code == 422
    assert (await api.get("/reports/reconciliation?from=2020-01-01&to=2025-01-01",
                          headers=h)).status_code == 422
    assert (await api.post("/receipts", headers={**h, "Idempotency-Key": "k" * 300},
                           json={**LETTER, "serials": ["A0001"]})).status_code == 400
    assert (await api.get("/stock-counts/0", headers=h)).status_code == 422
    assert (await api.get("/stock-counts/99999999999999999999999", headers=h)).status_code == 422
    assert (await api.post("/exceptions/5/resolve", headers=h,
                           json={"resolution": "ok ok"})).status_code == 404
    assert (await api.post("/issues", headers=h, json={})).status_code == 422
    assert (await api.post("/issues", headers=h, content=b"{not json",
                           )).status_code == 422


async def test_a_receipt_and_a_destruction_with_slashes_in_their_reference_read_back(
        api, auth_header):
    # The batch reference defaults to the letter number, and the office's numbers hold
    # slashes: percent-encoded in the URL, they used to miss the route (404 for a receipt
    # that exists).
    await receive(api, auth_header, "SLS000001", "SLS000004")
    sk = auth_header("storekeeper")
    r = await api.get("/receipts/470%2F123%2FDUKCAPIL", headers=sk)
    assert r.status_code == 200, r.text
    assert r.json()["batch_reference"] == "470/123/DUKCAPIL"
    # a destruction by such a reference reaches its route, which looks up the whole of it
    for path in ("/destructions/BAP%2F7%2F2025", "/destructions/BAP%2F7%2F2025/berita-acara.pdf"):
        r = await api.get(path, headers=sk)
        assert r.status_code == 404 and r.json()["detail"] == "no destruction 'BAP/7/2025'.", \
            (path, r.text)
