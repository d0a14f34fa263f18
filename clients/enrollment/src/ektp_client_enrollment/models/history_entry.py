from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.history_entry_detail_type_0 import HistoryEntryDetailType0


T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """
    Attributes:
        applied (bool): false: arrived late, kept in the history only
        at (datetime.datetime):
        detail (HistoryEntryDetailType0 | None):
        status (str): a recording status, or FAILURE_RETRYABLE
    """

    applied: bool
    at: datetime.datetime
    detail: HistoryEntryDetailType0 | None
    status: str

    def to_dict(self) -> dict[str, Any]:
        from ..models.history_entry_detail_type_0 import HistoryEntryDetailType0  # noqa: PLC0415

        applied = self.applied

        at = self.at.isoformat()

        detail: dict[str, Any] | None
        if isinstance(self.detail, HistoryEntryDetailType0):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "applied": applied,
                "at": at,
                "detail": detail,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_entry_detail_type_0 import HistoryEntryDetailType0  # noqa: PLC0415

        d = dict(src_dict)
        applied = d.pop("applied")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_detail(data: object) -> HistoryEntryDetailType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = HistoryEntryDetailType0.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryEntryDetailType0 | None, data)

        detail = _parse_detail(d.pop("detail"))

        status = d.pop("status")

        history_entry = cls(
            applied=applied,
            at=at,
            detail=detail,
            status=status,
        )

        return history_entry
