from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.return_out_returned_from import ReturnOutReturnedFrom, check_return_out_returned_from
from ..models.return_out_returned_to import ReturnOutReturnedTo, check_return_out_returned_to

T = TypeVar("T", bound="ReturnOut")


@_attrs_define
class ReturnOut:
    """
    Attributes:
        quantity (int):
        reference (str):
        returned_from (ReturnOutReturnedFrom):
        returned_to (ReturnOutReturnedTo):
    """

    quantity: int
    reference: str
    returned_from: ReturnOutReturnedFrom
    returned_to: ReturnOutReturnedTo

    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        reference = self.reference

        returned_from: str = self.returned_from

        returned_to: str = self.returned_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "quantity": quantity,
                "reference": reference,
                "returned_from": returned_from,
                "returned_to": returned_to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quantity = d.pop("quantity")

        reference = d.pop("reference")

        returned_from = check_return_out_returned_from(d.pop("returned_from"))

        returned_to = check_return_out_returned_to(d.pop("returned_to"))

        return_out = cls(
            quantity=quantity,
            reference=reference,
            returned_from=returned_from,
            returned_to=returned_to,
        )

        return return_out
