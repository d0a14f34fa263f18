from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.step_detail import StepDetail


T = TypeVar("T", bound="Step")


@_attrs_define
class Step:
    """
    Attributes:
        at (datetime.datetime):
        detail (StepDetail): what the event said (free form)
        kind (str):
        label (str):
        status (str):
        took (str):
        took_seconds (float): until the next step (or now)
    """

    at: datetime.datetime
    detail: StepDetail
    kind: str
    label: str
    status: str
    took: str
    took_seconds: float

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        detail = self.detail.to_dict()

        kind = self.kind

        label = self.label

        status = self.status

        took = self.took

        took_seconds = self.took_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "detail": detail,
                "kind": kind,
                "label": label,
                "status": status,
                "took": took,
                "took_seconds": took_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.step_detail import StepDetail  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        detail = StepDetail.from_dict(d.pop("detail"))

        kind = d.pop("kind")

        label = d.pop("label")

        status = d.pop("status")

        took = d.pop("took")

        took_seconds = d.pop("took_seconds")

        step = cls(
            at=at,
            detail=detail,
            kind=kind,
            label=label,
            status=status,
            took=took,
            took_seconds=took_seconds,
        )

        return step
