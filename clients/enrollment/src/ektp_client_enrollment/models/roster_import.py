from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.bad_row import BadRow


T = TypeVar("T", bound="RosterImport")


@_attrs_define
class RosterImport:
    """
    Attributes:
        accepted (int):
        bad_rows (list[BadRow]):
        new (int):
        rejected (int):
        updated (int):
    """

    accepted: int
    bad_rows: list[BadRow]
    new: int
    rejected: int
    updated: int

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        bad_rows = []
        for bad_rows_item_data in self.bad_rows:
            bad_rows_item = bad_rows_item_data.to_dict()
            bad_rows.append(bad_rows_item)

        new = self.new

        rejected = self.rejected

        updated = self.updated

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accepted": accepted,
                "bad_rows": bad_rows,
                "new": new,
                "rejected": rejected,
                "updated": updated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bad_row import BadRow  # noqa: PLC0415

        d = dict(src_dict)
        accepted = d.pop("accepted")

        bad_rows = []
        _bad_rows = d.pop("bad_rows")
        for bad_rows_item_data in _bad_rows:
            bad_rows_item = BadRow.from_dict(bad_rows_item_data)

            bad_rows.append(bad_rows_item)

        new = d.pop("new")

        rejected = d.pop("rejected")

        updated = d.pop("updated")

        roster_import = cls(
            accepted=accepted,
            bad_rows=bad_rows,
            new=new,
            rejected=rejected,
            updated=updated,
        )

        return roster_import
