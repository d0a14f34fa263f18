from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.blanks_low import BlanksLow
    from ..models.stock_low import StockLow


T = TypeVar("T", bound="Alerts")


@_attrs_define
class Alerts:
    """
    Attributes:
        blanks_low (BlanksLow | None | Unset):
        stock_low (None | StockLow | Unset):
    """

    blanks_low: BlanksLow | None | Unset = UNSET
    stock_low: None | StockLow | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.blanks_low import BlanksLow  # noqa: PLC0415
        from ..models.stock_low import StockLow  # noqa: PLC0415

        blanks_low: dict[str, Any] | None | Unset
        if isinstance(self.blanks_low, Unset):
            blanks_low = UNSET
        elif isinstance(self.blanks_low, BlanksLow):
            blanks_low = self.blanks_low.to_dict()
        else:
            blanks_low = self.blanks_low

        stock_low: dict[str, Any] | None | Unset
        if isinstance(self.stock_low, Unset):
            stock_low = UNSET
        elif isinstance(self.stock_low, StockLow):
            stock_low = self.stock_low.to_dict()
        else:
            stock_low = self.stock_low

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if blanks_low is not UNSET:
            field_dict["blanks_low"] = blanks_low
        if stock_low is not UNSET:
            field_dict["stock_low"] = stock_low

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.blanks_low import BlanksLow  # noqa: PLC0415
        from ..models.stock_low import StockLow  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_blanks_low(data: object) -> BlanksLow | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                blanks_low_type_0 = BlanksLow.from_dict(data)

                return blanks_low_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BlanksLow | None | Unset, data)

        blanks_low = _parse_blanks_low(d.pop("blanks_low", UNSET))

        def _parse_stock_low(data: object) -> None | StockLow | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stock_low_type_0 = StockLow.from_dict(data)

                return stock_low_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StockLow | Unset, data)

        stock_low = _parse_stock_low(d.pop("stock_low", UNSET))

        alerts = cls(
            blanks_low=blanks_low,
            stock_low=stock_low,
        )

        return alerts
