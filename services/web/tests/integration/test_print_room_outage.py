"""With printing down, the print room's screens say so in plain words; the rest works."""

from __future__ import annotations

import httpx
import pytest

from ektp_shared.testing.resources import free_ports

from .conftest import PASSWORD, another_web

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_with_printing_down_the_print_room_says_so(office, create_database):
    (dead,) = free_ports(1)
    async with another_web(office, await create_database("web"),
                           EKTP_PRINTING_URL=f"http://127.0.0.1:{dead}") as web, \
            httpx.AsyncClient(base_url=web, timeout=30) as clerk:
        r = await clerk.get("/masuk")
        token = clerk.cookies["ektp_masuk"]
        r = await clerk.post("/masuk", data={"username": "joko", "password": PASSWORD,
                                             "csrf_token": token})
        assert r.status_code == 303, r.text
        r = await clerk.get("/ruang-cetak")
        assert r.status_code == 503
        assert "layanan pencetakan tidak tersedia" in r.text
        assert (await clerk.get("/")).status_code == 200  # the rest keeps working
