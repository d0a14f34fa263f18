from typing import Literal

PrinterStatus = Literal["BROKEN", "IN_REPAIR", "OFFLINE", "ONLINE"]

PRINTER_STATUS_VALUES: set[PrinterStatus] = {
    "BROKEN",
    "IN_REPAIR",
    "OFFLINE",
    "ONLINE",
}


def check_printer_status(value: str) -> PrinterStatus:
    if value in PRINTER_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRINTER_STATUS_VALUES!r}")
