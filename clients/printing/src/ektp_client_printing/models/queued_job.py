from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.queued_job_status import QueuedJobStatus, check_queued_job_status

T = TypeVar("T", bound="QueuedJob")


@_attrs_define
class QueuedJob:
    """
    Attributes:
        blank_serial (None | str):
        id (str):
        nik (str): masked: the view may be on an office screen
        printer_id (None | str):
        priority (int):
        reprint_of (None | str):
        status (QueuedJobStatus):
    """

    blank_serial: None | str
    id: str
    nik: str
    printer_id: None | str
    priority: int
    reprint_of: None | str
    status: QueuedJobStatus

    def to_dict(self) -> dict[str, Any]:
        blank_serial: None | str
        blank_serial = self.blank_serial

        id = self.id

        nik = self.nik

        printer_id: None | str
        printer_id = self.printer_id

        priority = self.priority

        reprint_of: None | str
        reprint_of = self.reprint_of

        status: str = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "blank_serial": blank_serial,
                "id": id,
                "nik": nik,
                "printer_id": printer_id,
                "priority": priority,
                "reprint_of": reprint_of,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_blank_serial(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        blank_serial = _parse_blank_serial(d.pop("blank_serial"))

        id = d.pop("id")

        nik = d.pop("nik")

        def _parse_printer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        printer_id = _parse_printer_id(d.pop("printer_id"))

        priority = d.pop("priority")

        def _parse_reprint_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reprint_of = _parse_reprint_of(d.pop("reprint_of"))

        status = check_queued_job_status(d.pop("status"))

        queued_job = cls(
            blank_serial=blank_serial,
            id=id,
            nik=nik,
            printer_id=printer_id,
            priority=priority,
            reprint_of=reprint_of,
            status=status,
        )

        return queued_job
