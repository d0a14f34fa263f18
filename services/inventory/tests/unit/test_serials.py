from __future__ import annotations

import pytest

from ektp_inventory.domain.serials import SerialError, SerialRange, collect, parse_uid_file


def test_a_range_expands_keeping_its_zeros():
    assert SerialRange("blk0098", "BLK0101").expand(100) == [
        "BLK0098", "BLK0099", "BLK0100", "BLK0101"]


@pytest.mark.parametrize(("first", "last", "words"), [
    ("BLK0010", "BLK0001", "before the first"),
    ("BLK0001", "XYZ0002", "same prefix"),
    ("BLK001", "BLK0002", "same prefix and number of digits"),
    ("BLK1A", "BLK2A", "end in digits"),
])
def test_bad_ranges_say_what_is_wrong(first, last, words):
    with pytest.raises(SerialError, match=words):
        SerialRange(first, last).expand(1000)


def test_a_request_is_bounded():
    with pytest.raises(SerialError, match="at most 10"):
        collect([], [SerialRange("A0001", "A0020")], limit=10)


def test_serials_listed_twice_are_named():
    with pytest.raises(SerialError, match="A0002"):
        collect(["A0002"], [SerialRange("A0001", "A0003")], limit=10)


def test_a_file_of_chip_uids_with_a_header_and_comments():
    text = "uid,box\n# box 1\n04a1b2c3d4e5f6,1\n\n04A1B2C3D4E5F7;2\n"
    assert parse_uid_file(text) == ["04A1B2C3D4E5F6", "04A1B2C3D4E5F7"]


def test_a_bad_line_in_the_file_names_its_line_number():
    with pytest.raises(SerialError, match="line 3"):
        parse_uid_file("04A1B2C3D4E5F6\n04A1B2C3D4E5F7\nnot a uid!\n")
