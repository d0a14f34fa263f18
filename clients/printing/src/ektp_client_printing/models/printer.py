from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.printer_driver import PrinterDriver, check_printer_driver
from ..models.printer_status import PrinterStatus, check_printer_status

T = TypeVar("T", bound="Printer")


@_attrs_define
class Printer:
    """
    Attributes:
        breakdowns (int):
        cards_printed (int):
        driver (PrinterDriver):
        id (str):
        load (int): jobs waiting for or printing on it
        location (str):
        model (str):
        name (str):
        queue (None | str):
        reason (str):
        repairs (int):
        spoil_rate (float):
        spoiled (int):
        status (PrinterStatus):
        status_changed_at (datetime.datetime):
    """

    breakdowns: int
    cards_printed: int
    driver: PrinterDriver
    id: str
    load: int
    location: str
    model: str
    name: str
    queue: None | str
    reason: str
    repairs: int
    spoil_rate: float
    spoiled: int
    status: PrinterStatus
    status_changed_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        breakdowns = self.breakdowns

        cards_printed = self.cards_printed

        driver: str = self.driver

        id = self.id

        load = self.load

        location = self.location

        model = self.model

        name = self.name

        queue: None | str
        queue = self.queue

        reason = self.reason

        repairs = self.repairs

        spoil_rate = self.spoil_rate

        spoiled = self.spoiled

        status: str = self.status

        status_changed_at = self.status_changed_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "breakdowns": breakdowns,
                "cards_printed": cards_printed,
                "driver": driver,
                "id": id,
                "load": load,
                "location": location,
                "model": model,
                "name": name,
                "queue": queue,
                "reason": reason,
                "repairs": repairs,
                "spoil_rate": spoil_rate,
                "spoiled": spoiled,
                "status": status,
                "status_changed_at": status_changed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        breakdowns = d.pop("breakdowns")

        cards_printed = d.pop("cards_printed")

        driver = check_printer_driver(d.pop("driver"))

        id = d.pop("id")

        load = d.pop("load")

        location = d.pop("location")

        model = d.pop("model")

        name = d.pop("name")

        def _parse_queue(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        queue = _parse_queue(d.pop("queue"))

        reason = d.pop("reason")

        repairs = d.pop("repairs")

        spoil_rate = d.pop("spoil_rate")

        spoiled = d.pop("spoiled")

        status = check_printer_status(d.pop("status"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        printer = cls(
            breakdowns=breakdowns,
            cards_printed=cards_printed,
            driver=driver,
            id=id,
            load=load,
            location=location,
            model=model,
            name=name,
            queue=queue,
            reason=reason,
            repairs=repairs,
            spoil_rate=spoil_rate,
            spoiled=spoiled,
            status=status,
            status_changed_at=status_changed_at,
        )

        return printer
