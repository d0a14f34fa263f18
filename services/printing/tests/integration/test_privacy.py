"""Personal data in the print room: refused lookups still audited, viewers see masked NIKs,
Suket verification that cannot be enumerated, card images sealed and purged."""

from __future__ import annotations

import pytest
from printing_samples import nik_for

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
