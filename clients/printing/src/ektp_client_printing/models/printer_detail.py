from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.printer_detail_driver import PrinterDetailDriver, check_printer_detail_driver
from ..models.printer_detail_status import PrinterDetailStatus, check_printer_detail_status

if TYPE_CHECKING:
    from ..models.printer_event import PrinterEvent


T = TypeVar("T", bound="PrinterDetail")


@_attrs_define
class PrinterDetail:
    """
    Attributes:
        breakdowns (int):
        cards_printed (int):
        driver (PrinterDetailDriver):
        history (list[PrinterEvent]): newest first, at most 200
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
        status (PrinterDetailStatus):
        status_changed_at (datetime.datetime):
    """

    breakdowns: int
    cards_printed: int
    driver: PrinterDetailDriver
    history: list[PrinterEvent]
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
    status: PrinterDetailStatus
    status_changed_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        breakdowns = self.breakdowns

        cards_printed = self.cards_printed

        driver: str = self.driver

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

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
                "history": history,
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
        from ..models.printer_event import PrinterEvent  # noqa: PLC0415

        d = dict(src_dict)
        breakdowns = d.pop("breakdowns")

        cards_printed = d.pop("cards_printed")

        driver = check_printer_detail_driver(d.pop("driver"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = PrinterEvent.from_dict(history_item_data)

            history.append(history_item)

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

        status = check_printer_detail_status(d.pop("status"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        printer_detail = cls(
            breakdowns=breakdowns,
            cards_printed=cards_printed,
            driver=driver,
            history=history,
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

        return printer_detail
