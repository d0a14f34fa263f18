from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.status_changed_status import StatusChangedStatus, check_status_changed_status

T = TypeVar("T", bound="StatusChanged")


@_attrs_define
class StatusChanged:
    """
    Attributes:
        id (str):
        jobs_moved (int): queued jobs moved to the other printers
        reason (str):
        status (StatusChangedStatus):
    """

    id: str
    jobs_moved: int
    reason: str
    status: StatusChangedStatus

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        jobs_moved = self.jobs_moved

        reason = self.reason

        status: str = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "jobs_moved": jobs_moved,
                "reason": reason,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        jobs_moved = d.pop("jobs_moved")

        reason = d.pop("reason")

        status = check_status_changed_status(d.pop("status"))

        status_changed = cls(
            id=id,
            jobs_moved=jobs_moved,
            reason=reason,
            status=status,
        )

        return status_changed
