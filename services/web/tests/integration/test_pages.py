"""The web app over HTTP (no browser): health, sign-in, headers, CSRF, role refusals."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator

import httpx
import pytest

from .conftest import PASSWORD

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1)


@contextlib.asynccontextmanager
async def signed_in(office, username: str, role: str | None = None
                    ) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=office.urls["web"], timeout=30) as http:
        form = await http.get("/masuk")
        data = {"csrf_token": csrf_of(form.text), "username": username, "password": PASSWORD}
        if role:
            data["role"] = role
            data["roles"] = role
        r = await http.post("/masuk", data=data)
        assert r.status_code == 303 and r.headers["location"] == "/", r.text
        yield http


async def test_health_and_readiness(office):
    async with httpx.AsyncClient(base_url=office.urls["web"]) as http:
        assert (await http.get("/healthz")).json()["service"] == "web"
        assert (await http.get("/readyz")).status_code == 200


async def test_pages_forbid_framing_inline_script_and_caching(office):
    async with httpx.AsyncClient(base_url=office.urls["web"]) as http:
        r = await http.get("/masuk")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["cache-control"] == "no-store"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert "<script>" not in r.text and "style=" not in r.text


async def test_the_session_cookie_holds_no_token(office):
    async with signed_in(office, "rina") as http:
        cookie = http.cookies["ektp_sesi"]
        assert "." not in cookie  # a random id, not a JWT
        r = await http.get("/")
        assert "Selamat bekerja, Rina" in r.text
        assert r.headers["cache-control"] == "no-store"


async def test_a_post_without_the_csrf_token_is_refused(office):
    async with signed_in(office, "rina") as http:
        r = await http.post("/perekaman/rekam", data={"nik": "7110014508900001"},
                            files={"foto": ("f.jpg", b"x", "image/jpeg")})
        assert r.status_code == 403 and "token keamanan" in r.text
        r = await http.post("/keluar", data={"csrf_token": "salah"})
        assert r.status_code == 403
        assert (await http.get("/")).status_code == 200  # still signed in
    async with httpx.AsyncClient(base_url=office.urls["web"]) as anonymous:
        r = await anonymous.post("/masuk", data={"username": "rina", "password": PASSWORD})
        assert r.status_code == 403


async def test_a_screen_of_another_role_answers_the_refusal_page(office):
    async with signed_in(office, "rina") as http:
        r = await http.get("/ruang-cetak")
        assert r.status_code == 403
        assert "Anda tidak dapat membuka halaman ini" in r.text
        assert 'href="/ruang-cetak"' not in r.text  # not in the operator's menu either
    async with signed_in(office, "hendra", role="supervisor") as http:
        r = await http.get("/ruang-cetak")  # the supervisor passes every role
        assert r.status_code == 200 and 'href="/ruang-cetak"' in r.text


async def test_without_a_session_pages_send_to_sign_in(office):
    async with httpx.AsyncClient(base_url=office.urls["web"]) as http:
        r = await http.get("/perekaman")
        assert r.status_code == 303 and r.headers["location"] == "/masuk"
        http.cookies.set("ektp_sesi", "tidak-ada")
        r = await http.get("/perekaman")
        assert r.headers["location"] == "/masuk?sesi=berakhir"


async def test_several_roles_are_asked_which_one(office):
    async with httpx.AsyncClient(base_url=office.urls["web"]) as http:
        form = await http.get("/masuk")
        r = await http.post("/masuk", data={"csrf_token": csrf_of(form.text),
                                            "username": "hendra", "password": PASSWORD})
        assert r.status_code == 422
        assert 'value="operator"' in r.text and 'value="supervisor"' in r.text
        assert "admin" not in re.findall(r'name="role" type="radio" value="([^"]+)"', r.text)


async def test_an_empty_recording_form_says_what_to_fill_in_and_is_no_500(office):
    async with signed_in(office, "rina") as http:
        form = await http.get("/perekaman/rekam")
        r = await http.post("/perekaman/rekam", data={"csrf_token": csrf_of(form.text),
                                                "agama": "bukan pilihan"})
        assert r.status_code == 422
        for message in ("Pilih jenis kelamin", "Pilih agama", "Pilih status perkawinan",
                        "Masukkan tanggal lahir"):
            assert message in r.text
        assert 'href="#agama"' in r.text  # the error summary links to the field


async def test_after_sign_out_a_kept_copy_of_the_cookie_opens_nothing(office):
    async with signed_in(office, "rina") as http:
        kept = http.cookies["ektp_sesi"]
        form = await http.get("/")
        r = await http.post("/keluar", data={"csrf_token": csrf_of(form.text)})
        assert r.status_code == 303 and r.headers["location"] == "/masuk?sesi=keluar"
        http.cookies.set("ektp_sesi", kept)
        r = await http.get("/")
        assert r.status_code == 303 and r.headers["location"] == "/masuk?sesi=berakhir"


async def test_only_the_api_docs_page_may_run_its_inline_script(office):
    async with httpx.AsyncClient(base_url=office.urls["web"]) as http:
        docs = await http.get("/docs")
        assert docs.status_code == 200
        assert "'unsafe-inline'" in docs.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in docs.headers["content-security-policy"]
        for path in ("/masuk", "/static/web.css"):
            assert "unsafe-inline" not in (await http.get(path)).headers[
                "content-security-policy"]
