from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.blanks_by_state import BlanksByState


T = TypeVar("T", bound="Blanks")


@_attrs_define
class Blanks:
    """
    Attributes:
        available (int): in store + in the print room
        by_state (BlanksByState):
    """

    available: int
    by_state: BlanksByState

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        by_state = self.by_state.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "available": available,
                "by_state": by_state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.blanks_by_state import BlanksByState  # noqa: PLC0415

        d = dict(src_dict)
        available = d.pop("available")

        by_state = BlanksByState.from_dict(d.pop("by_state"))

        blanks = cls(
            available=available,
            by_state=by_state,
        )

        return blanks
