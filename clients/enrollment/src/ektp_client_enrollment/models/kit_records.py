from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.kit_records_records_item import KitRecordsRecordsItem


T = TypeVar("T", bound="KitRecords")


@_attrs_define
class KitRecords:
    """
    Attributes:
        records (list[KitRecordsRecordsItem]): records as the device keeps them: record_id, kind (field_check or
            recording), recorded_at, operator, data (a field check's nik/outcome/note, or the body of POST /enrollments) and
            signature (base64 Ed25519 over the record without `signature` as JSON with sorted keys and no spaces)
    """

    records: list[KitRecordsRecordsItem]

    def to_dict(self) -> dict[str, Any]:
        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kit_records_records_item import KitRecordsRecordsItem  # noqa: PLC0415

        d = dict(src_dict)
        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = KitRecordsRecordsItem.from_dict(records_item_data)

            records.append(records_item)

        kit_records = cls(
            records=records,
        )

        return kit_records
