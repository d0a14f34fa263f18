from typing import Literal

PrinterDriver = Literal["cups", "pdf", "simulated"]

PRINTER_DRIVER_VALUES: set[PrinterDriver] = {
    "cups",
    "pdf",
    "simulated",
}


def check_printer_driver(value: str) -> PrinterDriver:
    if value in PRINTER_DRIVER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRINTER_DRIVER_VALUES!r}")
