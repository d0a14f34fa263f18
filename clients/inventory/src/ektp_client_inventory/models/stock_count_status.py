from typing import Literal

StockCountStatus = Literal["APPROVED", "MATCHED", "PENDING_APPROVAL", "RECORDED", "REJECTED"]

STOCK_COUNT_STATUS_VALUES: set[StockCountStatus] = {
    "APPROVED",
    "MATCHED",
    "PENDING_APPROVAL",
    "RECORDED",
    "REJECTED",
}


def check_stock_count_status(value: str) -> StockCountStatus:
    if value in STOCK_COUNT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STOCK_COUNT_STATUS_VALUES!r}")
