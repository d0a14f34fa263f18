from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.packet_in import PacketIn


T = TypeVar("T", bound="BatchIn")


@_attrs_define
class BatchIn:
    """
    Attributes:
        packets (list[PacketIn]):
    """

    packets: list[PacketIn]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        packets = []
        for packets_item_data in self.packets:
            packets_item = packets_item_data.to_dict()
            packets.append(packets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "packets": packets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.packet_in import PacketIn  # noqa: PLC0415

        d = dict(src_dict)
        packets = []
        _packets = d.pop("packets")
        for packets_item_data in _packets:
            packets_item = PacketIn.from_dict(packets_item_data)

            packets.append(packets_item)

        batch_in = cls(
            packets=packets,
        )

        batch_in.additional_properties = d
        return batch_in

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
