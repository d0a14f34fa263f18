from typing import Literal

DiscrepancyLocation = Literal["print-room", "store"]

DISCREPANCY_LOCATION_VALUES: set[DiscrepancyLocation] = {
    "print-room",
    "store",
}


def check_discrepancy_location(value: str) -> DiscrepancyLocation:
    if value in DISCREPANCY_LOCATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DISCREPANCY_LOCATION_VALUES!r}")
