"""Sessions that end (a refused refresh, idle time) and screens whose service is down."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx
import pytest

from ektp_shared.testing.resources import free_ports

from .conftest import PASSWORD, another_web
from .test_pages import csrf_of

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


@contextlib.asynccontextmanager
async def clerk(url: str, username: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        form = await http.get("/masuk")
        r = await http.post("/masuk", data={"csrf_token": csrf_of(form.text),
                                            "username": username, "password": PASSWORD})
        assert r.status_code == 303, r.text
        yield http


async def test_a_refused_refresh_ends_the_session_at_once(office, create_database):
    # A refresh margin longer than the token's life: every page refreshes the token.
    async with another_web(office, await create_database("web"),
                           EKTP_REFRESH_MARGIN_SECONDS="86400") as url, \
            clerk(url, "rina") as http:
        for _ in range(3):  # each refresh rotates the credential; the session keeps it
            assert (await http.get("/")).status_code == 200
        async with httpx.AsyncClient(timeout=30) as admin:
            r = await admin.patch(office.urls["accounts"] + "/users/rina",
                                  headers={"Authorization": f"Bearer {office.admin_token}"},
                                  json={"status": "DISABLED"})
            assert r.status_code == 200, r.text
        try:
            r = await http.get("/perekaman")
            assert r.status_code == 303 and r.headers["location"] == "/masuk?sesi=berakhir"
            assert (await http.get("/")).headers["location"] == "/masuk"  # cookie dropped
        finally:
            async with httpx.AsyncClient(timeout=30) as admin:
                await admin.patch(office.urls["accounts"] + "/users/rina",
                                  headers={"Authorization": f"Bearer {office.admin_token}"},
                                  json={"status": "ACTIVE"})


async def test_a_session_left_idle_ends(office, create_database):
    async with another_web(office, await create_database("web"),
                           EKTP_IDLE_MINUTES="0.03") as url, clerk(url, "joko") as http:
        assert (await http.get("/")).status_code == 200
        await asyncio.sleep(2.5)
        r = await http.get("/")
        assert r.status_code == 303 and r.headers["location"] == "/masuk?sesi=berakhir"
        page = await http.get(r.headers["location"])
        assert "Sesi Anda telah berakhir" in page.text


async def test_with_enrollment_down_perekaman_says_so_and_the_rest_works(office,
                                                                          create_database):
    (nobody,) = free_ports(1)
    async with another_web(office, await create_database("web"),
                           EKTP_ENROLLMENT_URL=f"http://127.0.0.1:{nobody}") as url, \
            clerk(url, "rina") as http:
        form = await http.get("/perekaman/rekam")
        assert form.status_code == 200
        r = await http.post("/perekaman/rekam", data={
            "csrf_token": csrf_of(form.text), "nik": "7110011708900009",
            "jenis_kelamin": "LAKI-LAKI", "golongan_darah": "O", "agama": "ISLAM",
            "status_perkawinan": "KAWIN", "kewarganegaraan": "WNI",
            "tanggal_lahir-hari": "17", "tanggal_lahir-bulan": "8",
            "tanggal_lahir-tahun": "1990"})
        assert r.status_code == 503
        assert "layanan perekaman sedang tidak dapat dihubungi" in r.text
        assert "Tidak ada yang disimpan" in r.text
        assert (await http.get("/")).status_code == 200  # the other screens keep working


async def test_with_accounts_down_the_sign_in_page_says_so(office, create_database):
    (nobody,) = free_ports(1)
    async with another_web(office, await create_database("web"),
                           EKTP_ACCOUNTS_URL=f"http://127.0.0.1:{nobody}") as url, \
            httpx.AsyncClient(base_url=url, timeout=30) as http:
        form = await http.get("/masuk")
        assert form.status_code == 200
        r = await http.post("/masuk", data={"csrf_token": csrf_of(form.text),
                                            "username": "rina", "password": PASSWORD})
        assert r.status_code == 503 and "layanan akun (masuk) sedang tidak dapat" in r.text
