"""The generated population looks like its kabupaten: Boltim by default, any other by code."""

from __future__ import annotations

import datetime as dt

from ektp_central_sim.domain.population import generate, male_share
from ektp_shared.nik import parse_nik
from ektp_shared.wilayah import kabupaten

TODAY = dt.date(2026, 11, 2)


def test_valid_niks_real_desa_and_boltim_proportions():
    people = generate(20_000, card_share=0.9, seed=3, today=TODAY)
    assert len({p.nik for p in people}) == 20_000
    desa = kabupaten("71.10").desa
    for p in people[:2000]:
        info = parse_nik(p.nik, today=TODAY)
        assert info.tanggal_lahir == p.tanggal_lahir and info.jenis_kelamin == p.jenis_kelamin
        assert p.kode_desa in desa
        assert p.nik[:6] == p.kode_desa[:8].replace(".", "")
    men = sum(p.jenis_kelamin == "LAKI-LAKI" for p in people) / len(people)
    assert abs(men - male_share("71.10")) < 0.015
    assert len({p.kode_desa for p in people}) == 81
    wajib = [p for p in people if p.wajib_ktp(TODAY)]
    assert 0.62 < len(wajib) / len(people) < 0.78, "about 7 in 10 are 17+ or married"
    carded = sum(p.punya_ektp for p in wajib) / len(wajib)
    assert abs(carded - 0.9) < 0.02
    assert not any(p.punya_ektp for p in people if not p.wajib_ktp(TODAY))
    children = [p for p in people if (TODAY - p.tanggal_lahir).days < 15 * 365]
    assert all(p.status_perkawinan == "BELUM KAWIN" for p in children)


def test_same_seed_same_people():
    assert generate(50, seed=9, today=TODAY) == generate(50, seed=9, today=TODAY)


def test_any_kabupaten_its_own_desa_and_sex_ratio():
    # Kota Kotamobagu: 33 desa/kelurahan, 62,330 men of 121,526 (DKB 2024).
    people = generate(8_000, seed=5, today=TODAY, kabupaten="71.74")
    desa = kabupaten("71.74").desa
    assert {p.kode_desa for p in people} == set(desa)
    assert all(p.nik.startswith("7174") for p in people)
    men = sum(p.jenis_kelamin == "LAKI-LAKI" for p in people) / len(people)
    assert abs(men - 62_330 / 121_526) < 0.02
    # Papua Pegunungan's Jayawijaya, WIT: any of the 514.
    assert {p.kode_desa[:5] for p in generate(50, today=TODAY, kabupaten="95.01")} == {"95.01"}
