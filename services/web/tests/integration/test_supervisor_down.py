"""With one service down the supervisor's screens name it in plain words: the audit search
still shows every other service's rows, the approvals the lists that did answer."""

from __future__ import annotations

import types

import pytest

from ektp_shared.testing.resources import free_ports

from .conftest import another_web
from .test_pages import signed_in

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_with_inventory_down_the_supervisor_still_searches_and_is_told(office,
                                                                             create_database):
    (nobody,) = free_ports(1)
    async with another_web(office, await create_database("web"),
                           EKTP_INVENTORY_URL=f"http://127.0.0.1:{nobody}") as url:
        here = types.SimpleNamespace(urls={**office.urls, "web": url})
        async with signed_in(here, "hendra", role="supervisor") as http:
            r = await http.get("/supervisor/audit", params={"menurut": "pengguna",
                                                            "cari": "admin"})
            assert r.status_code == 200
            assert "layanan gudang blangko sedang tidak dapat dihubungi" in r.text
            # accounts answered: the admin made the staff's accounts
            assert "accounts.create" in r.text and "layanan akun (masuk)" in r.text
            r = await http.get("/supervisor/persetujuan")
            assert r.status_code == 200
            assert "layanan gudang blangko sedang tidak dapat dihubungi" in r.text
            assert "Rekaman menunggu pemeriksaan" in r.text
            r = await http.get("/supervisor/antrean")
            assert r.status_code == 200 and "Antrean gagal kirim" in r.text
            r = await http.get("/supervisor/audit", params={"menurut": "nik", "cari": "12"})
            assert r.status_code == 422 and "NIK harus 16 angka" in r.text
