"""The print room's rules, with no database and no Kafka."""

from __future__ import annotations

import datetime as dt

import pytest

from ektp_printing.domain.blanks import BlankView, blanks_low, plan_arrival, plan_return
from ektp_printing.domain.dispatch import next_for_printer, plan_dispatch
from ektp_printing.domain.jobs import JobStateError, PrintJob, check_transition
from ektp_printing.domain.printers import (
    PrinterLoad,
    PrinterStats,
    PrinterStatusError,
    check_status_change,
    least_loaded,
)
from ektp_printing.domain.priority import PriorityRules, age_on, job_priority
from ektp_printing.domain.suket import (
    SuketRefused,
    add_months,
    check_code,
    check_eligible,
    is_valid,
    is_verifiable,
    mask_name,
    status,
    suket_number,
    valid_until,
)


def job(i: int, priority: int = 0, **kw: object) -> PrintJob:
    return PrintJob(id=f"j{i}", status=str(kw.pop("status", "QUEUED")), priority=priority,
                    seq=i, **kw)  # type: ignore[arg-type]


PRINTERS = [
    PrinterLoad("p1", "Printer 1", "ONLINE", 0),
    PrinterLoad("p2", "Printer 2", "ONLINE", 0),
    PrinterLoad("p3", "Printer 3", "ONLINE", 0),
    PrinterLoad("p4", "Printer 4", "BROKEN", 0),
]


# --- lifecycle --------------------------------------------------------------------------


@pytest.mark.parametrize(("current", "wanted"), [
    ("QUEUED", "PRINTING"), ("QUEUED", "WAITING_FOR_BLANK"), ("WAITING_FOR_BLANK", "QUEUED"),
    ("PRINTING", "PRINTED"), ("PRINTING", "SPOILED"), ("PRINTING", "NEEDS_CHECK"),
    ("NEEDS_CHECK", "PRINTED"), ("NEEDS_CHECK", "SPOILED"), ("PRINTED", "ISSUED"),
])
def test_the_lifecycle_allows_the_office_steps(current: str, wanted: str) -> None:
    check_transition("j", current, wanted)


@pytest.mark.parametrize(("current", "wanted"), [
    ("QUEUED", "PRINTED"), ("WAITING_FOR_BLANK", "PRINTING"), ("PRINTED", "SPOILED"),
    ("SPOILED", "PRINTED"), ("ISSUED", "PRINTED"), ("NEEDS_CHECK", "ISSUED"),
    ("PRINTED", "PRINTED"),
])
def test_the_lifecycle_refuses_shortcuts(current: str, wanted: str) -> None:
    with pytest.raises(JobStateError, match=f"is {current}; it cannot become {wanted}"):
        check_transition("j", current, wanted)


def test_a_job_cannot_start_without_blank_or_printer() -> None:
    with pytest.raises(JobStateError):
        job(1).start()
    j = job(1, blank_serial="B1")
    with pytest.raises(JobStateError):
        j.start()
    j.printer_id = "p1"
    j.start()
    assert j.status == "PRINTING"


def test_a_returned_blank_sends_its_job_back_to_the_queue() -> None:
    j = job(1, blank_serial="B1", printer_id="p1")
    assert j.release_blank() == "B1"
    assert (j.status, j.blank_serial, j.printer_id) == ("QUEUED", None, None)
    printing = job(2, blank_serial="B2", printer_id="p1", status="PRINTING")
    with pytest.raises(JobStateError):
        printing.release_blank()


# --- dispatch ---------------------------------------------------------------------------


def test_jobs_take_blanks_in_priority_then_arrival_order() -> None:
    jobs = [job(1), job(2, priority=10), job(3), job(4, priority=10)]
    changed = {j.id: j for j in plan_dispatch(jobs, ["B2", "B1", "B3"], PRINTERS)}
    assert changed["j2"].blank_serial == "B1"  # highest priority, first to arrive
    assert changed["j4"].blank_serial == "B2"
    assert changed["j1"].blank_serial == "B3"
    assert changed["j3"].status == "WAITING_FOR_BLANK"
    assert changed["j3"].blank_serial is None


