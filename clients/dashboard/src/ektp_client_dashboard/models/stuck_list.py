from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.stuck_list_by_status import StuckListByStatus
    from ..models.stuck_resident import StuckResident


T = TypeVar("T", bound="StuckList")


@_attrs_define
class StuckList:
    """
    Attributes:
        by_status (StuckListByStatus):
        items (list[StuckResident]):
        limit (int):
        offset (int):
        older_than_hours (float):
        total (int):
    """

    by_status: StuckListByStatus
    items: list[StuckResident]
    limit: int
    offset: int
    older_than_hours: float
    total: int

    def to_dict(self) -> dict[str, Any]:
        by_status = self.by_status.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        limit = self.limit

        offset = self.offset

        older_than_hours = self.older_than_hours

        total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "by_status": by_status,
                "items": items,
                "limit": limit,
                "offset": offset,
                "older_than_hours": older_than_hours,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stuck_list_by_status import StuckListByStatus  # noqa: PLC0415
        from ..models.stuck_resident import StuckResident  # noqa: PLC0415

        d = dict(src_dict)
        by_status = StuckListByStatus.from_dict(d.pop("by_status"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = StuckResident.from_dict(items_item_data)

            items.append(items_item)

        limit = d.pop("limit")

        offset = d.pop("offset")

        older_than_hours = d.pop("older_than_hours")

        total = d.pop("total")

        stuck_list = cls(
            by_status=by_status,
            items=items,
            limit=limit,
            offset=offset,
            older_than_hours=older_than_hours,
            total=total,
        )

        return stuck_list
