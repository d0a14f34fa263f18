from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.printer_event_kind import PrinterEventKind, check_printer_event_kind

T = TypeVar("T", bound="PrinterEvent")


@_attrs_define
class PrinterEvent:
    """
    Attributes:
        actor (str):
        at (datetime.datetime):
        from_status (None | str):
        job_id (None | str):
        kind (PrinterEventKind):
        reason (str):
        to_status (None | str):
    """

    actor: str
    at: datetime.datetime
    from_status: None | str
    job_id: None | str
    kind: PrinterEventKind
    reason: str
    to_status: None | str

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        at = self.at.isoformat()

        from_status: None | str
        from_status = self.from_status

        job_id: None | str
        job_id = self.job_id

        kind: str = self.kind

        reason = self.reason

        to_status: None | str
        to_status = self.to_status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "actor": actor,
                "at": at,
                "from_status": from_status,
                "job_id": job_id,
                "kind": kind,
                "reason": reason,
                "to_status": to_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_from_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_status = _parse_from_status(d.pop("from_status"))

        def _parse_job_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        job_id = _parse_job_id(d.pop("job_id"))

        kind = check_printer_event_kind(d.pop("kind"))

        reason = d.pop("reason")

        def _parse_to_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        to_status = _parse_to_status(d.pop("to_status"))

        printer_event = cls(
            actor=actor,
            at=at,
            from_status=from_status,
            job_id=job_id,
            kind=kind,
            reason=reason,
            to_status=to_status,
        )

        return printer_event
