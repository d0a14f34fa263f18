"""The ledger property (tests/ledger_property.py) on the in-memory reference model; the
same property runs against the PostgreSQL ledger in tests/integration."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ledger_property import run_office

from ektp_inventory.domain.ledger import Ledger

SERIALS = [f"BLK{i:04d}" for i in range(12)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_ledger_balances_whatever_happens(data):
    run_office(data, Ledger(), SERIALS)
