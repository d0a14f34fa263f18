from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.status_in_status import StatusInStatus, check_status_in_status

T = TypeVar("T", bound="StatusIn")


@_attrs_define
class StatusIn:
    """
    Attributes:
        reason (str): Why: breakdown, repair done, ...
        status (StatusInStatus):
    """

    reason: str
    status: StatusInStatus

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        status: str = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        status = check_status_in_status(d.pop("status"))

        status_in = cls(
            reason=reason,
            status=status,
        )

        return status_in
