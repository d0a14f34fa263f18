"""Rolling counters up to kecamatan and kabupaten; timelines and their durations."""

from __future__ import annotations

import datetime as dt

from ektp_dashboard.domain import progress, timeline
from ektp_dashboard.domain.blanks import next_state

KEC = {"71.10.01": "Tutuyan", "71.10.02": "Kotabunan"}
DESA = {"71.10.01.2001": "Tutuyan", "71.10.01.2002": "Kayumoyondi", "71.10.02.2001": "Kotabunan"}


def test_counters_roll_up_and_every_region_is_listed():
    rows = [
        ("71.10.01.2001", "target", 10), ("71.10.01.2002", "target", 5),
        ("71.10.01.2001", "status:BELUM_REKAM", 8), ("71.10.02.2001", "recorded", 3),
        ("", "recorded", 2), ("72.01.01.2001", "recorded", 1),
        ("71.10.01.2001", "field:PINDAH", 2),
    ]
    r = progress.roll_up(rows, kecamatan_names=KEC, desa_names=DESA)
    assert r["total"]["target"] == 15 and r["total"]["recorded"] == 6
    tutuyan, kotabunan = r["kecamatan"]
    assert tutuyan["target"] == 15 and tutuyan["by_status"]["BELUM_REKAM"] == 8
    assert tutuyan["field_checks"]["PINDAH"] == 2
    assert [d["target"] for d in tutuyan["desa"]] == [10, 5]
    assert kotabunan["recorded"] == 3 and kotabunan["target"] == 0
    assert r["lainnya"]["recorded"] == 3  # unknown desa and outside Boltim


def test_timeline_says_how_long_each_step_took_and_flags_a_stuck_resident():
    t0 = dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC)
    steps = [
        (t0 + dt.timedelta(hours=2), "central.submitted", "SENT_FOR_ENROLLMENT", {}),
        (t0, "enrollment.recorded", "SUDAH_REKAM", {}),
    ]
    now = t0 + dt.timedelta(days=5)
    t = timeline.build(steps, status="SENT_FOR_ENROLLMENT", status_since=t0 + dt.timedelta(
        hours=2), now=now, stuck_after=dt.timedelta(hours=72))
    assert [e.kind for e in t.entries] == ["enrollment.recorded", "central.submitted"]
    assert t.entries[0].took_seconds == 7200
    assert t.stuck and t.in_status_seconds == (5 * 24 - 2) * 3600
    done = timeline.build(steps, status="CARD_ISSUED", status_since=t0, now=now,
                          stuck_after=dt.timedelta(hours=1))
    assert not done.stuck


def test_human_durations_in_office_words():
    assert timeline.human_duration(3 * 86400 + 4 * 3600) == "3 hari 4 jam"
    assert timeline.human_duration(25 * 60) == "25 menit"
    assert timeline.human_duration(7200) == "2 jam"
    assert timeline.human_duration(5) == "5 detik"


def test_a_used_blank_is_not_revived_by_a_late_issue_but_a_return_moves_it():
    assert next_state("USED", "ISSUED") == "USED"
    assert next_state("IN_STORE", "ISSUED") == "ISSUED"
    assert next_state("ISSUED", "IN_STORE", explicit=True) == "IN_STORE"
    assert next_state(None, "USED") == "USED"


def test_each_print_room_step_shows_the_state_it_means():
    assert timeline.step_status("printing.job_queued") == "SENT_FOR_CARD_PRINTING"
    assert timeline.STEP_LABELS["printing.job_queued"] == "Masuk antrean cetak"
    assert timeline.step_status("printing.blank_spoiled") == "SENT_FOR_CARD_PRINTING"
    # A Suket moves no state: its line shows the state the resident is in.
    assert timeline.step_status("printing.suket_issued", current="SENT_FOR_ENROLLMENT") == (
        "SENT_FOR_ENROLLMENT")
