from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.ledger_exception_detail import LedgerExceptionDetail


T = TypeVar("T", bound="LedgerException")


@_attrs_define
class LedgerException:
    """
    Attributes:
        at (datetime.datetime):
        ce_id (str):
        ce_type (str):
        detail (LedgerExceptionDetail):
        id (int):
        reason (str):
        resolution (None | str):
        resolved_at (datetime.datetime | None):
        resolved_by (None | str):
        serial (str):
        state_found (None | str):
    """

    at: datetime.datetime
    ce_id: str
    ce_type: str
    detail: LedgerExceptionDetail
    id: int
    reason: str
    resolution: None | str
    resolved_at: datetime.datetime | None
    resolved_by: None | str
    serial: str
    state_found: None | str

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        ce_id = self.ce_id

        ce_type = self.ce_type

        detail = self.detail.to_dict()

        id = self.id

        reason = self.reason

        resolution: None | str
        resolution = self.resolution

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by: None | str
        resolved_by = self.resolved_by

        serial = self.serial

        state_found: None | str
        state_found = self.state_found

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "ce_id": ce_id,
                "ce_type": ce_type,
                "detail": detail,
                "id": id,
                "reason": reason,
                "resolution": resolution,
                "resolved_at": resolved_at,
                "resolved_by": resolved_by,
                "serial": serial,
                "state_found": state_found,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ledger_exception_detail import LedgerExceptionDetail  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        ce_id = d.pop("ce_id")

        ce_type = d.pop("ce_type")

        detail = LedgerExceptionDetail.from_dict(d.pop("detail"))

        id = d.pop("id")

        reason = d.pop("reason")

        def _parse_resolution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution = _parse_resolution(d.pop("resolution"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        def _parse_resolved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by"))

        serial = d.pop("serial")

        def _parse_state_found(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        state_found = _parse_state_found(d.pop("state_found"))

        ledger_exception = cls(
            at=at,
            ce_id=ce_id,
            ce_type=ce_type,
            detail=detail,
            id=id,
            reason=reason,
            resolution=resolution,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
            serial=serial,
            state_found=state_found,
        )

        return ledger_exception
