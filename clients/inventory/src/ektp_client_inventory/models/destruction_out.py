from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DestructionOut")


@_attrs_define
class DestructionOut:
    """
    Attributes:
        berita_acara (str): path of the berita acara PDF
        destroyed_on (datetime.date):
        quantity (int):
        reference (str):
    """

    berita_acara: str
    destroyed_on: datetime.date
    quantity: int
    reference: str

    def to_dict(self) -> dict[str, Any]:
        berita_acara = self.berita_acara

        destroyed_on = self.destroyed_on.isoformat()

        quantity = self.quantity

        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "berita_acara": berita_acara,
                "destroyed_on": destroyed_on,
                "quantity": quantity,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        berita_acara = d.pop("berita_acara")

        destroyed_on = datetime.date.fromisoformat(d.pop("destroyed_on"))

        quantity = d.pop("quantity")

        reference = d.pop("reference")

        destruction_out = cls(
            berita_acara=berita_acara,
            destroyed_on=destroyed_on,
            quantity=quantity,
            reference=reference,
        )

        return destruction_out
