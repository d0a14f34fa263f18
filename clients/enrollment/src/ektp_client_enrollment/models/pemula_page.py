from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.roster_row import RosterRow


T = TypeVar("T", bound="PemulaPage")


@_attrs_define
class PemulaPage:
    """
    Attributes:
        by (datetime.date):
        items (list[RosterRow]):
        page (int):
        per_page (int):
        total (int):
    """

    by: datetime.date
    items: list[RosterRow]
    page: int
    per_page: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        by = self.by.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        page = self.page

        per_page = self.per_page

        total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "by": by,
                "items": items,
                "page": page,
                "per_page": per_page,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.roster_row import RosterRow  # noqa: PLC0415

        d = dict(src_dict)
        by = datetime.date.fromisoformat(d.pop("by"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = RosterRow.from_dict(items_item_data)

            items.append(items_item)

        page = d.pop("page")

        per_page = d.pop("per_page")

        total = d.pop("total")

        pemula_page = cls(
            by=by,
            items=items,
            page=page,
            per_page=per_page,
            total=total,
        )

        return pemula_page
