import datetime as dt

import pytest

from ektp_shared.envelope import CloudEvent, EnvelopeError
from ektp_shared.events import BY_CE_TYPE, EVENT_TYPES, CentralDuplicate, InventoryIssued


def test_round_trip_through_kafka_binary_mode():
    data = CentralDuplicate(enrollment_id="e1", nik="7110014501900001",
                            duplicate_of="7110010101900002")
    event = CloudEvent.wrap(data, "sync")
    headers = dict(event.headers())
    assert headers["ce_specversion"] == b"1.0"
    assert headers["ce_type"] == b"id.go.dukcapil.ektp.central.duplicate.v1"
    assert headers["ce_subject"] == b"7110014501900001"
    assert headers["content-type"] == b"application/json"
    back = CloudEvent.from_kafka(event.key.encode(), event.value(), event.headers())
    assert back.id == event.id and back.key == "7110014501900001"
    assert back.payload() == data


def test_batch_events_are_keyed_by_reference():
    event = CloudEvent.wrap(InventoryIssued(reference="KELUAR-1", serials=["A1", "A2"]), "inv")
    assert event.key == "KELUAR-1"


def test_every_type_is_registered_once_with_the_design_prefix():
    assert len(BY_CE_TYPE) == len(EVENT_TYPES) == 20
    assert all(t.startswith("id.go.dukcapil.ektp.") and t.endswith(".v1") for t in BY_CE_TYPE)


@pytest.mark.parametrize(
    ("value", "headers", "message"),
    [
        (b"{}", [], "missing CloudEvents headers"),
        (b"{oops", [("ce_specversion", b"1.0"), ("ce_id", b"1"), ("ce_source", b"s"),
                    ("ce_type", b"t")], "not JSON"),
        (b"[]", [("ce_specversion", b"1.0"), ("ce_id", b"1"), ("ce_source", b"s"),
                 ("ce_type", b"t")], "not a JSON object"),
        (b"{}", [("ce_specversion", b"0.3"), ("ce_id", b"1"), ("ce_source", b"s"),
                 ("ce_type", b"t")], "unsupported ce_specversion"),
    ],
)
def test_malformed_messages_are_refused(value, headers, message):
    with pytest.raises(EnvelopeError, match=message):
        CloudEvent.from_kafka(b"k", value, headers)


def test_data_that_breaks_the_contract_is_refused():
    event = CloudEvent(id="1", type=CentralDuplicate.ce_type(), source="s",
                       time=dt.datetime.now(dt.UTC), subject=None, key="k", data={"nik": "1"})
    with pytest.raises(EnvelopeError, match="does not match the contract"):
        event.payload()
