from typing import Literal

PrinterRegisteredStatus = Literal["BROKEN", "IN_REPAIR", "OFFLINE", "ONLINE"]

PRINTER_REGISTERED_STATUS_VALUES: set[PrinterRegisteredStatus] = {
    "BROKEN",
    "IN_REPAIR",
    "OFFLINE",
    "ONLINE",
}


def check_printer_registered_status(value: str) -> PrinterRegisteredStatus:
    if value in PRINTER_REGISTERED_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRINTER_REGISTERED_STATUS_VALUES!r}"
    )
