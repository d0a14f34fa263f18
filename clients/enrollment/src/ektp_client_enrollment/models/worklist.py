from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.roster_row import RosterRow
    from ..models.visit_out import VisitOut


T = TypeVar("T", bound="Worklist")


@_attrs_define
class Worklist:
    """
    Attributes:
        items (list[RosterRow]):
        kode_desa (str):
        page (int):
        per_page (int):
        total (int):
        visits (list[VisitOut]):
    """

    items: list[RosterRow]
    kode_desa: str
    page: int
    per_page: int
    total: int
    visits: list[VisitOut]

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        kode_desa = self.kode_desa

        page = self.page

        per_page = self.per_page

        total = self.total

        visits = []
        for visits_item_data in self.visits:
            visits_item = visits_item_data.to_dict()
            visits.append(visits_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
                "kode_desa": kode_desa,
                "page": page,
                "per_page": per_page,
                "total": total,
                "visits": visits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.roster_row import RosterRow  # noqa: PLC0415
        from ..models.visit_out import VisitOut  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = RosterRow.from_dict(items_item_data)

            items.append(items_item)

        kode_desa = d.pop("kode_desa")

        page = d.pop("page")

        per_page = d.pop("per_page")

        total = d.pop("total")

        visits = []
        _visits = d.pop("visits")
        for visits_item_data in _visits:
            visits_item = VisitOut.from_dict(visits_item_data)

            visits.append(visits_item)

        worklist = cls(
            items=items,
            kode_desa=kode_desa,
            page=page,
            per_page=per_page,
            total=total,
            visits=visits,
        )

        return worklist
