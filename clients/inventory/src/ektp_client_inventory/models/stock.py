from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.stock_by_location import StockByLocation
    from ..models.stock_by_state import StockByState


T = TypeVar("T", bound="Stock")


@_attrs_define
class Stock:
    """
    Attributes:
        by_location (StockByLocation):
        by_state (StockByState): states with at least one blank
        invariant_holds (bool): received = the sum over every state
        received (int):
    """

    by_location: StockByLocation
    by_state: StockByState
    invariant_holds: bool
    received: int

    def to_dict(self) -> dict[str, Any]:
        by_location = self.by_location.to_dict()

        by_state = self.by_state.to_dict()

        invariant_holds = self.invariant_holds

        received = self.received

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "by_location": by_location,
                "by_state": by_state,
                "invariant_holds": invariant_holds,
                "received": received,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stock_by_location import StockByLocation  # noqa: PLC0415
        from ..models.stock_by_state import StockByState  # noqa: PLC0415

        d = dict(src_dict)
        by_location = StockByLocation.from_dict(d.pop("by_location"))

        by_state = StockByState.from_dict(d.pop("by_state"))

        invariant_holds = d.pop("invariant_holds")

        received = d.pop("received")

        stock = cls(
            by_location=by_location,
            by_state=by_state,
            invariant_holds=invariant_holds,
            received=received,
        )

        return stock
