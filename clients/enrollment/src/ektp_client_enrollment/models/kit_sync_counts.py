from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="KitSyncCounts")


@_attrs_define
class KitSyncCounts:
    """
    Attributes:
        accepted (int):
        already_accepted (int):
        held (int):
        refused (int):
    """

    accepted: int
    already_accepted: int
    held: int
    refused: int

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        already_accepted = self.already_accepted

        held = self.held

        refused = self.refused

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accepted": accepted,
                "already_accepted": already_accepted,
                "held": held,
                "refused": refused,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted = d.pop("accepted")

        already_accepted = d.pop("already_accepted")

        held = d.pop("held")

        refused = d.pop("refused")

        kit_sync_counts = cls(
            accepted=accepted,
            already_accepted=already_accepted,
            held=held,
            refused=refused,
        )

        return kit_sync_counts
