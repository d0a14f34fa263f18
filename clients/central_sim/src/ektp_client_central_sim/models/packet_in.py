from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.demographics import Demographics


T = TypeVar("T", bound="PacketIn")


@_attrs_define
class PacketIn:
    """
    Attributes:
        demographics (Demographics): The resident's data as the card and SIAK hold it.
        enrollment_id (str):
        nik (str):
        sealed_packet (str):
    """

    demographics: Demographics
    enrollment_id: str
    nik: str
    sealed_packet: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        demographics = self.demographics.to_dict()

        enrollment_id = self.enrollment_id

        nik = self.nik

        sealed_packet = self.sealed_packet

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "demographics": demographics,
                "enrollment_id": enrollment_id,
                "nik": nik,
                "sealed_packet": sealed_packet,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.demographics import Demographics  # noqa: PLC0415

        d = dict(src_dict)
        demographics = Demographics.from_dict(d.pop("demographics"))

        enrollment_id = d.pop("enrollment_id")

        nik = d.pop("nik")

        sealed_packet = d.pop("sealed_packet")

        packet_in = cls(
            demographics=demographics,
            enrollment_id=enrollment_id,
            nik=nik,
            sealed_packet=sealed_packet,
        )

        packet_in.additional_properties = d
        return packet_in

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
