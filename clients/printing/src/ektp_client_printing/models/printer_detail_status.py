from typing import Literal

PrinterDetailStatus = Literal["BROKEN", "IN_REPAIR", "OFFLINE", "ONLINE"]

PRINTER_DETAIL_STATUS_VALUES: set[PrinterDetailStatus] = {
    "BROKEN",
    "IN_REPAIR",
    "OFFLINE",
    "ONLINE",
}


def check_printer_detail_status(value: str) -> PrinterDetailStatus:
    if value in PRINTER_DETAIL_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRINTER_DETAIL_STATUS_VALUES!r}")
