from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.decision_out_status import DecisionOutStatus, check_decision_out_status

T = TypeVar("T", bound="DecisionOut")


@_attrs_define
class DecisionOut:
    """
    Attributes:
        adjusted (list[str]): missing serials written off (ADJUSTED)
        found (list[str]): written-off serials found again
        id (int):
        status (DecisionOutStatus):
    """

    adjusted: list[str]
    found: list[str]
    id: int
    status: DecisionOutStatus

    def to_dict(self) -> dict[str, Any]:
        adjusted = self.adjusted

        found = self.found

        id = self.id

        status: str = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adjusted": adjusted,
                "found": found,
                "id": id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adjusted = cast(list[str], d.pop("adjusted"))

        found = cast(list[str], d.pop("found"))

        id = d.pop("id")

        status = check_decision_out_status(d.pop("status"))

        decision_out = cls(
            adjusted=adjusted,
            found=found,
            id=id,
            status=status,
        )

        return decision_out
