from typing import Literal

StockCountInLocation = Literal["print-room", "store"]

STOCK_COUNT_IN_LOCATION_VALUES: set[StockCountInLocation] = {
    "print-room",
    "store",
}


def check_stock_count_in_location(value: str) -> StockCountInLocation:
    if value in STOCK_COUNT_IN_LOCATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {STOCK_COUNT_IN_LOCATION_VALUES!r}"
    )