def test_work_is_spread_to_the_least_loaded_online_printer() -> None:
    loads = [
        PrinterLoad("p1", "Printer 1", "ONLINE", 2),
        PrinterLoad("p2", "Printer 2", "ONLINE", 0),
        PrinterLoad("p3", "Printer 3", "ONLINE", 1),
        PrinterLoad("p4", "Printer 4", "BROKEN", 0),
    ]
    changed = plan_dispatch([job(i) for i in range(1, 7)], [f"B{i}" for i in range(6)], loads)
    given = [j.printer_id for j in sorted(changed, key=lambda j: j.seq)]
    assert "p4" not in given
    # p2 catches up to p3, both to p1, then round the three
    assert given == ["p2", "p2", "p3", "p1", "p2", "p3"]


def test_without_an_online_printer_jobs_keep_their_blank_and_wait() -> None:
    offline = [PrinterLoad("p1", "Printer 1", "OFFLINE", 0)]
    (j,) = plan_dispatch([job(1)], ["B1"], offline)
    assert (j.status, j.blank_serial, j.printer_id) == ("QUEUED", "B1", None)
    assert least_loaded(offline) is None


def test_jobs_of_a_printer_that_went_down_move_with_their_blank() -> None:
    moved = job(1, blank_serial="B7")  # its printer_id was cleared when the printer broke
    (j,) = plan_dispatch([moved], [], PRINTERS)
    assert j.blank_serial == "B7" and j.printer_id == "p1"


def test_nothing_changes_when_there_is_nothing_to_do() -> None:
    waiting = job(1, status="WAITING_FOR_BLANK")
    assert plan_dispatch([waiting], [], PRINTERS) == []


def test_a_reprint_takes_the_blank_of_the_last_job_in_the_queue() -> None:
    queued = [job(1, blank_serial="B1", printer_id="p1"), job(2, blank_serial="B2",
                                                                printer_id="p2")]
    reprint = job(3, priority=100)
    changed = {j.id: j for j in plan_dispatch([*queued, reprint], [], PRINTERS)}
    assert changed["j3"].blank_serial == "B2" and changed["j3"].printer_id == "p2"
    assert (changed["j2"].status, changed["j2"].blank_serial, changed["j2"].printer_id) == (
        "WAITING_FOR_BLANK", None, None)
    assert "j1" not in changed


def test_a_free_printer_takes_its_most_urgent_job() -> None:
    queued = [job(1, blank_serial="B1"), job(2, 5, blank_serial="B2"), job(3, 9)]
    nxt = next_for_printer(queued)
    assert nxt is not None and nxt.id == "j2"  # j3 has no blank yet
    assert next_for_printer([]) is None


# --- printers ---------------------------------------------------------------------------


def test_a_printer_broken_beyond_repair_only_goes_to_repair() -> None:
    check_status_change("P4", "BROKEN", "IN_REPAIR")
    with pytest.raises(PrinterStatusError, match="can only become IN_REPAIR"):
        check_status_change("P4", "BROKEN", "ONLINE")
    with pytest.raises(PrinterStatusError, match="already ONLINE"):
        check_status_change("P1", "ONLINE", "ONLINE")


def test_spoil_rate_counts_spoiled_among_all_prints() -> None:
    assert PrinterStats(printed=95, spoiled=5, breakdowns=1, repairs=1).spoil_rate == 0.05
    assert PrinterStats(0, 0, 0, 0).spoil_rate == 0.0


# --- priority ---------------------------------------------------------------------------


def test_age_counts_whole_years() -> None:
    assert age_on(dt.date(1960, 6, 15), dt.date(2020, 6, 14)) == 59
    assert age_on(dt.date(1960, 6, 15), dt.date(2020, 6, 15)) == 60


def test_the_elderly_and_first_time_holders_go_first_when_configured() -> None:
    today = dt.date(2025, 3, 1)
    before_election = PriorityRules(reprint=100, elderly=10, elderly_age=60, first_time=20)
    young = job_priority(before_election, tanggal_lahir=dt.date(2000, 1, 1), today=today,
                         first_time=False)
    elderly = job_priority(before_election, tanggal_lahir=dt.date(1950, 1, 1), today=today,
                           first_time=False)
    first = job_priority(before_election, tanggal_lahir=dt.date(2000, 1, 1), today=today,
                         first_time=True)
    reprint = job_priority(before_election, tanggal_lahir=dt.date(2000, 1, 1), today=today,
                           first_time=False, reprint=True)
    assert young < elderly < first < reprint
    ordinary = PriorityRules(first_time=0)
    assert job_priority(ordinary, tanggal_lahir=dt.date(2000, 1, 1), today=today,
                        first_time=True) == 0


