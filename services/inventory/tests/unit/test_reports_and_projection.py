"""Reconciliation arithmetic, the low-stock projection and the automatic issue rule."""

from __future__ import annotations

import datetime as dt

from ektp_inventory.domain import projection, reconciliation, stock_count
from ektp_inventory.domain.ledger import Kind, State

D1, D2, D3 = dt.date(2025, 11, 3), dt.date(2025, 11, 4), dt.date(2025, 11, 5)


def test_each_day_opens_on_the_previous_closing():
    rows = reconciliation.daily_rows(100, D1, D3, {
        D1: {Kind.RECEIVED: 50, Kind.ISSUED: 30},
        D3: {Kind.USED: 20, Kind.SPOILED: 5, Kind.DESTROYED: 5, Kind.RETURNED_TO_MINISTRY: 1},
    })
    assert [(r.opening, r.closing) for r in rows] == [(100, 150), (150, 150), (150, 124)]
    totals = reconciliation.totals(rows)
    assert totals["received"] == 50 and totals["used"] == 20 and totals["closing"] == 124


def test_issues_spoils_and_returns_to_store_move_blanks_inside_the_office():
    assert reconciliation.custody_change(
        {Kind.ISSUED: 10, Kind.SPOILED: 3, Kind.RETURNED_TO_STORE: 2}) == 0
    assert reconciliation.custody_change({Kind.ADJUSTED: 2, Kind.FOUND: 1}) == -1


def test_8000_waiting_and_7000_blanks_is_1000_short():
    p = projection.project(in_store=7000, in_print_room=0, backlog=8000, used_in_window=1400,
                           window_days=14, threshold=500)
    assert p.projected_shortfall == 1000 and p.low and not p.below_threshold
    assert p.print_rate_per_day == 100 and p.days_of_stock == 70
    assert projection.letter_quantity(p.projected_shortfall) == 1000
    assert projection.letter_quantity(1001) == 1100


def test_no_print_rate_means_no_days_of_stock():
    p = projection.project(in_store=10, in_print_room=0, backlog=0, used_in_window=0,
                           window_days=14, threshold=500)
    assert p.days_of_stock is None and p.below_threshold and p.low


def test_stock_low_is_not_repeated_until_things_move():
    p = projection.project(in_store=400, in_print_room=0, backlog=0, used_in_window=0,
                           window_days=14, threshold=500)
    assert projection.should_alert(p, None, step=100)
    assert not projection.should_alert(p, (450, 0), step=100)
    assert projection.should_alert(p, (500, 0), step=100)


def test_automatic_issue_is_bounded_by_the_maximum_and_the_store():
    q = projection.auto_issue_quantity
    assert q(wanted=300, on_hand_reported=10, issued_in_ledger=10, in_store=5000,
             max_per_issue=200) == 200
    assert q(wanted=300, on_hand_reported=10, issued_in_ledger=10, in_store=50,
             max_per_issue=200) == 50
    # 100 already on their way (issued, not yet counted by the print room): send the rest.
    assert q(wanted=150, on_hand_reported=10, issued_in_ledger=110, in_store=5000,
             max_per_issue=200) == 50
    assert q(wanted=100, on_hand_reported=0, issued_in_ledger=100, in_store=5000,
             max_per_issue=200) == 0


def test_a_count_by_serial_tells_missing_found_misplaced_and_unknown():
    d = stock_count.by_serial(
        "store", counted=["A1", "A2", "A4", "A5", "ZZ9"], expected_here=["A1", "A2", "A3"],
        states_of_counted={"A1": State.IN_STORE, "A2": State.IN_STORE,
                           "A4": State.ADJUSTED, "A5": State.USED},
    )
    assert d.missing == ["A3"] and d.found == ["A4"] and d.misplaced == {"A5": "USED"}
    assert d.unknown == ["ZZ9"] and not d.matches
    assert stock_count.adjustments(d) == [
        (Kind.ADJUSTED, ["A3"], State.ADJUSTED), (Kind.FOUND, ["A4"], State.IN_STORE)]
