"""The office stack for the conformance run and the access walk (started once per session),
with a little of the office's day already in it so that lists are not empty and the routes
that read one thing find it: a roster, printers, blanks in the print room, recordings whose
cards are printed, a Suket."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[0] / "e2e"))
sys.path.append(str(HERE.parents[1] / "services" / "enrollment" / "tests"))

from e2e_stack import Stack, running_stack  # noqa: E402
from enrollment_testdata import biometrics  # noqa: E402

from ektp_shared.testing.wait import eventually  # noqa: E402

RECORDED = 3


@dataclass
class Office:
    """The running stack and the ids of what is in it."""

    stack: Stack
    expired_token: str
    ids: dict[str, str]


def recording(entry: dict[str, Any], seed: int) -> dict[str, Any]:
    return {
        "nik": entry["nik"], "nama": entry["nama"], "tempat_lahir": "Tutuyan",
        "tanggal_lahir": entry["tanggal_lahir"], "jenis_kelamin": entry["jenis_kelamin"],
        "alamat": "Jl. Trans Sulawesi", "rt": "1", "rw": "1", "kode_desa": entry["kode_desa"],
        "agama": "ISLAM", "status_perkawinan": "KAWIN", "pekerjaan": "PETANI/PEKEBUN",
        "biometrics": biometrics(seed),
    }


async def _seed(stack: Stack) -> dict[str, str]:
    today = dt.date.today().isoformat()
    await stack.call("POST", "central-sim", "/control/population",
                     json={"size": 200, "card_share": 0.6, "seed": 7110})
    await stack.call("POST", "sync", "/sync/roster/pull")

    async def roster_in() -> bool:
        body = await stack.call("GET", "enrollment", "/roster", role="operator")
        return body["total"] > RECORDED + 1
    await eventually(roster_in, 90, "the roster in enrollment")
    entries = (await stack.call("GET", "enrollment", "/roster", role="operator",
                                params={"per_page": 10}))["items"]

    printer = await stack.call("POST", "printing", "/printers", json={
        "name": "Printer 1", "model": "Evolis Primacy 2", "driver": "simulated",
        "location": "Ruang cetak"})
    receipt = await stack.call("POST", "inventory", "/receipts", role="storekeeper", json={
        "letter_number": "470/CONF/2026", "letter_date": today,
        "ranges": [{"first": "CNF00001", "last": "CNF00040"}]})
    await stack.call("POST", "inventory", "/issues", role="storekeeper",
                     json={"quantity": RECORDED})
    recorded = [await stack.call("POST", "enrollment", "/enrollments", role="operator",
                                 json=recording(e, 500 + i))
                for i, e in enumerate(entries[:RECORDED + 1])]

    async def printed() -> bool:
        jobs = await stack.call("GET", "printing", "/print-jobs", role="printer")
        return (len(jobs) > RECORDED
                and sum(j["status"] == "PRINTED" for j in jobs) >= RECORDED)
    # one blank short: the last resident's card waits for one, and gets a Suket meanwhile
    await eventually(printed, 120, "the recorded residents' cards printed but one")
    jobs = await stack.call("GET", "printing", "/print-jobs", role="printer")
    suket = await stack.call("POST", "printing", "/suket", role="operator",
                             json={"nik": next(j["nik"] for j in jobs
                                               if j["status"] != "PRINTED")})
    return {
        "nik": entries[0]["nik"], "enrollment_id": recorded[0]["enrollment_id"],
        "printer_id": printer["id"], "job_id": jobs[0]["id"], "number": suket["number"],
        "serial": receipt["first_serial"], "batch_reference": receipt["batch_reference"],
    }


@contextlib.asynccontextmanager
async def seeded_office(infra: Any, topic_prefix: str, create_database: Any, make_token: Any,
                        workdir: Path, service_kafka: Any) -> AsyncIterator[Office]:
    async with running_stack(infra, topic_prefix, create_database, make_token,
                             workdir, service_kafka) as stack:
        ids = await _seed(stack)
        yield Office(stack, make_token(user="e2e-late", role="supervisor", ttl_minutes=-10), ids)
