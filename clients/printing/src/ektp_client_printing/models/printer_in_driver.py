from typing import Literal

PrinterInDriver = Literal["cups", "pdf", "simulated"]

PRINTER_IN_DRIVER_VALUES: set[PrinterInDriver] = {
    "cups",
    "pdf",
    "simulated",
}


def check_printer_in_driver(value: str) -> PrinterInDriver:
    if value in PRINTER_IN_DRIVER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRINTER_IN_DRIVER_VALUES!r}")
