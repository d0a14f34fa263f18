from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.stock_count_out_status import StockCountOutStatus, check_stock_count_out_status

if TYPE_CHECKING:
    from ..models.discrepancy import Discrepancy


T = TypeVar("T", bound="StockCountOut")


@_attrs_define
class StockCountOut:
    """
    Attributes:
        discrepancy (Discrepancy):
        id (int):
        status (StockCountOutStatus):
    """

    discrepancy: Discrepancy
    id: int
    status: StockCountOutStatus

    def to_dict(self) -> dict[str, Any]:
        discrepancy = self.discrepancy.to_dict()

        id = self.id

        status: str = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "discrepancy": discrepancy,
                "id": id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.discrepancy import Discrepancy  # noqa: PLC0415

        d = dict(src_dict)
        discrepancy = Discrepancy.from_dict(d.pop("discrepancy"))

        id = d.pop("id")

        status = check_stock_count_out_status(d.pop("status"))

        stock_count_out = cls(
            discrepancy=discrepancy,
            id=id,
            status=status,
        )

        return stock_count_out
