"""The NIK rules of DESIGN.md section 7, each with its exact error."""

import datetime as dt

import pytest

from ektp_shared.nik import NikError, age_on, make_nik, parse_nik

TODAY = dt.date(2026, 11, 27)


def test_a_womans_nik_reads_day_minus_40():
    info = parse_nik("7110014501900001", today=TODAY)
    assert info.tanggal_lahir == dt.date(1990, 1, 5)
    assert info.jenis_kelamin == "PEREMPUAN"
    assert info.kode_kecamatan == "71.10.01"
    assert info.serial == 1


def test_a_mans_nik():
    info = parse_nik("7110010501900001", today=TODAY)
    assert (info.tanggal_lahir, info.jenis_kelamin) == (dt.date(1990, 1, 5), "LAKI-LAKI")


def test_a_nik_first_issued_outside_boltim_is_valid():
    # Bolaang Mongondow (71.01) issued NIKs before Boltim split off in 2008.
    assert parse_nik("7101091203850002", today=TODAY).kode_kecamatan == "71.01.09"


def test_two_digit_years_take_the_latest_past_century():
    assert parse_nik("7110010101100001", today=TODAY).tanggal_lahir.year == 2010
    assert parse_nik("7110010101300001", today=TODAY).tanggal_lahir.year == 1930


@pytest.mark.parametrize(
    ("nik", "code", "message"),
    [
        ("711001450190001", "length", "NIK harus 16 digit, bukan 15"),
        ("71100145019000011", "length", "NIK harus 16 digit, bukan 17"),
        ("71100145019O0001", "digits", "NIK hanya boleh berisi angka (16 digit)"),
        ("7110010113900001", "month", "bulan lahir 13 tidak ada (harus 01 sampai 12)"),
        ("7110013102900001", "date", "tanggal 31 Februari tidak ada"),
        ("7110017102900001", "date", "tanggal 31 Februari tidak ada"),
        ("7110013201900001", "day", "tanggal lahir 32 tidak mungkin"),
        ("7110017201900001", "day", "tanggal lahir 72 tidak mungkin"),
        ("7110014001900001", "day", "tanggal lahir 40 tidak mungkin"),
        ("9999990101900001", "kecamatan", "kode wilayah 99.99.99 bukan kecamatan yang terdaftar"),
        ("7110990101900001", "kecamatan", "kode wilayah 71.10.99 bukan kecamatan yang terdaftar"),
        ("7110010101900000", "serial", "nomor urut NIK 0000 tidak sah (mulai dari 0001)"),
    ],
)
def test_invalid_niks_name_the_rule(nik, code, message):
    with pytest.raises(NikError) as err:
        parse_nik(nik, today=TODAY)
    assert err.value.code == code
    assert message in err.value.message


@pytest.mark.parametrize("day", range(41, 72))
def test_days_41_to_71_are_women(day):
    if day - 40 > 28:
        nik = f"711001{day:02d}0390"  # March has 31 days
        info = parse_nik(nik + "0001", today=TODAY)
    else:
        info = parse_nik(f"711001{day:02d}02900001", today=TODAY)
    assert info.jenis_kelamin == "PEREMPUAN" and info.tanggal_lahir.day == day - 40


def test_29_february_only_in_leap_years():
    assert parse_nik("7110012902000001", today=TODAY).tanggal_lahir == dt.date(2000, 2, 29)
    with pytest.raises(NikError, match="29 Februari"):
        parse_nik("7110012902010001", today=TODAY)


def test_make_nik_round_trips():
    born = dt.date(2008, 12, 31)
    nik = make_nik("711003", born, "PEREMPUAN", 42)
    info = parse_nik(nik, today=TODAY)
    assert (info.tanggal_lahir, info.jenis_kelamin, info.serial) == (born, "PEREMPUAN", 42)


def test_age_turns_on_the_birthday():
    assert age_on(dt.date(2009, 11, 27), TODAY) == 17
    assert age_on(dt.date(2009, 11, 28), TODAY) == 16
