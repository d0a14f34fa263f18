from typing import Literal

PrinterRegisteredDriver = Literal["cups", "pdf", "simulated"]

PRINTER_REGISTERED_DRIVER_VALUES: set[PrinterRegisteredDriver] = {
    "cups",
    "pdf",
    "simulated",
}


def check_printer_registered_driver(value: str) -> PrinterRegisteredDriver:
    if value in PRINTER_REGISTERED_DRIVER_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRINTER_REGISTERED_DRIVER_VALUES!r}"
    )
