from typing import Literal

PrinterInStatus = Literal["BROKEN", "IN_REPAIR", "OFFLINE", "ONLINE"]

PRINTER_IN_STATUS_VALUES: set[PrinterInStatus] = {
    "BROKEN",
    "IN_REPAIR",
    "OFFLINE",
    "ONLINE",
}


def check_printer_in_status(value: str) -> PrinterInStatus:
    if value in PRINTER_IN_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRINTER_IN_STATUS_VALUES!r}")
