"""With inventory down the store's screens say so in plain words; the others keep working."""

from __future__ import annotations

import pytest

from ektp_shared.testing.resources import free_ports

from .conftest import another_web
from .test_pages import csrf_of
from .test_sessions_and_outages import clerk

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_with_inventory_down_the_store_says_so_and_the_rest_works(office,
                                                                         create_database):
    (nobody,) = free_ports(1)
    async with another_web(office, await create_database("web"),
                           EKTP_INVENTORY_URL=f"http://127.0.0.1:{nobody}") as url, \
            clerk(url, "sari") as http:
        stock = await http.get("/gudang")
        assert stock.status_code == 503
        assert "layanan gudang blangko sedang tidak dapat dihubungi" in stock.text
        form = await http.get("/gudang/penerimaan")  # the form itself needs no service
        assert form.status_code == 200
        r = await http.post("/gudang/penerimaan", data={
            "csrf_token": csrf_of(form.text), "nomor_surat": "470/1/DUKCAPIL",
            "tanggal_surat": "2026-12-01", "serial_awal": "BLK0005001",
            "serial_akhir": "BLK0005002"})
        assert r.status_code == 503
        assert "Tidak ada yang disimpan" in r.text
        r = await http.get("/gudang/pemusnahan/BAP-1/berita-acara.pdf")
        assert r.status_code == 503
        assert (await http.get("/")).status_code == 200  # the other screens keep working
        # A store form without the session's CSRF token is refused before anything is sent.
        r = await http.post("/gudang/pengeluaran", data={"jumlah": "5", "csrf_token": "x"})
        assert r.status_code == 403
        assert "token keamanannya tidak cocok" in r.text
