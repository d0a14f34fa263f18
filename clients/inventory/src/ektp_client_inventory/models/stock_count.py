from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.stock_count_location import StockCountLocation, check_stock_count_location
from ..models.stock_count_status import StockCountStatus, check_stock_count_status

if TYPE_CHECKING:
    from ..models.discrepancy import Discrepancy


T = TypeVar("T", bound="StockCount")


@_attrs_define
class StockCount:
    """
    Attributes:
        by_serial (bool):
        counted_at (datetime.datetime):
        counted_by (str):
        decided_at (datetime.datetime | None):
        decided_by (None | str):
        decision_note (None | str):
        discrepancy (Discrepancy):
        id (int):
        location (StockCountLocation):
        quantity (int):
        status (StockCountStatus):
    """

    by_serial: bool
    counted_at: datetime.datetime
    counted_by: str
    decided_at: datetime.datetime | None
    decided_by: None | str
    decision_note: None | str
    discrepancy: Discrepancy
    id: int
    location: StockCountLocation
    quantity: int
    status: StockCountStatus

    def to_dict(self) -> dict[str, Any]:
        by_serial = self.by_serial

        counted_at = self.counted_at.isoformat()

        counted_by = self.counted_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str
        decided_by = self.decided_by

        decision_note: None | str
        decision_note = self.decision_note

        discrepancy = self.discrepancy.to_dict()

        id = self.id

        location: str = self.location

        quantity = self.quantity

        status: str = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "by_serial": by_serial,
                "counted_at": counted_at,
                "counted_by": counted_by,
                "decided_at": decided_at,
                "decided_by": decided_by,
                "decision_note": decision_note,
                "discrepancy": discrepancy,
                "id": id,
                "location": location,
                "quantity": quantity,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.discrepancy import Discrepancy  # noqa: PLC0415

        d = dict(src_dict)
        by_serial = d.pop("by_serial")

        counted_at = datetime.datetime.fromisoformat(d.pop("counted_at"))

        counted_by = d.pop("counted_by")

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decision_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_note = _parse_decision_note(d.pop("decision_note"))

        discrepancy = Discrepancy.from_dict(d.pop("discrepancy"))

        id = d.pop("id")

        location = check_stock_count_location(d.pop("location"))

        quantity = d.pop("quantity")

        status = check_stock_count_status(d.pop("status"))

        stock_count = cls(
            by_serial=by_serial,
            counted_at=counted_at,
            counted_by=counted_by,
            decided_at=decided_at,
            decided_by=decided_by,
            decision_note=decision_note,
            discrepancy=discrepancy,
            id=id,
            location=location,
            quantity=quantity,
            status=status,
        )

        return stock_count
