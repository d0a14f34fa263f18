from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LastFailure")


@_attrs_define
class LastFailure:
    """
    Attributes:
        at (datetime.datetime):
        reason (str):
        retryable (bool):
    """

    at: datetime.datetime
    reason: str
    retryable: bool

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        reason = self.reason

        retryable = self.retryable

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "reason": reason,
                "retryable": retryable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        reason = d.pop("reason")

        retryable = d.pop("retryable")

        last_failure = cls(
            at=at,
            reason=reason,
            retryable=retryable,
        )

        return last_failure
