"""The ministry's roster: imported from its CSV (bad rows named by line, good rows kept),
listed by place and status, the pemula who turn 17 by election day, and the field checks
that close or confirm each name."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from enrollment_testdata import recording, years_ago

from ektp_shared.events import EnrollmentFieldChecked
from ektp_shared.nik import make_nik
from ektp_shared.office import office_for

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]

DESA = sorted(office_for().desa)
BAD_KINDS = [
    ("7110011413900001", "bulan lahir 13 tidak ada (harus 01 sampai 12)"),
    ("7110013102900001", "tanggal 31 Februari tidak ada"),
    ("12345", "NIK harus 16 digit, bukan 5"),
    ("7110011405900000", "nomor urut NIK 0000 tidak sah (mulai dari 0001)"),
    ("9999991405900001", "kode wilayah 99.99.99 bukan kecamatan yang terdaftar"),
]


def ministry_csv(rows: int, bad_every: int) -> tuple[str, dict[int, str]]:
    """A CSV with a bad row every ``bad_every`` rows; returns it and {line: error}."""
    rnd = random.Random(3)
    lines = ["nik,nama,tanggal_lahir,jenis_kelamin,kode_desa"]
    bad: dict[int, str] = {}
    for i in range(rows):
        line_no = i + 2
        if bad_every and i % bad_every == bad_every - 1:
            k = len(bad) % (len(BAD_KINDS) + 1)
            if k < len(BAD_KINDS):
                nik, error = BAD_KINDS[k]
                lines.append(f"{nik},Warga Salah {i},,,{DESA[0]}")
            else:
                nik = make_nik("711001", dt.date(1999, 1, 1), "LAKI-LAKI", 9000 + len(bad))
                error = ("kode desa 71.10.09.2001 bukan desa di Kabupaten Bolaang Mongondow "
                         "Timur (contoh: 71.10.01.2001)")
                lines.append(f"{nik},Warga Desa Lain {i},,,71.10.09.2001")
            bad[line_no] = error
            continue
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rnd.randrange(20000))
        sex = rnd.choice(["LAKI-LAKI", "PEREMPUAN"])
        desa = DESA[i % len(DESA)]
        nik = make_nik(desa[:8].replace(".", ""), born, sex, 1 + i)
        lines.append(f"{nik},Warga {i},{born.isoformat()},{sex[0]},{desa}")
    return "\n".join(lines) + "\n", bad


async def test_a_roster_of_10000_rows_with_50_bad_keeps_9950_and_names_the_50(
    office, operator
):
    text, bad = ministry_csv(10_000, 200)
    assert len(bad) == 50
    r = await office.client.post("/roster/import", content=text.encode(),
                                 headers={**operator, "Content-Type": "text/csv"})
    assert r.status_code == 200, r.text
    answer = r.json()
    assert (answer["accepted"], answer["new"], answer["rejected"]) == (9950, 9950, 50)
    assert {b["line"]: b["error"] for b in answer["bad_rows"]} == bad
    assert await office.pool.fetchval("SELECT count(*) FROM roster") == 9950
    audit = await office.pool.fetchval(
        "SELECT detail FROM audit_log WHERE action = 'roster.import'")
    assert audit["accepted"] == 9950 and audit["rejected"] == 50

    again = await office.client.post("/roster/import", content=text.encode(),
                                     headers={**operator, "Content-Type": "text/csv"})
    assert (again.json()["new"], again.json()["updated"]) == (0, 9950)
    assert await office.pool.fetchval("SELECT count(*) FROM roster") == 9950


async def test_a_chunk_reports_lines_of_the_whole_file(office, operator):
    chunk = ("nik,nama,kode_desa\n"
             f"{make_nik('711002', dt.date(1980, 2, 2), 'L', 7001)},Ani,71.10.02.2001\n"
             "7110011413900001,Salah,71.10.02.2001\n")
    r = await office.client.post("/roster/import", params={"line_offset": 4000},
                                 content=chunk.encode(),
                                 headers={**operator, "Content-Type": "text/csv"})
    assert r.json()["bad_rows"] == [{"line": 4003, "nik": "7110011413900001",
                                     "error": "bulan lahir 13 tidak ada (harus 01 sampai 12)"}]


async def test_a_csv_without_the_needed_columns_is_refused_whole(office, operator):
    r = await office.client.post("/roster/import", content=b"no_ktp;nama\n1;2\n",
                                 headers={**operator, "Content-Type": "text/csv"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "file"
    assert "nik, kode_desa" in r.json()["errors"][0]["message"]
    empty = await office.client.post("/roster/import", content=b"", headers=operator)
    assert empty.status_code == 422


@pytest.mark.parametrize(("cell", "column"), [
    ("A" * 121, "nama"),                   # longer than a recording's nama
    ("A" * 200_000, "nama"),               # past the csv module's own cell limit
    ('"Budi\n' + "x,\n" * 50_000, "nama"),  # a quote left open swallows the rest
])
async def test_an_over_long_cell_refuses_the_file_naming_its_line_and_column(
    office, operator, cell, column
):
    good = make_nik("711002", dt.date(1980, 2, 2), "L", 7101)
    text = (f"nik;kode_desa;nama\n{good};71.10.02.2001;Ani\n\n"
            f"{make_nik('711002', dt.date(1981, 2, 2), 'L', 7102)};71.10.02.2001;{cell}\n")
    before = await office.pool.fetchval("SELECT count(*) FROM roster")
    r = await office.client.post("/roster/import", content=text.encode(),
                                 headers={**operator, "Content-Type": "text/csv"},
                                 params={"line_offset": 100})
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == column
    assert r.json()["line"] == 104
    assert "baris 104" in r.json()["errors"][0]["message"]
    assert await office.pool.fetchval("SELECT count(*) FROM roster") == before


async def test_the_roster_is_listed_by_kecamatan_desa_and_status_in_pages(office, operator):
    desa = DESA[5]
    r = await office.client.get("/roster", headers=operator,
                                params={"desa": desa, "status": "BELUM_REKAM", "per_page": 10})
    page1 = r.json()
    assert r.status_code == 200 and page1["total"] > 10 and len(page1["items"]) == 10
    assert {i["kode_desa"] for i in page1["items"]} == {desa}
    page2 = (await office.client.get("/roster", headers=operator, params={
        "desa": desa, "status": "BELUM_REKAM", "per_page": 10, "page": 2})).json()
    assert not {i["nik"] for i in page1["items"]} & {i["nik"] for i in page2["items"]}
    kec = (await office.client.get("/roster", headers=operator,
                                   params={"kecamatan": "71.10.03", "per_page": 500})).json()
    assert kec["total"] > 0 and {i["kode_kecamatan"] for i in kec["items"]} == {"71.10.03"}
    bad = await office.client.get("/roster", headers=operator, params={"kecamatan": "71.99.01"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "kecamatan"
    bad = await office.client.get("/roster", headers=operator, params={"per_page": 0})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "per_page"


async def test_pemula_are_those_who_turn_17_by_election_day(office, operator):
    today = dt.date.today()
    election = today + dt.timedelta(days=90)
    turns_17_in_time = years_ago(17, today=election) + dt.timedelta(days=1)  # not yet 17 today
    turns_17_on_the_day = years_ago(17, today=election)
    too_young = years_ago(17, today=election) + dt.timedelta(days=5)
    rows = [("Pemula Satu", turns_17_in_time + dt.timedelta(days=-30), 8001),
            ("Pemula Dua", turns_17_on_the_day, 8002),
            ("Terlalu Muda", too_young + dt.timedelta(days=1), 8003),
            ("Sudah Dewasa", dt.date(1990, 1, 1), 8004)]
    desa = "71.10.04.2001"
    csv_text = "nik,nama,kode_desa\n" + "".join(
        f"{make_nik('711004', born, 'LAKI-LAKI', serial)},{name},{desa}\n"
        for name, born, serial in rows)
    r = await office.client.post("/roster/import", content=csv_text.encode(),
                                 headers={**operator, "Content-Type": "text/csv"})
    assert r.json()["accepted"] == 4, r.text
    r = await office.client.get("/roster/pemula", headers=operator,
                                params={"by": election.isoformat(), "desa": desa})
    assert r.status_code == 200
    assert sorted(i["nama"] for i in r.json()["items"]) == ["Pemula Dua", "Pemula Satu"]
    past = await office.client.get("/roster/pemula", headers=operator,
                                   params={"by": "2000-01-01"})
    assert past.status_code == 422 and past.json()["errors"][0]["field"] == "by"


@pytest.mark.parametrize(("path", "params", "field"), [
    # found by `make fuzz`: a page past the bigint OFFSET answered 500
    ("/roster/pemula", {"by": "3223-07-05", "page": 10**27}, "page"),
    ("/roster", {"page": 2**63}, "page"),
    ("/enrollments", {"page": 2**63}, "page"),
    ("/field-checks/worklist", {"desa": DESA[0], "page": 2**63}, "page"),
])
async def test_a_page_past_what_the_database_counts_is_named_not_a_500(
    office, operator, path, params, field
):
    r = await office.client.get(path, headers=operator, params=params)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["errors"][0]["field"] == field


async def test_a_recorded_resident_leaves_the_worklist(office, operator):
    nik = make_nik("711001", dt.date(1970, 6, 1), "LAKI-LAKI", 8101)
    await office.client.post("/roster/import", headers={**operator, "Content-Type": "text/csv"},
                             content=f"nik,nama,kode_desa\n{nik},Yusuf,71.10.01.2001\n".encode())
    r = await office.client.post("/enrollments", headers=operator,
                                 json=recording(nik, born=dt.date(1970, 6, 1)))
    assert r.status_code == 201
    entry = await office.pool.fetchrow("SELECT status FROM roster WHERE nik = $1", nik)
    assert entry["status"] == "SUDAH_REKAM"


async def test_field_checks_follow_a_visit_and_are_published(office, operator, supervisor):
    desa = "71.10.05.2001"
    niks = [make_nik("711005", dt.date(1960 + n, 3, 3), "LAKI-LAKI", 8200 + n) for n in range(4)]
    csv_text = "nik,nama,kode_desa\n" + "".join(f"{n},Warga {i},{desa}\n" for i, n in
                                                enumerate(niks))
    await office.client.post("/roster/import", content=csv_text.encode(),
                             headers={**operator, "Content-Type": "text/csv"})
    visit_day = dt.date.today() + dt.timedelta(days=3)
    r = await office.client.post("/field-checks/visits", headers=supervisor, json={
        "kode_desa": desa, "tanggal": visit_day.isoformat(), "officer": "rina"})
    assert r.status_code == 201, r.text
    r = await office.client.post("/field-checks/visits", headers=operator, json={
        "kode_desa": desa, "tanggal": visit_day.isoformat(), "officer": "rina"})
    assert r.status_code == 403  # the schedule is the supervisor's

    work = (await office.client.get("/field-checks/worklist", params={"desa": desa},
                                    headers=operator)).json()
    assert set(niks) <= {i["nik"] for i in work["items"]}
    assert {i["kode_desa"] for i in work["items"]} == {desa}
    assert [v["tanggal"] for v in work["visits"]] == [visit_day.isoformat()]

    outcomes = ["DITEMUKAN", "PINDAH", "MENINGGAL", "TIDAK_DITEMUKAN"]
    for nik, outcome in zip(niks, outcomes, strict=True):
        r = await office.client.post("/field-checks", headers={
            **operator, "Idempotency-Key": f"cek-{nik}"},
            json={"nik": nik, "outcome": outcome, "note": "kunjungan pertama"})
        assert r.status_code == 201, r.text
    repeat = await office.client.post("/field-checks", headers={
        **operator, "Idempotency-Key": f"cek-{niks[1]}"},
        json={"nik": niks[1], "outcome": "PINDAH", "note": "kunjungan pertama"})
    assert repeat.status_code == 201
    assert await office.pool.fetchval("SELECT count(*) FROM field_checks") == 4

    statuses = dict(await office.pool.fetch(
        "SELECT nik, status FROM roster WHERE nik = ANY($1::text[])", niks))
    assert [statuses[n] for n in niks] == ["BELUM_REKAM", "PINDAH", "MENINGGAL",
                                           "TIDAK_DITEMUKAN"]
    work = (await office.client.get("/field-checks/worklist", params={"desa": desa},
                                    headers=operator)).json()
    still_open = [i for i in work["items"] if i["nik"] in niks]
    assert [(i["nik"], i["last_check"]) for i in still_open] == [(niks[0], "DITEMUKAN")]

    rows = await office.pool.fetch(
        "SELECT payload FROM outbox WHERE ce_type = $1 ORDER BY id",
        EnrollmentFieldChecked.ce_type())
    events = [EnrollmentFieldChecked.model_validate(json.loads(r["payload"])) for r in rows]
    assert [(e.nik, e.outcome, e.officer, e.kode_desa) for e in events] == [
        (n, o, "rina", desa) for n, o in zip(niks, outcomes, strict=True)]

    unknown = await office.client.post("/field-checks", headers=operator, json={
        "nik": make_nik("711005", dt.date(1961, 3, 3), "LAKI-LAKI", 9999),
        "outcome": "PINDAH"})
    assert unknown.status_code == 404 and unknown.json()["errors"][0]["field"] == "nik"
    wrong = await office.client.post("/field-checks", headers=operator,
                                     json={"nik": niks[0], "outcome": "HILANG"})
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "outcome"


async def test_the_counter_finds_a_resident_by_nik_or_by_part_of_the_name_audited(
    office, operator
):
    nik = make_nik("711003", dt.date(1984, 3, 9), "PEREMPUAN", 4242)
    text = f"nik,nama,kode_desa\n{nik},Fatmawati Paputungan,71.10.03.2001\n"
    r = await office.client.post("/roster/import", content=text.encode(),
                                 headers={**operator, "Content-Type": "text/csv"})
    assert r.status_code == 200, r.text
    for params in ({"nik": nik}, {"nama": "fatma PAPU"}, {"nama": "paputungan"}):
        r = await office.client.get("/roster", params=params, headers=operator)
        assert r.status_code == 200, r.text
        assert [row["nik"] for row in r.json()["items"]] == [nik], params
    r = await office.client.get("/roster", params={"nama": "paputungan 100%"},
                                headers=operator)
    assert r.json()["total"] == 0  # a % in the name is a character, not a wildcard
    searches = await office.pool.fetch(
        "SELECT target, detail FROM audit_log WHERE action = 'roster.search' "
        "ORDER BY id DESC LIMIT 4")
    assert searches[-1]["target"] == nik
    assert {s["detail"]["nama"] for s in searches[:3]} == {
        "fatma PAPU", "paputungan", "paputungan 100%"}
