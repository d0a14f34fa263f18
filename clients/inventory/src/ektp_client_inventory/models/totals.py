from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Totals")


@_attrs_define
class Totals:
    """
    Attributes:
        adjusted (int):
        closing (int):
        destroyed (int):
        found (int):
        issued (int):
        opening (int):
        received (int):
        returned_to_ministry (int):
        returned_to_store (int):
        spoiled (int):
        used (int):
    """

    adjusted: int
    closing: int
    destroyed: int
    found: int
    issued: int
    opening: int
    received: int
    returned_to_ministry: int
    returned_to_store: int
    spoiled: int
    used: int

    def to_dict(self) -> dict[str, Any]:
        adjusted = self.adjusted

        closing = self.closing

        destroyed = self.destroyed

        found = self.found

        issued = self.issued

        opening = self.opening

        received = self.received

        returned_to_ministry = self.returned_to_ministry

        returned_to_store = self.returned_to_store

        spoiled = self.spoiled

        used = self.used

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adjusted": adjusted,
                "closing": closing,
                "destroyed": destroyed,
                "found": found,
                "issued": issued,
                "opening": opening,
                "received": received,
                "returned_to_ministry": returned_to_ministry,
                "returned_to_store": returned_to_store,
                "spoiled": spoiled,
                "used": used,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adjusted = d.pop("adjusted")

        closing = d.pop("closing")

        destroyed = d.pop("destroyed")

        found = d.pop("found")

        issued = d.pop("issued")

        opening = d.pop("opening")

        received = d.pop("received")

        returned_to_ministry = d.pop("returned_to_ministry")

        returned_to_store = d.pop("returned_to_store")

        spoiled = d.pop("spoiled")

        used = d.pop("used")

        totals = cls(
            adjusted=adjusted,
            closing=closing,
            destroyed=destroyed,
            found=found,
            issued=issued,
            opening=opening,
            received=received,
            returned_to_ministry=returned_to_ministry,
            returned_to_store=returned_to_store,
            spoiled=spoiled,
            used=used,
        )

        return totals
