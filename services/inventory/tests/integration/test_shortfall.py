"""Residents waiting to be printed against blanks left: the shortfall, the stock_low
warning (once, not on every check) and the draft letter to the ministry."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from ektp_inventory import handlers
from ektp_shared.db import transaction
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import (
    CardData,
    CentralPrintReady,
    InventoryStockLow,
    PrintingCardPrinted,
)

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


def ready(nik: str) -> CloudEvent:
    card = CardData(
        nik=nik, nama="WARGA", tempat_lahir="TUTUYAN", tanggal_lahir=dt.date(1990, 1, 5),
        jenis_kelamin="PEREMPUAN", alamat="JL. TRANS", rt="001", rw="002",
        kode_desa="7110012001", agama="ISLAM", status_perkawinan="KAWIN",
        pekerjaan="PETANI", photo_jpeg_b64="AA==", signature_png_b64="AA==")
    return CloudEvent.wrap(CentralPrintReady(enrollment_id=f"e-{nik}", nik=nik, card=card,
                                             sealed_images="c2VhbGVk"), "sync")


async def test_more_residents_waiting_than_blanks_is_a_shortfall(api, auth_header):
    sk = auth_header("storekeeper")
    r = await api.post("/receipts", headers=sk, json={
        "letter_number": "470/1", "letter_date": "2025-11-03",
        "ranges": [{"first": "BLK0001", "last": "BLK0100"}]})
    assert r.status_code == 201
    events = handlers.EventHandlers(api.settings)
    niks = [f"711001450190{i:04d}" for i in range(1, 131)]
    async with transaction(api.pool) as conn:
        # one card printed elsewhere before its print_ready arrived (two topics, any order)
        early = CloudEvent.wrap(PrintingCardPrinted(job_id="j0", nik=niks[0],
                                                    blank_serial="LAIN0001", printer_id="P1"),
                                "printing")
        await events.card_printed(conn, early, early.payload())
        for nik in niks:
            e = ready(nik)
            await events.print_ready(conn, e, e.payload())
        again = ready(niks[5])  # the centre answers twice for one resident
        await events.print_ready(conn, again, again.payload())

    p = (await api.get("/stock/projection", headers=sk)).json()
    assert p["backlog_awaiting_print"] == 129 and p["in_store"] == 100
    assert p["projected_shortfall"] == 29 and p["low"] and p["requested"] == 100

    async with transaction(api.pool) as conn:
        first = await handlers.check_stock(conn, api.settings)
    async with transaction(api.pool) as conn:
        second = await handlers.check_stock(conn, api.settings)
    assert first is not None and second is None  # warned once; nothing changed since
    rows = await api.pool.fetch("SELECT payload FROM outbox WHERE ce_type = $1",
                                InventoryStockLow.ce_type())
    assert len(rows) == 1

    letter = await api.get("/stock/request-letter", headers=auth_header("viewer"))
    assert letter.status_code == 200
    assert "kekurangan 29 keping" in letter.text and "sebanyak 100 keping" in letter.text
    pdf = await api.get("/stock/request-letter?format=pdf", headers=sk)
    assert pdf.content.startswith(b"%PDF")


async def test_instances_checking_at_once_warn_once(api, auth_header):
    """Several inventory instances run the stock watch on one database (issue 13): their
    checks at the same instant publish one stock_low, not one each."""
    r = await api.post("/receipts", headers=auth_header("storekeeper"), json={
        "letter_number": "470/2", "letter_date": "2025-11-03",
        "ranges": [{"first": "BLK0001", "last": "BLK0050"}]})
    assert r.status_code == 201
    events = handlers.EventHandlers(api.settings)
    async with transaction(api.pool) as conn:
        for i in range(1, 81):
            e = ready(f"711001450191{i:04d}")
            await events.print_ready(conn, e, e.payload())

    async def one_instance_checks() -> object:
        # Its own connection and transaction, as another process's would be.
        async with transaction(api.pool) as conn:
            return await handlers.check_stock(conn, api.settings)

    for _ in range(3):
        await asyncio.gather(*(one_instance_checks() for _ in range(6)))
    rows = await api.pool.fetch("SELECT payload FROM outbox WHERE ce_type = $1",
                                InventoryStockLow.ce_type())
    assert len(rows) == 1
