from typing import Literal

PrinterDetailDriver = Literal["cups", "pdf", "simulated"]

PRINTER_DETAIL_DRIVER_VALUES: set[PrinterDetailDriver] = {
    "cups",
    "pdf",
    "simulated",
}


def check_printer_detail_driver(value: str) -> PrinterDetailDriver:
    if value in PRINTER_DETAIL_DRIVER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRINTER_DETAIL_DRIVER_VALUES!r}")
