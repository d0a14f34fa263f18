from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.printer_figures import PrinterFigures
    from ..models.printers_by_status import PrintersByStatus


T = TypeVar("T", bound="Printers")


@_attrs_define
class Printers:
    """
    Attributes:
        by_status (PrintersByStatus):
        items (list[PrinterFigures]):
    """

    by_status: PrintersByStatus
    items: list[PrinterFigures]

    def to_dict(self) -> dict[str, Any]:
        by_status = self.by_status.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "by_status": by_status,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.printer_figures import PrinterFigures  # noqa: PLC0415
        from ..models.printers_by_status import PrintersByStatus  # noqa: PLC0415

        d = dict(src_dict)
        by_status = PrintersByStatus.from_dict(d.pop("by_status"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PrinterFigures.from_dict(items_item_data)

            items.append(items_item)

        printers = cls(
            by_status=by_status,
            items=items,
        )

        return printers
