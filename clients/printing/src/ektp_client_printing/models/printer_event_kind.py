from typing import Literal

PrinterEventKind = Literal["PRINTED", "REGISTERED", "SPOILED", "STATUS"]

PRINTER_EVENT_KIND_VALUES: set[PrinterEventKind] = {
    "PRINTED",
    "REGISTERED",
    "SPOILED",
    "STATUS",
}


def check_printer_event_kind(value: str) -> PrinterEventKind:
    if value in PRINTER_EVENT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRINTER_EVENT_KIND_VALUES!r}")
