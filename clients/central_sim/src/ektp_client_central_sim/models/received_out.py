from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReceivedOut")


@_attrs_define
class ReceivedOut:
    """
    Attributes:
        enrollment_id (str):
        nik (str):
        received_seq (int):
        times_received (int):
        verdict (str):
    """

    enrollment_id: str
    nik: str
    received_seq: int
    times_received: int
    verdict: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enrollment_id = self.enrollment_id

        nik = self.nik

        received_seq = self.received_seq

        times_received = self.times_received

        verdict = self.verdict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enrollment_id": enrollment_id,
                "nik": nik,
                "received_seq": received_seq,
                "times_received": times_received,
                "verdict": verdict,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enrollment_id = d.pop("enrollment_id")

        nik = d.pop("nik")

        received_seq = d.pop("received_seq")

        times_received = d.pop("times_received")

        verdict = d.pop("verdict")

        received_out = cls(
            enrollment_id=enrollment_id,
            nik=nik,
            received_seq=received_seq,
            times_received=times_received,
            verdict=verdict,
        )

        received_out.additional_properties = d
        return received_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
