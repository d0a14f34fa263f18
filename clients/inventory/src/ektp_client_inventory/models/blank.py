from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.blank_state import BlankState, check_blank_state

if TYPE_CHECKING:
    from ..models.movement import Movement


T = TypeVar("T", bound="Blank")


@_attrs_define
class Blank:
    """
    Attributes:
        batch_reference (str):
        history (list[Movement]):
        received_at (datetime.datetime):
        serial (str):
        state (BlankState):
        updated_at (datetime.datetime):
    """

    batch_reference: str
    history: list[Movement]
    received_at: datetime.datetime
    serial: str
    state: BlankState
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        batch_reference = self.batch_reference

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        received_at = self.received_at.isoformat()

        serial = self.serial

        state: str = self.state

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "batch_reference": batch_reference,
                "history": history,
                "received_at": received_at,
                "serial": serial,
                "state": state,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.movement import Movement  # noqa: PLC0415

        d = dict(src_dict)
        batch_reference = d.pop("batch_reference")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = Movement.from_dict(history_item_data)

            history.append(history_item)

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        serial = d.pop("serial")

        state = check_blank_state(d.pop("state"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        blank = cls(
            batch_reference=batch_reference,
            history=history,
            received_at=received_at,
            serial=serial,
            state=state,
            updated_at=updated_at,
        )

        return blank
