from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.printer_registered_driver import (
    PrinterRegisteredDriver,
    check_printer_registered_driver,
)
from ..models.printer_registered_status import (
    PrinterRegisteredStatus,
    check_printer_registered_status,
)

T = TypeVar("T", bound="PrinterRegistered")


@_attrs_define
class PrinterRegistered:
    """
    Attributes:
        driver (PrinterRegisteredDriver):
        id (str):
        location (str):
        model (str):
        name (str):
        queue (None | str):
        reason (str):
        status (PrinterRegisteredStatus):
    """

    driver: PrinterRegisteredDriver
    id: str
    location: str
    model: str
    name: str
    queue: None | str
    reason: str
    status: PrinterRegisteredStatus

    def to_dict(self) -> dict[str, Any]:
        driver: str = self.driver

        id = self.id

        location = self.location

        model = self.model

        name = self.name

        queue: None | str
        queue = self.queue

        reason = self.reason

        status: str = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "driver": driver,
                "id": id,
                "location": location,
                "model": model,
                "name": name,
                "queue": queue,
                "reason": reason,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        driver = check_printer_registered_driver(d.pop("driver"))

        id = d.pop("id")

        location = d.pop("location")

        model = d.pop("model")

        name = d.pop("name")

        def _parse_queue(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        queue = _parse_queue(d.pop("queue"))

        reason = d.pop("reason")

        status = check_printer_registered_status(d.pop("status"))

        printer_registered = cls(
            driver=driver,
            id=id,
            location=location,
            model=model,
            name=name,
            queue=queue,
            reason=reason,
            status=status,
        )

        return printer_registered
