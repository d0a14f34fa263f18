from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.roster_entry_out import RosterEntryOut


T = TypeVar("T", bound="RosterPage")


@_attrs_define
class RosterPage:
    """
    Attributes:
        entries (list[RosterEntryOut]):
        has_more (bool):
        next_cursor (str):
    """

    entries: list[RosterEntryOut]
    has_more: bool
    next_cursor: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        has_more = self.has_more

        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entries": entries,
                "has_more": has_more,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.roster_entry_out import RosterEntryOut  # noqa: PLC0415

        d = dict(src_dict)
        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = RosterEntryOut.from_dict(entries_item_data)

            entries.append(entries_item)

        has_more = d.pop("has_more")

        next_cursor = d.pop("next_cursor")

        roster_page = cls(
            entries=entries,
            has_more=has_more,
            next_cursor=next_cursor,
        )

        roster_page.additional_properties = d
        return roster_page

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
