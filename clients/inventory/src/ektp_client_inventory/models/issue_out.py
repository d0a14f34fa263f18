from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="IssueOut")


@_attrs_define
class IssueOut:
    """
    Attributes:
        quantity (int):
        reference (str):
        serials (list[str]):
        to (Literal['print-room']):
    """

    quantity: int
    reference: str
    serials: list[str]
    to: Literal["print-room"]

    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        reference = self.reference

        serials = self.serials

        to = self.to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "quantity": quantity,
                "reference": reference,
                "serials": serials,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quantity = d.pop("quantity")

        reference = d.pop("reference")

        serials = cast(list[str], d.pop("serials"))

        to = cast(Literal["print-room"], d.pop("to"))
        if to != "print-room":
            raise ValueError(f"to must match const 'print-room', got '{to}'")

        issue_out = cls(
            quantity=quantity,
            reference=reference,
            serials=serials,
            to=to,
        )

        return issue_out
