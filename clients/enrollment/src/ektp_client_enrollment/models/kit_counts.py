from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="KitCounts")


@_attrs_define
class KitCounts:
    """
    Attributes:
        already_imported (int):
        imported (int):
        rejected (int):
    """

    already_imported: int
    imported: int
    rejected: int

    def to_dict(self) -> dict[str, Any]:
        already_imported = self.already_imported

        imported = self.imported

        rejected = self.rejected

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "already_imported": already_imported,
                "imported": imported,
                "rejected": rejected,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        already_imported = d.pop("already_imported")

        imported = d.pop("imported")

        rejected = d.pop("rejected")

        kit_counts = cls(
            already_imported=already_imported,
            imported=imported,
            rejected=rejected,
        )

        return kit_counts
