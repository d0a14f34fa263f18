from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.witness import Witness


T = TypeVar("T", bound="Destruction")


@_attrs_define
class Destruction:
    """
    Attributes:
        at (datetime.datetime):
        destroyed_on (datetime.date):
        method (str):
        place (str):
        recorded_by (str):
        reference (str):
        serials (list[str]):
        witnesses (list[Witness]):
    """

    at: datetime.datetime
    destroyed_on: datetime.date
    method: str
    place: str
    recorded_by: str
    reference: str
    serials: list[str]
    witnesses: list[Witness]

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        destroyed_on = self.destroyed_on.isoformat()

        method = self.method

        place = self.place

        recorded_by = self.recorded_by

        reference = self.reference

        serials = self.serials

        witnesses = []
        for witnesses_item_data in self.witnesses:
            witnesses_item = witnesses_item_data.to_dict()
            witnesses.append(witnesses_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "destroyed_on": destroyed_on,
                "method": method,
                "place": place,
                "recorded_by": recorded_by,
                "reference": reference,
                "serials": serials,
                "witnesses": witnesses,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.witness import Witness  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        destroyed_on = datetime.date.fromisoformat(d.pop("destroyed_on"))

        method = d.pop("method")

        place = d.pop("place")

        recorded_by = d.pop("recorded_by")

        reference = d.pop("reference")

        serials = cast(list[str], d.pop("serials"))

        witnesses = []
        _witnesses = d.pop("witnesses")
        for witnesses_item_data in _witnesses:
            witnesses_item = Witness.from_dict(witnesses_item_data)

            witnesses.append(witnesses_item)

        destruction = cls(
            at=at,
            destroyed_on=destroyed_on,
            method=method,
            place=place,
            recorded_by=recorded_by,
            reference=reference,
            serials=serials,
            witnesses=witnesses,
        )

        return destruction
