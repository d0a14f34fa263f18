"""The village mode's routes without a browser: the shells and the worker open with no
session (nobody's data in them), the JSON routes answer problems a page can read (never a
redirect), the sync refuses a request without the session's CSRF token or with more than
50 records, and every answer keeps the strict CSP (a manifest and a worker from 'self')."""

from __future__ import annotations

import pytest

from .test_sessions_and_outages import clerk

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_the_shells_and_the_worker_open_without_a_session(office):
    import httpx

    async with httpx.AsyncClient(base_url=office.urls["web"], timeout=30) as http:
        for path in ("/desa/", "/desa/siapkan", "/desa/daftar", "/desa/rekam"):
            r = await http.get(path)
            assert r.status_code == 200, path
            assert "csrf_token" not in r.text and 'action="/keluar"' not in r.text
            csp = r.headers["content-security-policy"]
            assert "script-src 'self';" in csp and "manifest-src 'self'" in csp
        worker = await http.get("/sw.js")
        assert worker.headers["content-type"].startswith("text/javascript")
        assert '"/desa/rekam"' in worker.text and "__VERSION__" not in worker.text
        manifest = (await http.get("/desa/manifest.webmanifest")).json()
        assert manifest["start_url"] == manifest["scope"] == "/desa/"
        r = await http.get("/desa/api/sesi")
        assert r.status_code == 401 and r.headers["content-type"].startswith(
            "application/problem+json")
        r = await http.post("/desa/api/kirim", json={"kit_id": "x", "records": []})
        assert r.status_code == 401


async def test_the_sync_wants_the_sessions_csrf_token_and_at_most_50_records(office):
    async with clerk(office.urls["web"], "rina") as http:
        who = (await http.get("/desa/api/sesi")).json()
        assert who["username"] == "rina" and who["csrf_token"]
        record = {"record_id": "r1", "kind": "field_check", "recorded_at": "2026-12-04T08:00:00Z",
                  "operator": "Rina", "data": {}, "signature": ""}
        r = await http.post("/desa/api/kirim", json={"kit_id": "kit-1", "records": [record]})
        assert r.status_code == 403 and "Token keamanan" in r.json()["detail"]
        headers = {"X-CSRF-Token": who["csrf_token"]}
        r = await http.post("/desa/api/kirim", headers=headers,
                            json={"kit_id": "kit-1", "records": [record] * 51})
        assert r.status_code == 422 and r.json()["errors"][0]["field"] == "records"
        r = await http.post("/desa/api/kirim", headers=headers, content=b"[")
        assert r.status_code == 422
        r = await http.get("/desa/api/daftar", params={"desa": "99.99.99.9999"})
        assert 400 <= r.status_code < 500  # enrollment's refusal, passed on
        r = await http.get("/desa/api/daftar", params={"desa": ""})
        assert r.status_code == 422 and r.json()["errors"][0]["field"] == "desa"


async def test_the_supervisors_conflict_page_is_for_supervisors(office):
    async with clerk(office.urls["web"], "rina") as http:
        r = await http.get("/supervisor/konflik")
        assert r.status_code == 403
