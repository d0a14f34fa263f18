from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.kit_counts import KitCounts
    from ..models.kit_line import KitLine
    from ..models.kit_line_rejected import KitLineRejected


T = TypeVar("T", bound="KitImport")


@_attrs_define
class KitImport:
    """
    Attributes:
        already_imported (list[KitLine]):
        counts (KitCounts):
        imported (list[KitLine]):
        kit_id (str):
        rejected (list[KitLineRejected]):
    """

    already_imported: list[KitLine]
    counts: KitCounts
    imported: list[KitLine]
    kit_id: str
    rejected: list[KitLineRejected]

    def to_dict(self) -> dict[str, Any]:
        already_imported = []
        for already_imported_item_data in self.already_imported:
            already_imported_item = already_imported_item_data.to_dict()
            already_imported.append(already_imported_item)

        counts = self.counts.to_dict()

        imported = []
        for imported_item_data in self.imported:
            imported_item = imported_item_data.to_dict()
            imported.append(imported_item)

        kit_id = self.kit_id

        rejected = []
        for rejected_item_data in self.rejected:
            rejected_item = rejected_item_data.to_dict()
            rejected.append(rejected_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "already_imported": already_imported,
                "counts": counts,
                "imported": imported,
                "kit_id": kit_id,
                "rejected": rejected,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kit_counts import KitCounts  # noqa: PLC0415
        from ..models.kit_line import KitLine  # noqa: PLC0415
        from ..models.kit_line_rejected import KitLineRejected  # noqa: PLC0415

        d = dict(src_dict)
        already_imported = []
        _already_imported = d.pop("already_imported")
        for already_imported_item_data in _already_imported:
            already_imported_item = KitLine.from_dict(already_imported_item_data)

            already_imported.append(already_imported_item)

        counts = KitCounts.from_dict(d.pop("counts"))

        imported = []
        _imported = d.pop("imported")
        for imported_item_data in _imported:
            imported_item = KitLine.from_dict(imported_item_data)

            imported.append(imported_item)

        kit_id = d.pop("kit_id")

        rejected = []
        _rejected = d.pop("rejected")
        for rejected_item_data in _rejected:
            rejected_item = KitLineRejected.from_dict(rejected_item_data)

            rejected.append(rejected_item)

        kit_import = cls(
            already_imported=already_imported,
            counts=counts,
            imported=imported,
            kit_id=kit_id,
            rejected=rejected,
        )

        return kit_import
