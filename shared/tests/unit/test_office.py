"""The office is configuration: one Kemendagri code gives its name, region, zone and texts."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from ektp_shared import wilayah
from ektp_shared.office import OfficeSettings, office_for, zona_of


def test_the_default_office_and_a_kota_by_their_codes_alone():
    kab = office_for()
    assert (kab.kode, kab.jenis, kab.card_header) == (
        "71.10", "KABUPATEN", "KABUPATEN BOLAANG MONGONDOW TIMUR")
    assert (len(kab.kecamatan), len(kab.desa), kab.zona) == (7, 81, "WITA")
    kota = office_for("7174")
    assert (kota.kode, kota.digits, kota.jenis, kota.card_header) == (
        "71.74", "7174", "KOTA", "KOTA KOTAMOBAGU")
    assert kota.provinsi.nama == "Sulawesi Utara"
    assert kota.dinas == "Dinas Kependudukan dan Pencatatan Sipil Kota Kotamobagu"
    assert (len(kota.kecamatan), len(kota.desa)) == (4, 33)
    assert all(k.startswith("71.74.") for k in kota.desa)
    assert kota.issue_place == "KOTAMOBAGU"
    assert kota.jwt_issuer == "dukcapil.kotamobagukota.go.id" != kab.jwt_issuer
    assert kota.problem_type_base == "https://ektp.kotamobagukota.go.id/problems/"
    assert office_for("71.74", issue_place="Kotamobagu Barat").issue_place == "Kotamobagu Barat"


@pytest.mark.parametrize(("kode", "zona", "tz"), [
    ("31.71", "WIB", "Asia/Jakarta"), ("61.01", "WIB", "Asia/Jakarta"),
    ("51.71", "WITA", "Asia/Makassar"), ("73.71", "WITA", "Asia/Makassar"),
    ("81.01", "WIT", "Asia/Jayapura"), ("94.01", "WIT", "Asia/Jayapura")])
def test_the_time_zone_follows_the_provinsi(kode, zona, tz):
    o = office_for(kode)
    assert (o.zona, o.timezone) == (zona, tz)


def test_every_provinsi_has_a_zone_and_every_kabupaten_loads():
    for kode, r in wilayah.national().items():
        if r.tingkat == "provinsi":
            assert zona_of(kode)
    index = wilayah._national_index()
    assert len(index) == 514 == len(wilayah.kabupaten_codes())
    desa = sum(len(wilayah.kabupaten(k).desa) for k in ("11.01", "96.71", "71.10"))
    assert desa > 81


def test_a_desa_elsewhere_is_refused_with_a_message_naming_where_it_is():
    kab = office_for()
    assert kab.desa_or_refusal("7110012001") == kab.desa["71.10.01.2001"]
    msg = kab.desa_or_refusal("71.74.01.1005")
    assert isinstance(msg, str) and "Kota Kotamobagu" in msg and "71.74.01.1005" in msg
    assert "contoh: 71.10.01.2001" in str(kab.desa_or_refusal("71.10.99.9999"))


def test_an_unknown_code_is_refused_at_start(monkeypatch):
    monkeypatch.setenv("EKTP_KABUPATEN", "71.99")
    with pytest.raises(ValidationError, match="no kabupaten/kota code"):
        OfficeSettings()
    monkeypatch.setenv("EKTP_KABUPATEN", "7174")
    assert OfficeSettings().kabupaten == "71.74"


def test_loading_the_office_is_quick_and_small():
    # Fresh process: the national list is read lazily, once, and only the office's rows kept.
    code = ("import resource,time; import pydantic_settings; "
            "b=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; t=time.perf_counter(); "
            "from ektp_shared.office import current; o=current(); "
            "print(time.perf_counter()-t, "
            "(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss-b)/1024, len(o.desa))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"EKTP_KABUPATEN": "71.74"}).stdout.split()
    seconds, megabytes, desa = float(out[0]), float(out[1]), int(out[2])
    assert desa == 33
    assert seconds < 2.0 and megabytes < 40, (seconds, megabytes)
