"""Personal data in the print room: refused lookups still audited, viewers see masked NIKs,
Suket verification that cannot be enumerated, card images sealed and purged."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path as FsPath

import pytest
from printing_samples import blanks_issued, nik_for, photo_b64, print_ready, serials, submitted

from ektp_printing.adapters.card_pdf import pdf_text
from ektp_printing.purge import purge_card_images
from ektp_shared.logging import mask_nik
from ektp_shared.testing.wait import eventually

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_a_refused_handover_or_suket_still_leaves_its_audit_row(start_printing) -> None:
    svc = await start_printing(consumer_enabled=False)
    nik = nik_for(41)
    handover = await svc.client.post(f"/cards/{nik}/handover", headers=svc.auth("printer"),
                                     json={"handed_to": "Budi"})
    assert handover.status_code == 404
    suket = await svc.client.post("/suket", headers=svc.auth("operator"), json={"nik": nik})
    assert suket.status_code == 409
    rows = await svc.db.fetch(
        "SELECT action, actor, role, detail FROM audit_log WHERE target = $1 ORDER BY id", nik)
    assert [(r["action"], r["role"]) for r in rows] == [
        ("card.lookup", "printer"), ("suket.lookup", "operator")]
    assert rows[0]["detail"]["refused"] == 404 and rows[1]["detail"]["refused"] == 409


async def _one_job(svc, nik: str, status: str | None = None) -> dict:
    async def made() -> bool:
        sql = "SELECT count(*) FROM print_jobs WHERE nik = $1"
        if status:
            sql += f" AND status = '{status}'"
        return bool(await svc.scalar(sql, nik))

    await eventually(made, what=f"a print job {status or ''} for {nik}")
    return dict(await svc.db.fetchrow("SELECT * FROM print_jobs WHERE nik = $1", nik))


async def test_a_viewer_sees_print_jobs_with_masked_niks_only(start_printing) -> None:
    svc = await start_printing()
    await svc.register("Printer 1", status="OFFLINE")
    await svc.send("central", [print_ready(5)])
    nik = nik_for(5)
    job = await _one_job(svc, nik)
    for role, shown in (("viewer", mask_nik(nik)), ("printer", nik)):
        listing = await svc.client.get("/print-jobs", headers=svc.auth(role))
        one = await svc.client.get(f"/print-jobs/{job['id']}", headers=svc.auth(role))
        assert listing.status_code == one.status_code == 200
        assert listing.json()[0]["nik"] == one.json()["nik"] == shown
        if role == "viewer":
            assert nik not in listing.text and nik not in one.text


def _exists(path: str | None) -> bool:
    return path is not None and FsPath(path).is_file()


def _card_text(pdf_path: str) -> str:
    return pdf_text(FsPath(pdf_path).read_bytes())


async def test_the_card_images_stay_sealed_the_card_still_prints_and_they_are_purged(
    start_printing,
) -> None:
    svc = await start_printing()
    await svc.register("Printer 1", driver="pdf")
    await svc.send("inventory", [blanks_issued(serials(1, 2))])
    await svc.send("central", [print_ready(6), print_ready(7)])
    old, recent = nik_for(6), nik_for(7)
    rendered = {}
    for nik in (old, recent):
        job = await _one_job(svc, nik, "PRINTED")
        # At rest the print room keeps the images only sealed; the card was rendered.
        assert "photo_jpeg_b64" not in job["card"] and job["sealed_images"]
        assert photo_b64()[:200] not in str(job)
        assert await asyncio.to_thread(_exists, job["preview_path"])
        assert "WARGA BOLTIM" in await asyncio.to_thread(_card_text, job["pdf_path"])
        rendered[nik] = job["preview_path"]
        handed = await svc.client.post(f"/cards/{nik}/handover", headers=svc.auth("printer"),
                                       json={"handed_to": "Warga"})
        assert handed.status_code == 201, handed.text
    await svc.db.execute(
        "UPDATE print_jobs SET issued_at = now() - interval '31 days' WHERE nik = $1", old)
    assert await purge_card_images(svc.db, 30) == 1
    purged = dict(await svc.db.fetchrow("SELECT * FROM print_jobs WHERE nik = $1", old))
    assert purged["sealed_images"] is None and purged["images_purged_at"] is not None
    assert purged["card"]["nama"] == "Warga Boltim 6"  # the text stays (a Suket needs it)
    assert purged["preview_path"] is None
    assert not await asyncio.to_thread(_exists, rendered[old])  # the rendered card went too
    kept = dict(await svc.db.fetchrow("SELECT * FROM print_jobs WHERE nik = $1", recent))
    assert kept["sealed_images"] and await asyncio.to_thread(_exists, kept["preview_path"])
    assert await purge_card_images(svc.db, 30) == 0


async def test_a_public_suket_check_needs_no_token_shows_masked_data_and_cannot_be_enumerated(
    start_printing,
) -> None:
    svc = await start_printing()
    await svc.register("Printer 1")
    nik = nik_for(8)
    await svc.send("central", [print_ready(8, nama="Budi Lantong")])  # no blank yet
    await _one_job(svc, nik, "WAITING_FOR_BLANK")
    issued = await svc.client.post("/suket", json={"nik": nik}, headers=svc.auth("operator"))
    assert issued.status_code == 201, issued.text
    number = issued.json()["number"]
    assert issued.json()["verify_url"].endswith(f"/suket/verify/{number}")
    check = await svc.client.get(f"/suket/verify/{number}")  # no token at all
    assert check.status_code == 200, check.text
    body = check.json()
    assert body["nama"] == "B*** L******" and body["nik"] == mask_nik(nik)
    assert body["status"] == "VALID" and body["valid"] is True
    assert "Bolaang Mongondow Timur" in body["issuing_office"]
    assert nik not in check.text and "Budi" not in check.text and "Lantong" not in check.text
    # The next resident's Suket cannot be found from this one's number: neither the next
    # running number alone nor with this one's check part.
    await svc.send("central", [submitted(nik_for(9))])
    await eventually(lambda: svc.scalar("SELECT count(*) FROM residents WHERE nik = $1",
                                        nik_for(9)), what="the next resident known")
    other = await svc.client.post("/suket", json={"nik": nik_for(9), "nama": "Siti Paputungan"},
                                  headers=svc.auth("operator"))
    assert other.status_code == 201, other.text
    parts = re.match(r"^(SKT-\d{4}-\d{4})-(\d{6})(-\w+)?$", number)
    assert parts is not None
    following = f"{parts[1]}-{int(parts[2]) + 1:06d}"
    for guess in (following, following + (parts[3] or "-7KQ4M2XA9P"), parts[1] + "-" + parts[2]):
        assert (await svc.client.get(f"/suket/verify/{guess}")).status_code == 404, guess
    assert (await svc.client.get(f"/suket/verify/{other.json()['number']}")).status_code == 200
    assert (await svc.client.get(f"/suket/{number}")).status_code == 401  # staff route
    # The card arrives and is handed over: the Suket standing in for it is revoked.
    await svc.send("inventory", [blanks_issued(serials(20, 1))])
    await _one_job(svc, nik, "PRINTED")
    handed = await svc.client.post(f"/cards/{nik}/handover", headers=svc.auth("printer"),
                                   json={"handed_to": "Budi Lantong"})
    assert handed.status_code == 201, handed.text
    revoked = (await svc.client.get(f"/suket/verify/{number}")).json()
    assert revoked["status"] == "REVOKED" and revoked["valid"] is False
