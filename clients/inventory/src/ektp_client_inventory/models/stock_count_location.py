from typing import Literal

StockCountLocation = Literal["print-room", "store"]

STOCK_COUNT_LOCATION_VALUES: set[StockCountLocation] = {
    "print-room",
    "store",
}


def check_stock_count_location(value: str) -> StockCountLocation:
    if value in STOCK_COUNT_LOCATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STOCK_COUNT_LOCATION_VALUES!r}")
