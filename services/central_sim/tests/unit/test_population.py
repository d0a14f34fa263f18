"""The generated Boltim population looks like Boltim."""

from __future__ import annotations

import datetime as dt

from ektp_central_sim.domain.population import MALE_SHARE, generate
from ektp_shared.nik import parse_nik
from ektp_shared.wilayah import boltim_desa

TODAY = dt.date(2026, 11, 2)


def test_valid_niks_real_desa_and_boltim_proportions():
    people = generate(20_000, card_share=0.9, seed=3, today=TODAY)
    assert len({p.nik for p in people}) == 20_000
    desa = boltim_desa()
    for p in people[:2000]:
        info = parse_nik(p.nik, today=TODAY)
        assert info.tanggal_lahir == p.tanggal_lahir and info.jenis_kelamin == p.jenis_kelamin
        assert p.kode_desa in desa
        assert p.nik[:6] == p.kode_desa[:8].replace(".", "")
    men = sum(p.jenis_kelamin == "LAKI-LAKI" for p in people) / len(people)
    assert abs(men - MALE_SHARE) < 0.015
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