# --- blanks -----------------------------------------------------------------------------


def test_returning_blanks_frees_reserved_ones_and_refuses_used_ones() -> None:
    known = {
        "B1": BlankView("B1", "ON_HAND", None, None),
        "B2": BlankView("B2", "ON_HAND", "j2", "QUEUED"),
        "B3": BlankView("B3", "ON_HAND", "j3", "PRINTING"),
        "B4": BlankView("B4", "USED", "j4", "PRINTED"),
    }
    plan = plan_return(["B1", "B2", "B3", "B4", "B9", "B1"], known)
    assert plan.returned == ["B1", "B2"]
    assert plan.jobs_released == ["j2"]
    assert set(plan.refused) == {"B3", "B4", "B9"}


def test_blanks_arriving_twice_count_once() -> None:
    known = {"B1": BlankView("B1", "ON_HAND", None, None),
             "B2": BlankView("B2", "RETURNED", None, None),
             "B3": BlankView("B3", "USED", "j", "PRINTED")}
    assert plan_arrival(["B1", "B2", "B3", "B4", "B4"], known) == ["B2", "B4"]


def test_blanks_low_is_announced_once_per_shortage() -> None:
    assert blanks_low(5, 20, was_low=False).publish
    assert not blanks_low(4, 20, was_low=True).publish
    refilled = blanks_low(30, 20, was_low=True)
    assert not refilled.now_low and not refilled.publish


# --- Suket ------------------------------------------------------------------------------


def test_a_suket_is_valid_six_months_to_the_day_or_the_month_end() -> None:
    assert valid_until(dt.date(2025, 1, 15)) == dt.date(2025, 7, 15)
    assert valid_until(dt.date(2025, 8, 31)) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert is_valid(dt.date(2025, 7, 15), dt.date(2025, 7, 15))
    assert not is_valid(dt.date(2025, 7, 15), dt.date(2025, 7, 16))


def test_suket_numbers_fit_in_a_url_and_cannot_be_guessed_from_their_neighbours() -> None:
    assert suket_number("71.10", dt.date(2025, 5, 2), 42, "7KQ4M2XA9P") == \
        "SKT-7110-2025-000042-7KQ4M2XA9P"
    codes = {check_code() for _ in range(200)}
    assert len(codes) == 200 and all(len(c) == 10 for c in codes)
    assert is_verifiable(suket_number("71.10", dt.date(2025, 5, 2), 43, check_code()))
    # The running number alone, or a wrong alphabet, is not a number the public can check.
    assert not is_verifiable("SKT-7110-2025-000042")
    assert not is_verifiable("SKT-7110-2025-000042-7KQ4M2XA9O")


def test_a_suket_check_shows_a_name_only_masked() -> None:
    assert mask_name("Budi  Lantong") == "B*** L******"
    assert status(dt.date(2025, 7, 15), False, dt.date(2025, 7, 15)) == "VALID"
    assert status(dt.date(2025, 7, 15), False, dt.date(2025, 7, 16)) == "EXPIRED"
    assert status(dt.date(2025, 7, 15), True, dt.date(2025, 7, 1)) == "REVOKED"


def test_a_suket_only_for_residents_sent_to_the_centre_without_a_card() -> None:
    check_eligible("7110014501900001", "SENT_FOR_ENROLLMENT", None)
    check_eligible("7110014501900001", "PRINT_READY_RECORD", "WAITING_FOR_BLANK")
    with pytest.raises(SuketRefused, match="hand over the card"):
        check_eligible("7110014501900001", "PRINT_READY_RECORD", "PRINTED")
    with pytest.raises(SuketRefused, match="unknown to the print room"):
        check_eligible("7110014501900001", None, None)
