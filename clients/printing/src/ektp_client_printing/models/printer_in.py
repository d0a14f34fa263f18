from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.printer_in_driver import PrinterInDriver, check_printer_in_driver
from ..models.printer_in_status import PrinterInStatus, check_printer_in_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="PrinterIn")


@_attrs_define
class PrinterIn:
    """
    Attributes:
        driver (PrinterInDriver):
        location (str):
        model (str):
        name (str):
        queue (None | str | Unset): CUPS queue (driver cups only)
        reason (str | Unset):  Default: ''.
        status (PrinterInStatus | Unset):  Default: 'ONLINE'.
    """

    driver: PrinterInDriver
    location: str
    model: str
    name: str
    queue: None | str | Unset = UNSET
    reason: str | Unset = ""
    status: PrinterInStatus | Unset = "ONLINE"

    def to_dict(self) -> dict[str, Any]:
        driver: str = self.driver

        location = self.location

        model = self.model

        name = self.name

        queue: None | str | Unset
        if isinstance(self.queue, Unset):
            queue = UNSET
        else:
            queue = self.queue

        reason = self.reason

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "driver": driver,
                "location": location,
                "model": model,
                "name": name,
            }
        )
        if queue is not UNSET:
            field_dict["queue"] = queue
        if reason is not UNSET:
            field_dict["reason"] = reason
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        driver = check_printer_in_driver(d.pop("driver"))

        location = d.pop("location")

        model = d.pop("model")

        name = d.pop("name")

        def _parse_queue(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        queue = _parse_queue(d.pop("queue", UNSET))

        reason = d.pop("reason", UNSET)

        _status = d.pop("status", UNSET)
        status: PrinterInStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_printer_in_status(_status)

        printer_in = cls(
            driver=driver,
            location=location,
            model=model,
            name=name,
            queue=queue,
            reason=reason,
            status=status,
        )

        return printer_in
