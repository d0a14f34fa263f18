from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.ledger_exception import LedgerException


T = TypeVar("T", bound="ExceptionPage")


@_attrs_define
class ExceptionPage:
    """
    Attributes:
        count (int):
        items (list[LedgerException]):
    """

    count: int
    items: list[LedgerException]

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "count": count,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ledger_exception import LedgerException  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = LedgerException.from_dict(items_item_data)

            items.append(items_item)

        exception_page = cls(
            count=count,
            items=items,
        )

        return exception_page
