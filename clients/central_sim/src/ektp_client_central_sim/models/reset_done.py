from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.faults import Faults


T = TypeVar("T", bound="ResetDone")


@_attrs_define
class ResetDone:
    """
    Attributes:
        counters_cleared (bool):
        faults (Faults):
    """

    counters_cleared: bool
    faults: Faults

    def to_dict(self) -> dict[str, Any]:
        counters_cleared = self.counters_cleared

        faults = self.faults.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "counters_cleared": counters_cleared,
                "faults": faults,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.faults import Faults  # noqa: PLC0415

        d = dict(src_dict)
        counters_cleared = d.pop("counters_cleared")

        faults = Faults.from_dict(d.pop("faults"))

        reset_done = cls(
            counters_cleared=counters_cleared,
            faults=faults,
        )

        return reset_done
