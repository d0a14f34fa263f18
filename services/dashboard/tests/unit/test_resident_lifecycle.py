"""A resident's status as the events arrive, in order and out of order."""

from __future__ import annotations

import datetime as dt

from ektp_dashboard.domain import resident as res
from ektp_dashboard.domain.resident import Resident, contributions

T0 = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
NIK = "7110014508900001"
DESA = "71.10.01.2001"


def at(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


def on_roster() -> Resident:
    return res.roster_entry(Resident(nik=NIK), nama="Siti", kode_desa=DESA, at=at(0))


def test_the_whole_road_from_roster_to_handover():
    r = on_roster()
    assert r.status == "BELUM_REKAM" and "lacking" in contributions(r)
    r = res.recorded(r, enrollment_id="E1", nama="Siti Aminah", kode_desa=DESA, at=at(1))
    r = res.submitted(r, enrollment_id="E1", at=at(2))
    r = res.verdict(r, status=res.PRINT_READY_RECORD, at=at(30))
    r = res.printed(r, at=at(50))
    r = res.issued(r, at=at(70))
    assert r.status == "CARD_ISSUED" and r.status_since == at(70)
    assert r.milestones == {"recorded", "sent", "print_ready", "printed", "issued"}
    c = contributions(r)
    assert "lacking" not in c and "target" in c and "status:CARD_ISSUED" in c
    assert r.nama == "Siti Aminah"


def test_a_card_printed_before_its_verdict_arrives_is_not_undone_by_it():
    # Printing's topic may be read before the centre's: the late verdict must not go back.
    r = res.printed(on_roster(), at=at(5))
    r = res.verdict(r, status=res.PRINT_READY_RECORD, at=at(3))
    assert r.status == "CARD_PRINTED"
    assert {"printed", "print_ready"} <= r.milestones


def test_a_failed_submission_sent_again_goes_back_to_waiting_for_the_centre():
    r = res.submitted(on_roster(), enrollment_id="E1", at=at(1))
    r = res.verdict(r, status=res.ENROLL_FAILURE, at=at(2))
    assert r.status == "ENROLL_FAILURE"
    r = res.submitted(r, enrollment_id="E1", at=at(3))
    assert r.status == "SENT_FOR_ENROLLMENT" and r.status_since == at(3)
    r = res.verdict(r, status=res.PRINT_READY_RECORD, at=at(4))
    assert r.status == "PRINT_READY_RECORD" and "failed" in r.milestones


def test_field_check_closes_only_residents_not_yet_recorded():
    moved = res.field_checked(on_roster(), outcome="PINDAH", kode_desa=None, at=at(1))
    assert moved.status == "PINDAH" and "lacking" not in contributions(moved)
    assert "field:PINDAH" in contributions(moved)
    found_again = res.field_checked(moved, outcome="DITEMUKAN", kode_desa=None, at=at(2))
    assert found_again.status == "BELUM_REKAM" and "lacking" in contributions(found_again)
    recorded = res.recorded(on_roster(), enrollment_id="E", nama="S", kode_desa=DESA, at=at(1))
    late_check = res.field_checked(recorded, outcome="MENINGGAL", kode_desa=None, at=at(2))
    assert late_check.status == "SUDAH_REKAM" and late_check.field_outcome == "MENINGGAL"


def test_a_closed_resident_who_turns_up_and_records_is_counted_as_recorded():
    r = res.field_checked(on_roster(), outcome="TIDAK_DITEMUKAN", kode_desa=None, at=at(1))
    r = res.recorded(r, enrollment_id="E", nama="S", kode_desa=DESA, at=at(2))
    assert r.status == "SUDAH_REKAM" and "lacking" in contributions(r)


def test_a_print_job_puts_the_resident_in_the_print_room():
    r = res.verdict(on_roster(), status=res.PRINT_READY_RECORD, at=at(1))
    r = res.job_queued(r, enrollment_id="E1", at=at(2))
    assert r.status == "SENT_FOR_CARD_PRINTING" and r.status_since == at(2)
    assert "status:SENT_FOR_CARD_PRINTING" in contributions(r)
    assert "lacking" in contributions(r)  # no card in hand yet
    # A reprint after a spoiled blank: still in the print room, since the first job.
    r = res.spoiled(r, at=at(3))
    r = res.job_queued(r, enrollment_id="E1", at=at(3))
    assert r.status == "SENT_FOR_CARD_PRINTING" and r.status_since == at(2)
    r = res.printed(r, at=at(4))
    assert r.status == "CARD_PRINTED"


def test_a_late_job_announcement_does_not_undo_a_printed_or_issued_card():
    # card_printed is keyed by the blank, job_queued by the NIK: they may arrive either way.
    r = res.printed(res.verdict(on_roster(), status=res.PRINT_READY_RECORD, at=at(1)), at=at(3))
    late = res.job_queued(r, enrollment_id="E1", at=at(2))
    assert (late.status, late.status_since) == ("CARD_PRINTED", at(3))
    assert contributions(late) == contributions(r)
    issued = res.issued(r, at=at(5))
    assert res.job_queued(issued, enrollment_id="E1", at=at(2)).status == "CARD_ISSUED"
    # ... and a late print-ready verdict does not pull a queued resident back.
    queued = res.job_queued(on_roster(), enrollment_id="E1", at=at(2))
    assert queued.status == "SENT_FOR_CARD_PRINTING" and queued.enrollment_id == "E1"
    again = res.verdict(queued, status=res.PRINT_READY_RECORD, at=at(1))
    assert again.status == "SENT_FOR_CARD_PRINTING" and "print_ready" in again.milestones


def test_a_spoil_read_before_the_jobs_announcement_still_means_the_print_room():
    r = res.spoiled(res.verdict(on_roster(), status=res.PRINT_READY_RECORD, at=at(1)), at=at(3))
    assert r.status == "SENT_FOR_CARD_PRINTING"
    assert res.job_queued(r, enrollment_id="E1", at=at(2)).status == "SENT_FOR_CARD_PRINTING"


def test_a_suket_is_counted_but_does_not_say_a_print_job_exists():
    # The print room gives a Suket to a resident still waiting for the centre: that
    # resident is not in the print room, and a later bad verdict must still show.
    r = res.submitted(on_roster(), enrollment_id="E1", at=at(1))
    r = res.suket_issued(r, at=at(2))
    assert r.status == "SENT_FOR_ENROLLMENT" and "suket" in r.milestones
    assert "suket" in contributions(r)
    assert res.verdict(r, status=res.DUPLICATE_RECORD, at=at(3)).status == "DUPLICATE_RECORD"
    waiting = res.suket_issued(res.verdict(on_roster(), status=res.PRINT_READY_RECORD,
                                           at=at(1)), at=at(2))
    assert waiting.status == "PRINT_READY_RECORD" and waiting.status_since == at(1)
    # Heard of first through the Suket: at least sent to the centre.
    stranger = res.suket_issued(Resident(nik=NIK), at=at(2))
    assert stranger.status == "SENT_FOR_ENROLLMENT" and stranger.status_since == at(2)


def test_first_event_about_an_unknown_resident_sets_its_status():
    r = res.submitted(Resident(nik=NIK), enrollment_id="E9", at=at(1))
    assert r.status == "SENT_FOR_ENROLLMENT" and r.enrollment_id == "E9"
    assert "target" not in contributions(r)  # not on the roster: not part of the target


def test_duplicate_then_a_good_verdict_ends_print_ready():
    r = res.verdict(on_roster(), status=res.DUPLICATE_RECORD, at=at(1))
    r = res.verdict(r, status=res.PRINT_READY_RECORD, at=at(2))
    assert r.status == "PRINT_READY_RECORD"


def test_a_late_copy_of_the_recording_does_not_reopen_a_failure():
    r = res.submitted(on_roster(), enrollment_id="E1", at=at(2))
    r = res.verdict(r, status=res.ENROLL_FAILURE, at=at(3))
    r = res.recorded(r, enrollment_id="E1", nama="S", kode_desa=DESA, at=at(1))
    assert r.status == "ENROLL_FAILURE" and "recorded" in r.milestones
