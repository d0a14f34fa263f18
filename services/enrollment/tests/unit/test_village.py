"""The village mode's rules without a database: what a device signs, and when a field check
must wait for the supervisor."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from nacl.signing import SigningKey

from ektp_enrollment.domain.errors import Refused
from ektp_enrollment.domain.recording import LatestFieldCheck
from ektp_enrollment.domain.village import (
    canonical_bytes,
    check_conflict,
    check_decision,
    conflict_choices,
    verify_record,
)

KEY = SigningKey.generate()
PUBLIC = base64.b64encode(bytes(KEY.verify_key)).decode()


def signed(record: dict) -> dict:
    return {**record, "signature": base64.b64encode(KEY.sign(canonical_bytes(record)).signature
                                                    ).decode()}


def test_the_signed_bytes_are_the_sorted_compact_json_without_the_signature():
    record = {"b": 1, "a": {"z": "é", "y": [1.5, None]}, "signature": "x"}
    assert canonical_bytes(record) == '{"a":{"y":[1.5,null],"z":"é"},"b":1}'.encode()


def test_a_record_verifies_only_unchanged_and_with_its_own_key():
    record = signed({"record_id": "r1", "data": {"nik": "1", "outcome": "DITEMUKAN"}})
    verify_record(record, PUBLIC)
    changed = {**record, "data": {"nik": "1", "outcome": "MENINGGAL"}}
    other = base64.b64encode(bytes(SigningKey.generate().verify_key)).decode()
    for bad, key in ((changed, PUBLIC), (record, other), ({**record, "signature": "%%"}, PUBLIC),
                     ({k: v for k, v in record.items() if k != "signature"}, PUBLIC)):
        with pytest.raises(Refused) as refused:
            verify_record(bad, key)
        assert refused.value.errors[0].field == "signature"


LATEST = LatestFieldCheck("c1", "MENINGGAL", dt.datetime(2026, 11, 1, tzinfo=dt.UTC), "dedi")


@pytest.mark.parametrize(("officer", "outcome", "recorded", "open_conflict", "expected"), [
    ("sari", "DITEMUKAN", False, False, "OUTCOME_DIFFERS"),   # another officer disagrees
    ("dedi", "DITEMUKAN", False, False, None),                # the same officer corrects
    ("sari", "MENINGGAL", False, False, None),                # another officer agrees
    ("sari", "MENINGGAL", False, True, "OUTCOME_DIFFERS"),    # a dispute is open: it joins
    ("sari", "PINDAH", True, False, "ALREADY_RECORDED"),      # closes a recorded resident
    ("sari", "DITEMUKAN", True, False, "OUTCOME_DIFFERS"),
])
def test_when_a_check_waits_for_the_supervisor(officer, outcome, recorded, open_conflict,
                                                expected):
    assert check_conflict(officer=officer, outcome=outcome, latest=LATEST, recorded=recorded,
                          open_conflict=open_conflict) == expected
    assert check_conflict(officer=officer, outcome="DITEMUKAN", latest=None, recorded=False,
                          open_conflict=False) is None


def test_a_decision_is_one_of_the_choices_and_has_a_reason():
    choices = conflict_choices("OUTCOME_DIFFERS", ["MENINGGAL", "DITEMUKAN", "MENINGGAL"])
    assert choices == ["DITEMUKAN", "MENINGGAL"]
    check_decision(choices, "DITEMUKAN", "kepala desa membenarkan")
    for decision, reason, field in (("PINDAH", "x", "decision"), ("DITEMUKAN", " ", "reason")):
        with pytest.raises(Refused) as refused:
            check_decision(choices, decision, reason)
        assert refused.value.errors[0].field == field
