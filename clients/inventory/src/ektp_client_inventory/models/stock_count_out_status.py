from typing import Literal

StockCountOutStatus = Literal["APPROVED", "MATCHED", "PENDING_APPROVAL", "RECORDED", "REJECTED"]

STOCK_COUNT_OUT_STATUS_VALUES: set[StockCountOutStatus] = {
    "APPROVED",
    "MATCHED",
    "PENDING_APPROVAL",
    "RECORDED",
    "REJECTED",
}


def check_stock_count_out_status(value: str) -> StockCountOutStatus:
    if value in STOCK_COUNT_OUT_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {STOCK_COUNT_OUT_STATUS_VALUES!r}"
    )
