"""The ledger's rules, without a database: what may move, and what goes to exceptions."""

from __future__ import annotations

from ektp_inventory.domain.ledger import Kind, Ledger, State, invariant_holds, plan


def blanks(n: int, start: int = 1) -> list[str]:
    return [f"BLK{i:07d}" for i in range(start, start + n)]


def test_a_shipment_goes_into_the_store():
    ledger = Ledger()
    ledger.apply(Kind.RECEIVED, blanks(5))
    assert ledger.by_state()[State.IN_STORE] == 5
    assert invariant_holds(ledger.received, ledger.by_state())


def test_a_serial_cannot_be_received_twice():
    ledger = Ledger()
    ledger.apply(Kind.RECEIVED, blanks(3))
    p = ledger.apply(Kind.RECEIVED, blanks(2, start=3))
    assert [r.serial for r in p.refused] == ["BLK0000003"]
    assert "already received" in p.refused[0].reason
    assert ledger.received == 3  # all or nothing: BLK0000004 was not received either


def test_only_issued_blanks_can_be_printed_on():
    ledger = Ledger()
    ledger.apply(Kind.RECEIVED, blanks(2))
    ledger.apply(Kind.ISSUED, blanks(1))
    p = ledger.apply(Kind.USED, blanks(2), all_or_nothing=False)
    assert p.serials == ["BLK0000001"]
    assert p.refused[0].serial == "BLK0000002" and p.refused[0].state is State.IN_STORE
    assert ledger.exceptions == list(p.refused)


def test_a_second_print_report_of_one_blank_is_not_counted_again():
    ledger = Ledger()
    ledger.apply(Kind.RECEIVED, blanks(1))
    ledger.apply(Kind.ISSUED, blanks(1))
    ledger.apply(Kind.USED, blanks(1), all_or_nothing=False)
    again = ledger.apply(Kind.USED, blanks(1), all_or_nothing=False)
    assert again.moves == () and "already USED" in again.refused[0].reason
    assert ledger.by_state()[State.USED] == 1


def test_an_unknown_serial_is_refused_with_a_reason_a_clerk_understands():
    p = plan(Kind.USED, ["XYZ999"], {})
    assert p.refused[0].state is None and "never received" in p.refused[0].reason


def test_a_serial_named_twice_in_one_request_moves_once():
    p = plan(Kind.ISSUED, ["A001", "A001"], {"A001": State.IN_STORE})
    assert p.serials == ["A001"] and p.refused[0].reason.startswith("serial named twice")


def test_only_spoiled_blanks_are_destroyed():
    ledger = Ledger()
    ledger.apply(Kind.RECEIVED, blanks(2))
    ledger.apply(Kind.ISSUED, blanks(2))
    ledger.apply(Kind.SPOILED, blanks(1), all_or_nothing=False)
    assert ledger.apply(Kind.DESTROYED, blanks(2)).refused[0].serial == "BLK0000002"
    assert ledger.apply(Kind.DESTROYED, blanks(1)).serials == ["BLK0000001"]


def test_returns_go_print_room_to_store_and_store_to_ministry():
    ledger = Ledger()
    ledger.apply(Kind.RECEIVED, blanks(3))
    ledger.apply(Kind.ISSUED, blanks(2))
    assert ledger.apply(Kind.RETURNED_TO_STORE, blanks(1)).serials == ["BLK0000001"]
    assert ledger.apply(Kind.RETURNED_TO_MINISTRY, ["BLK0000002"]).refused  # still ISSUED
    assert ledger.apply(Kind.RETURNED_TO_MINISTRY, ["BLK0000003"]).serials == ["BLK0000003"]
    assert ledger.by_state() == {
        State.IN_STORE: 1, State.ISSUED: 1, State.USED: 0, State.SPOILED: 0,
        State.DESTROYED: 0, State.RETURNED: 1, State.ADJUSTED: 0,
    }


def test_adjusted_counts_in_the_invariant():
    ledger = Ledger()
    ledger.apply(Kind.RECEIVED, blanks(4))
    ledger.apply(Kind.ADJUSTED, blanks(1))
    by_state = ledger.by_state()
    assert by_state[State.ADJUSTED] == 1
    assert invariant_holds(4, by_state)
    assert not invariant_holds(4, {**by_state, State.ADJUSTED: 0})
