"""The whole office end to end: the six services as real processes on free ports, against the
real broker and database (topics and databases of this test's own).

A roster of 500 from the simulated centre, 450 recorded (1 in 10 with someone else's
fingerprints: the centre answers DUPLICATE_RECORD), 4 printers with one broken, 400 blanks;
field checks close two (moved, dead); the sync service is kill -9'd halfway through the
recordings and started again after them; 5 Sukets for residents still waiting for a blank;
then every figure on the dashboard's /progress equals what the test itself sent and what each
service reports about its own data, and a resident's timeline is complete from the roster to
the handover.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from e2e_stack import Stack
from typer.testing import CliRunner

from ektp_central_sim.domain.population import generate
from ektp_shared.cli import app as ektp
from ektp_shared.testing.wait import eventually

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "services" / "enrollment" / "tests"))
from enrollment_testdata import biometrics

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

@dataclass(frozen=True)
class Sizes:
    roster: int = 500
    recorded: int = 450
    duplicates: int = 45
    blanks: int = 400
    handed_over: int = 100
    suket: int = 5
    card_share: float = 0.6  # of the wajib KTP population already holding an e-KTP
    moved: int = 1  # closed by a field check: PINDAH
    dead: int = 1  # and MENINGGAL
    store_batch: int = 0  # blanks received and issued this many at a time (0: all at once)
    spoils: bool = False  # the print room spoils blanks (printing's EKTP_FAULT_RATE)
    breaks_midrun: int = 0  # printers the run breaks while printing (besides the broken one)
    clerks: int = 1  # counters recording at once
    # How long the verdicts and the prints may take after the last recording.
    settle_seconds: float = 300
    # "pdf": every card also a PDF in the spool folder (EKTP_E2E_PRINTER_DRIVER=pdf runs the
    # whole office's 400 cards through the PDF renderer, several printers at once).
    driver: str = os.environ.get("EKTP_E2E_PRINTER_DRIVER", "simulated")


def population_with_roster(n: int, card_share: float = 0.6, seed: int = 7110,
                           kabupaten: str = "71.10") -> int:
    """The population size whose roster (wajib KTP, no e-KTP yet) is exactly ``n``."""
    today = dt.date.today()
    people = generate(int(n / (1 - card_share) * 2.5), card_share=card_share, seed=seed,
                      today=today, kabupaten=kabupaten)
    count = 0
    for i, p in enumerate(people):
        count += p.wajib_ktp(today) and not p.punya_ektp
        if count == n:
            size = i + 1
            check = generate(size, card_share=card_share, seed=seed, today=today,
                             kabupaten=kabupaten)
            assert sum(q.wajib_ktp(today) and not q.punya_ektp for q in check) == n
            return size
    raise AssertionError("population too small for the roster asked")


def recording(entry: dict[str, Any], seed: int) -> dict[str, Any]:
    return {
        "nik": entry["nik"], "nama": entry["nama"], "tempat_lahir": "Tutuyan",
        "tanggal_lahir": entry["tanggal_lahir"], "jenis_kelamin": entry["jenis_kelamin"],
        "alamat": "Jl. Trans Sulawesi", "rt": "1", "rw": "1", "kode_desa": entry["kode_desa"],
        "agama": "ISLAM", "status_perkawinan": "KAWIN", "pekerjaan": "PETANI/PEKEBUN",
        "biometrics": biometrics(seed),
    }


async def test_the_whole_office_adds_up_from_roster_to_handover(stack: Stack):
    await whole_office(stack)


async def resolve_checks(stack: Stack) -> int:
    """The print room's operator looks at each NEEDS_CHECK job (its engine died mid-print)
    and finds the card in the tray: PRINTED. Returns how many."""
    jobs = await stack.call("GET", "printing", "/print-jobs", role="printer",
                            params={"status": "NEEDS_CHECK"})
    for job in jobs:
        await stack.call("POST", "printing", f"/print-jobs/{job['id']}/check", role="printer",
                         json={"outcome": "PRINTED", "note": "kartu ada di baki"})
    return len(jobs)


async def whole_office(stack: Stack, kabupaten: str = "71.10", sizes: Sizes = Sizes(),
                       midrun: Callable[[int], Awaitable[None]] | None = None,
                       ) -> list[dict[str, Any]]:
    """The whole office's day; returns the roster. The simulator's own kabupaten (the
    stack's EKTP_KABUPATEN) is ``kabupaten``. ``midrun(i)`` runs before the i-th recording
    in place of the sync crash (kill -9 halfway, started again after the recordings)."""
    ROSTER, RECORDED, DUPLICATES, BLANKS, HANDED_OVER, SUKET = (
        sizes.roster, sizes.recorded, sizes.duplicates, sizes.blanks, sizes.handed_over,
        sizes.suket)
    FIELD_CHECKS = {"PINDAH": sizes.moved, "MENINGGAL": sizes.dead}
    # --- the roster of 500 from the centre ---------------------------------------------
    size = population_with_roster(ROSTER, sizes.card_share, kabupaten=kabupaten)
    await stack.call("POST", "central-sim", "/control/population",
                     json={"size": size, "card_share": sizes.card_share, "seed": 7110})
    await stack.call("POST", "sync", "/sync/roster/pull")

    async def roster_in() -> bool:
        return (await stack.progress())["kabupaten"]["target"] == ROSTER
    await eventually(roster_in, 120, f"the roster of {ROSTER} on the dashboard")
    entries: list[dict[str, Any]] = []
    page = 0
    while True:  # every page, however large the roster (bounded: an empty page ends it)
        page += 1
        body = await stack.call("GET", "enrollment", "/roster", role="operator",
                                params={"per_page": 100, "page": page})
        entries += body["items"]
        if len(entries) >= body["total"] or not body["items"]:
            break
    assert len(entries) == ROSTER

    # --- 4 printers, one broken; 400 blanks in the print room ---------------------------
    for i in range(1, 5):
        await stack.call("POST", "printing", "/printers", json={
            "name": f"Printer {i}", "model": "Evolis Primacy 2", "driver": sizes.driver,
            "location": "Ruang cetak", "status": "BROKEN" if i == 4 else "ONLINE",
            "reason": "rusak berat" if i == 4 else ""})
    batch = sizes.store_batch or BLANKS
    for n, first in enumerate(range(1, BLANKS + 1, batch), start=1):
        last = min(first + batch - 1, BLANKS)
        await stack.call("POST", "inventory", "/receipts", role="storekeeper", json={
            "letter_number": f"470/E2E-{n}/2026", "letter_date": dt.date.today().isoformat(),
            "quantity": last - first + 1,
            "ranges": [{"first": f"E2E{first:05d}", "last": f"E2E{last:05d}"}]})
        await stack.call("POST", "inventory", "/issues", role="storekeeper",
                         json={"quantity": last - first + 1})

    # --- 450 recorded: 405 with their own fingers, then 45 with someone else's ----------
    # Some of those left unrecorded are closed by a field check (moved, dead).
    unrecorded = iter(entries[RECORDED:])
    closed = [(outcome, next(unrecorded)) for outcome, n in FIELD_CHECKS.items()
              for _ in range(n)]
    for outcome, entry in closed:
        await stack.call("POST", "enrollment", "/field-checks", role="operator",
                         json={"nik": entry["nik"], "outcome": outcome, "note": "kunjungan"})
    recorded = entries[:RECORDED]
    sync = stack.processes["sync"]

    async def record(i: int) -> None:
        seed = 10_000 + i if i < RECORDED - DUPLICATES else 10_000 + (i - RECORDED + DUPLICATES)
        await stack.call("POST", "enrollment", "/enrollments", role="operator",
                         json=recording(recorded[i], seed))

    for start in range(0, RECORDED, sizes.clerks):
        at_once = range(start, min(start + sizes.clerks, RECORDED))
        for i in at_once:
            if midrun is not None:
                await midrun(i)
            elif i == RECORDED // 2:
                # A crash mid-run: the sync service dies (kill -9) with submissions in flight.
                sync.kill9()
                assert sync.proc is not None and sync.proc.poll() is not None
                async with httpx.AsyncClient(timeout=2) as probe:
                    with pytest.raises(httpx.ConnectError):  # its port is closed
                        await probe.get(stack.urls["sync"] + "/healthz")
        await asyncio.gather(*(record(i) for i in at_once))
    if midrun is None:
        sync.start()
        await asyncio.to_thread(sync.wait_http, stack.urls["sync"] + "/healthz")

    # Every blank ends printed or, where the print room spoils some, spoiled.
    async def verdicts_in() -> bool:
        await resolve_checks(stack)
        p = await stack.progress()
        k, spoiled = p["kabupaten"], p["blanks"]["by_state"].get("SPOILED", 0)
        return (k["print_ready"] + k["duplicate"] == RECORDED
                and k["printed"] + spoiled == BLANKS)
    await eventually(verdicts_in, sizes.settle_seconds,
                     f"{RECORDED} verdicts and {BLANKS} cards printed or spoiled")

    # --- the handover desk hands out 100 cards ------------------------------------------
    ready = await stack.call("GET", "printing", "/cards/ready", role="printer")
    cards = [c for g in ready for c in g["cards"]][:HANDED_OVER]
    for card in cards:
        await stack.call("POST", "printing", f"/cards/{card['nik']}/handover", role="printer",
                         json={"handed_to": card["nama"]})

    async def handed() -> bool:
        return (await stack.progress())["kabupaten"]["issued"] == HANDED_OVER
    await eventually(handed, 120, f"{HANDED_OVER} cards handed over on the dashboard")

    # --- Sukets for 5 residents whose card still waits for a blank ---------------------
    room = await stack.call("GET", "printing", "/print-jobs", role="printer",
                            params={"status": "WAITING_FOR_BLANK", "limit": SUKET})
    waiting_jobs = room["items"] if isinstance(room, dict) else room
    assert len(waiting_jobs) >= SUKET
    for job in waiting_jobs[:SUKET]:
        await stack.call("POST", "printing", "/suket", role="printer",
                         json={"nik": job["nik"], "nama": job.get("nama") or "Warga"})

    async def sukets() -> bool:
        return (await stack.progress())["kabupaten"]["suket"] == SUKET
    await eventually(sukets, 120, f"{SUKET} Sukets on the dashboard")

    # --- every figure equals what the owning service says -------------------------------
    p = await stack.progress()
    k = p["kabupaten"]
    enrollments = await stack.call("GET", "enrollment", "/enrollments", role="operator",
                                   params={"per_page": 1})
    roster_all = await stack.call("GET", "enrollment", "/roster", role="operator",
                                  params={"per_page": 1})
    sync = await stack.call("GET", "sync", "/sync/status", role="operator")
    room = await stack.call("GET", "printing", "/print-room", role="printer")
    printers = await stack.call("GET", "printing", "/printers", role="printer")
    stock = await stack.call("GET", "inventory", "/stock", role="storekeeper")
    spoiled = stock["by_state"]["SPOILED"]
    assert (spoiled > 0) == sizes.spoils, f"{spoiled} blanks spoiled"
    centre = await stack.call("GET", "central-sim", "/control/counters")

    assert k["target"] == roster_all["total"] == ROSTER
    assert k["recorded"] == enrollments["total"] == RECORDED
    backlog = sync["backlog"]
    assert k["sent"] == sum(n for s, n in backlog.items() if s != "PENDING") == RECORDED
    assert k["print_ready"] == backlog["PRINT_READY_RECORD"] == RECORDED - DUPLICATES
    assert k["duplicate"] == backlog["DUPLICATE_RECORD"] == DUPLICATES
    assert k["failed"] == backlog.get("FAILED", 0) == 0  # a state with none may be left out
    assert k["suket"] == SUKET
    assert {o: k["field_checks"][o] for o in FIELD_CHECKS} == FIELD_CHECKS
    assert {o: k["by_status"][o] for o in FIELD_CHECKS} == FIELD_CHECKS
    assert k["residents"] == ROSTER
    jobs = room["jobs"]
    assert k["printed"] == jobs["PRINTED"] + jobs["ISSUED"] == BLANKS - spoiled
    assert k["issued"] == jobs["ISSUED"] == HANDED_OVER
    # Moved and dead residents no longer lack a card here.
    assert k["lacking"] == ROSTER - HANDED_OVER - len(closed)
    assert k["by_status"]["BELUM_REKAM"] == ROSTER - RECORDED - len(closed)
    # The residents whose card waits for a blank have a print job: in the print room.
    waiting = jobs["WAITING_FOR_BLANK"] + jobs.get("QUEUED", 0)
    assert (k["by_status"]["SENT_FOR_CARD_PRINTING"] == waiting
            == RECORDED - DUPLICATES - (BLANKS - spoiled))
    assert k["by_status"]["PRINT_READY_RECORD"] == 0
    assert p["blanks"]["by_state"] == {s: stock["by_state"][s] for s in p["blanks"]["by_state"]}
    assert p["blanks"]["by_state"]["USED"] == BLANKS - spoiled
    by_status: dict[str, int] = {}
    for printer in printers if isinstance(printers, list) else printers["items"]:
        by_status[printer["status"]] = by_status.get(printer["status"], 0) + 1
    assert {s: n for s, n in p["printers"]["by_status"].items() if n} == by_status == {
        "ONLINE": 3 - sizes.breaks_midrun, "BROKEN": 1 + sizes.breaks_midrun}
    assert sum(kec["recorded"] for kec in p["kecamatan"]) + p["lainnya"]["recorded"] == RECORDED
    assert p["sync"]["available"] and p["stock_live"]["available"]
    # The centre holds each recording once, whatever the crash made the sync send again.
    assert centre["stored"] == centre["accepted"] == RECORDED
    assert centre["repeats"] == centre["received"] - RECORDED
    held: list[dict[str, Any]] = []
    while True:  # in pages, after the last one's received_seq
        after = held[-1]["received_seq"] if held else 0
        got = await stack.call("GET", "central-sim", "/control/received",
                               params={"after_seq": after, "limit": 1000})
        held += got
        if len(got) < 1000:
            break
    assert len({r["enrollment_id"] for r in held}) == len(held) == RECORDED
    # Fewer blanks than cards owed: the forecast says so.
    assert p["forecast"]["current"]["blank_shortfall"] > 0

    # --- one resident's timeline, complete from the roster to the handover --------------
    nik = cards[0]["nik"]
    t = await stack.call("GET", "dashboard", f"/residents/{nik}", role="operator")
    assert t["status"] == "CARD_ISSUED"
    assert [s["kind"] for s in t["steps"]] == [
        "central.roster_entry", "enrollment.recorded", "central.submitted",
        "central.print_ready", "printing.job_queued", "printing.card_printed",
        "printing.card_issued"]
    assert all(s["took_seconds"] >= 0 for s in t["steps"])

    # --- the operator CLI sets a printer's status; the dashboard sees it ------------------
    first = next(pr for pr in (printers if isinstance(printers, list) else printers["items"])
                 if pr["status"] == "ONLINE")
    out = CliRunner().invoke(ektp, [
        "dashboard", "printer-status", str(first["id"]), "OFFLINE", "--reason", "listrik padam",
        "--printing-url", stack.urls["printing"]], env={"EKTP_TOKEN": stack.tokens["printer"]})
    assert out.exit_code == 0, out.output
    assert "OFFLINE" in out.output

    async def offline() -> bool:
        return (await stack.progress())["printers"]["by_status"]["OFFLINE"] == 1
    await eventually(offline, 60, "the printer OFFLINE on the dashboard")
    return entries
