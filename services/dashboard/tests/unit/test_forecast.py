"""The forecast: will the backlog be done by 31 December, and what would change it."""

from __future__ import annotations

import datetime as dt

from ektp_dashboard.domain import forecast as fc

TODAY = dt.date(2026, 11, 1)
DEADLINE = dt.date(2026, 12, 31)  # 60 days left


def situation(**kw) -> fc.Situation:
    base = dict(today=TODAY, deadline=DEADLINE, to_record=1000, in_pipeline=0,
                awaiting_print=2000, record_rate=100.0, print_rate=50.0, printers_working=3,
                blanks_available=10_000)
    base.update(kw)
    return fc.Situation(**base)


def test_printing_is_the_bottleneck_and_sets_the_date():
    f = fc.forecast(situation())
    # 3000 cards at 50/day = 60 days; recording needs 10.
    assert f.current.cards_needed == 3000
    assert f.current.finish_date == TODAY + dt.timedelta(days=60)
    assert f.current.on_time is True


def test_one_more_printer_brings_the_date_forward_by_its_share():
    f = fc.forecast(situation(awaiting_print=5000))  # 6000 cards: 120 days, late
    assert f.current.on_time is False
    plus = next(o for o in f.scenarios if o.label == "+1 printer")
    # 4 printers at 50/3 each: 66.67/day -> 90 days
    assert plus.finish_date == TODAY + dt.timedelta(days=90)
    assert f.print_rate_needed == 100.0 and f.printers_needed == 6


def test_too_few_blanks_means_no_finish_date_until_more_arrive():
    f = fc.forecast(situation(blanks_available=2500))
    assert f.current.finish_date is None and f.current.blank_shortfall == 500
    assert "blangko kurang 500" in f.current.reason
    more = next(o for o in f.scenarios if o.label == "+500 blangko")
    assert more.finish_date == TODAY + dt.timedelta(days=60) and more.on_time


def test_asked_for_a_number_of_blanks_it_uses_that_number():
    f = fc.forecast(situation(blanks_available=2500), extra_blanks=200)
    more = next(o for o in f.scenarios if o.label == "+200 blangko")
    assert more.finish_date is None and more.blank_shortfall == 300


def test_duplicates_lower_the_cards_still_owed():
    s = situation(to_record=1000, in_pipeline=1000, awaiting_print=0, prr_share=0.9)
    assert fc.cards_needed(s) == 1800


def test_recording_slower_than_printing_sets_the_date():
    f = fc.forecast(situation(to_record=3000, record_rate=40.0, awaiting_print=0,
                              print_rate=500.0))
    assert f.current.finish_date == TODAY + dt.timedelta(days=75)
    assert f.current.on_time is False


def test_no_printing_yet_says_so_instead_of_dividing_by_zero():
    f = fc.forecast(situation(print_rate=0.0))
    assert f.current.finish_date is None and "laju cetak 0" in f.current.reason
    assert not any(o.label == "+1 printer" for o in f.scenarios)


def test_nothing_left_is_done_today():
    f = fc.forecast(situation(to_record=0, awaiting_print=0, record_rate=0.0, print_rate=0.0))
    assert f.current.finish_date == TODAY and f.current.on_time


def test_daily_rate_over_the_window_and_for_a_young_office():
    days = {TODAY - dt.timedelta(days=i): 10 for i in range(10)}
    assert fc.daily_rate(days, today=TODAY, window_days=7) == 10.0
    young = {TODAY - dt.timedelta(days=1): 30, TODAY: 10}
    assert fc.daily_rate(young, today=TODAY, window_days=7) == 20.0
    assert fc.daily_rate({}, today=TODAY, window_days=7) == 0.0
    old = {TODAY - dt.timedelta(days=30): 500}
    assert fc.daily_rate(old, today=TODAY, window_days=7) == 0.0
